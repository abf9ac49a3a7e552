package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// defaultEndpoint is where a local `salve serve` listens.
const defaultEndpoint = "http://127.0.0.1:4580"

// salveFlags are the flags every client subcommand shares.
type salveFlags struct {
	endpoint, region, account string
}

// add registers the shared flags on fs.
func (f *salveFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&f.endpoint, "endpoint", defaultEndpoint, "Salve's URL")
	fs.StringVar(&f.region, "region", "us-east-1", "the region")
	fs.StringVar(&f.account, "account", "", "the account (default: Salve's default account)")
}

// Remediation runs `salve remediation approve|reject`.
func Remediation(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 || (args[0] != "approve" && args[0] != "reject") {
		return errors.New("usage: salve remediation approve|reject --rule R --resource-type T --resource-id I " +
			"[--region us-east-1] [--account A] [--endpoint " + defaultEndpoint + "]")
	}
	var sf salveFlags
	var rule, typ, id string
	fs := flag.NewFlagSet("salve remediation "+args[0], flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	sf.add(fs)
	fs.StringVar(&rule, "rule", "", "the config rule")
	fs.StringVar(&typ, "resource-type", "", "the resource type, e.g. AWS::S3::Bucket")
	fs.StringVar(&id, "resource-id", "", "the resource id")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	body, _ := json.Marshal(map[string]string{"account": sf.account, "region": sf.region,
		"rule": rule, "resourceType": typ, "resourceId": id})
	var out struct{ State string }
	if err := call(ctx, http.MethodPost, sf.endpoint+"/_salve/remediation/"+args[0], body, &out); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s %s of rule %s: execution %s\n", pastTense(args[0]), typ+"/"+id, rule, out.State)
	return nil
}

func pastTense(verb string) string {
	if verb == "approve" {
		return "approved"
	}
	return "rejected"
}

// call sends a request to a Salve endpoint and decodes its JSON answer
// into out; a non-2xx answer is an error carrying the server's message.
func call(ctx context.Context, method, url string, body []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("reach Salve (is `salve serve` running? --endpoint): %w", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("read answer: %w", err)
	}
	if resp.StatusCode/100 != 2 {
		var e struct{ Message string }
		if json.Unmarshal(data, &e) != nil || e.Message == "" {
			e.Message = strings.TrimSpace(string(data))
		}
		return fmt.Errorf("%s (HTTP %d)", e.Message, resp.StatusCode)
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("decode answer: %w", err)
	}
	return nil
}
