package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"text/tabwriter"

	"github.com/salvehq/salve/internal/remediation/orchestrator"
)

// Plan runs `salve plan`: the remediation dry run as a table.
func Plan(ctx context.Context, args []string, env Env) error {
	var sf salveFlags
	var rule string
	fs := flag.NewFlagSet("salve plan", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	sf.add(fs)
	fs.StringVar(&rule, "rule", "", "only this config rule (default: every rule with a remediation configuration)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	q := url.Values{"region": {sf.region}, "account": {sf.account}, "rule": {rule}}
	var out struct{ Rules []orchestrator.RulePlan }
	if err := call(ctx, "GET", sf.endpoint+"/_salve/remediation/plan?"+q.Encode(), nil, &out); err != nil {
		return err
	}
	if len(out.Rules) == 0 {
		fmt.Fprintln(env.Stdout, "no remediation configurations in", sf.region)
	}
	for _, rp := range out.Rules {
		printRulePlan(env.Stdout, rp)
	}
	return nil
}

// printRulePlan prints one rule's header and a table of its resources.
func printRulePlan(w io.Writer, rp orchestrator.RulePlan) {
	mode := "manual"
	if rp.Automatic {
		mode = "automatic"
	}
	l := rp.Limits
	fmt.Fprintf(w, "rule %s (%s, runbook %s%s): %d NON_COMPLIANT, %d running of max %d, %d errors of max %d\n",
		rp.Rule, mode, rp.Runbook, version(rp.RunbookVersion), l.NonCompliant, l.Running, l.MaxRunning, l.Errors, l.MaxErrors)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  RESOURCE\tDECISION\tREASON\tPARAMETERS")
	for _, r := range rp.Resources {
		reason := r.Reason
		if r.ExceptionMessage != "" {
			reason += ": " + r.ExceptionMessage
		}
		if r.ExceptionExpiry != nil {
			reason += " (until " + r.ExceptionExpiry.UTC().Format("2006-01-02T15:04:05Z") + ")"
		}
		fmt.Fprintf(tw, "  %s/%s\t%s\t%s\t%v\n", r.ResourceType, r.ResourceID, r.Decision, reason, r.Parameters)
	}
	tw.Flush()
	fmt.Fprintln(w)
}

func version(v string) string {
	if v == "" {
		return ""
	}
	return " version " + v
}
