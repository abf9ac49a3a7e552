package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/rules/managed"
	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// benchItemCount is how many resources the evaluation benchmarks record.
var benchItemCount = flag.Int("items", 100000, "resources recorded by BenchmarkEvaluate and judged by BenchmarkRuleLogic")

// evalProfile, when set, receives a CPU profile of the timed evaluation
// alone (go test's -cpuprofile also covers recording the items).
var evalProfile = flag.String("evalprofile", "", "write a CPU profile of BenchmarkEvaluate's timed evaluation to this file")

// recordBatch is how many items one recording transaction holds.
const recordBatch = 1000

// scope is the tenant every synthetic item is recorded in (the account
// and Region the default test clients sign for).
var scope = tenant.Scope{AccountID: benchAccount, Region: benchRegion}

// requiredValues are the benchmark's values of required parameters that
// have no default.
var requiredValues = map[string]string{"managedPolicyArns": readOnlyARN}

// benchRule is a managed rule of the benchmark with its parameters.
type benchRule struct {
	def    *managed.Rule
	input  string
	params managed.Params
}

// benchRules are every change-triggered managed rule that judges items of
// one of benchTypes, in identifier order.
func benchRules(tb testing.TB) []benchRule {
	var out []benchRule
	for _, id := range managed.Identifiers() {
		def, _ := managed.Lookup(id)
		if !def.ChangeTriggered || def.EvaluateItem == nil || !slices.ContainsFunc(benchTypes, def.AppliesTo) {
			continue
		}
		input := map[string]string{}
		for _, p := range def.Params {
			if p.Required {
				input[p.Name] = cmpOr(p.Default, requiredValues[p.Name])
				require.NotEmpty(tb, input[p.Name], "no benchmark value for %s's required %s", id, p.Name)
			}
		}
		b, err := json.Marshal(input)
		require.NoError(tb, err)
		params, err := managed.ParseParams(def, string(b))
		require.NoError(tb, err)
		out = append(out, benchRule{def: def, input: string(b), params: params})
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// tallies counts results per rule name.
type tallies map[string]rules.Tally

func (t tallies) total() int {
	n := 0
	for _, x := range t {
		n += x.Compliant + x.NonCompliant + x.NotApplicable
	}
	return n
}

// judge evaluates every rule over the items it applies to in memory: the
// pure rule logic, and the results the evaluator must record.
func judge(rs []benchRule, items []configitem.Item) tallies {
	out := tallies{}
	for _, r := range rs {
		t := out[r.def.Name]
		for i := range items {
			if r.def.AppliesTo(items[i].ResourceType) {
				t.Add(r.def.Evaluate(&items[i], r.params).ComplianceType)
			}
		}
		out[r.def.Name] = t
	}
	return out
}

// scenario orders the work of one evaluation run.
type scenario string

const (
	// rulesPut records the items, lets the evaluator drain their changes
	// (no rule yet), then puts the rules: each put queues a rule job that
	// evaluates the rule over every current item of its types.
	rulesPut scenario = "rules-put"
	// changes puts the rules first, then records the items: the evaluator
	// judges each recorded change against the rules in scope.
	changes scenario = "changes"
)

// evalRun is what one run measured.
type evalRun struct {
	recorded  int
	recordDur time.Duration
	results   int
	evalDur   time.Duration
	evalCPU   time.Duration
	ticks     int
}

// runEvaluation records items into a fresh server, puts the rules in the
// scenario's order, times the evaluator until it is idle, and checks the
// recorded results against the pure logic.
func runEvaluation(tb testing.TB, sc scenario, rs []benchRule, items []configitem.Item, want tallies) evalRun {
	env := salvetest.Setup(tb)
	var run evalRun
	if sc == changes {
		putRules(tb, env, rs)
		settle(tb, env)
	}
	run.recorded, run.recordDur = recordItems(tb, env, items)
	if sc == rulesPut {
		settle(tb, env) // drain the changes: no rule is in scope yet
		putRules(tb, env, rs)
	}
	stop := startProfile(tb, sc)
	cpu0, start := cpuTime(), time.Now()
	run.ticks = settle(tb, env)
	run.evalDur, run.evalCPU = time.Since(start), cpuTime()-cpu0
	stop()
	got := storedTallies(tb, env, rs)
	require.Equal(tb, want, got)
	run.results = got.total()
	checkSummary(tb, env, want)
	return run
}

// putRules puts each rule through the Config API, as a user would.
func putRules(tb testing.TB, env *salvetest.Env, rs []benchRule) {
	for _, r := range rs {
		_, err := env.Config.PutConfigRule(context.Background(), &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
			ConfigRuleName:  aws.String(r.def.Name),
			Source:          &ctypes.Source{Owner: ctypes.OwnerAws, SourceIdentifier: aws.String(r.def.Identifier)},
			InputParameters: aws.String(r.input),
		}})
		require.NoError(tb, err, r.def.Identifier)
	}
}

// recordItems records items through the server's recorder, recordBatch
// per transaction, waking the evaluator after each commit as the sandbox
// services do.
func recordItems(tb testing.TB, env *salvetest.Env, items []configitem.Item) (int, time.Duration) {
	start := time.Now()
	for i := 0; i < len(items); i += recordBatch {
		part := items[i:min(i+recordBatch, len(items))]
		err := env.Store.Update(context.Background(), func(tx store.Tx) error {
			for j := range part {
				it := part[j]
				if err := env.Salve.Recorder.Record(tx, scope, &it); err != nil {
					return err
				}
			}
			return nil
		})
		require.NoError(tb, err)
		env.Salve.Recorder.Changed()
	}
	return len(items), time.Since(start)
}

// settle ticks the evaluator until a tick reports nothing to do; it
// returns the number of ticks.
func settle(tb testing.TB, env *salvetest.Env) int {
	for n := 1; ; n++ {
		did, err := env.Salve.Evaluator.Tick(context.Background())
		require.NoError(tb, err)
		if !did {
			return n
		}
	}
}

// storedTallies counts the stored results of every rule.
func storedTallies(tb testing.TB, env *salvetest.Env, rs []benchRule) tallies {
	out := tallies{}
	err := env.Store.View(context.Background(), func(tx store.Tx) error {
		for _, r := range rs {
			var t rules.Tally
			for _, ct := range []string{rules.Compliant, rules.NonCompliant, rules.NotApplicable} {
				refs, err := rules.ResourcesByCompliance(tx, scope, r.def.Name, ct)
				if err != nil {
					return err
				}
				for range refs {
					t.Add(ct)
				}
			}
			out[r.def.Name] = t
		}
		return nil
	})
	require.NoError(tb, err)
	return out
}

// checkSummary compares GetComplianceSummaryByConfigRule with the rules'
// expected roll-ups.
func checkSummary(tb testing.TB, env *salvetest.Env, want tallies) {
	var compliant, nonCompliant int32
	for _, t := range want {
		switch rules.Rollup(t, rules.ResourceContributorCap).Type {
		case rules.Compliant:
			compliant++
		case rules.NonCompliant:
			nonCompliant++
		}
	}
	out, err := env.Config.GetComplianceSummaryByConfigRule(context.Background(), &configservice.GetComplianceSummaryByConfigRuleInput{})
	require.NoError(tb, err)
	s := out.ComplianceSummary
	require.Equal(tb, min(compliant, rules.RuleContributorCap), s.CompliantResourceCount.CappedCount)
	require.Equal(tb, min(nonCompliant, rules.RuleContributorCap), s.NonCompliantResourceCount.CappedCount)
}

// startProfile starts a CPU profile into -evalprofile (suffixed with the
// scenario) when the flag is set; the returned func stops it.
func startProfile(tb testing.TB, sc scenario) func() {
	if *evalProfile == "" {
		return func() {}
	}
	f, err := os.Create(*evalProfile + "." + string(sc))
	require.NoError(tb, err)
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		tb.Logf("no evaluation profile: %v", err) // go test -cpuprofile is running
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		require.NoError(tb, f.Close())
	}
}

// cpuTime is the process's user+system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkEvaluate times the rules evaluator over -items recorded
// resources (the five types in equal shares) × every change-triggered
// managed rule that judges them, from the first Tick until a Tick finds
// nothing to do. Run it once per measurement:
//
//	go test ./bench/evaluation -run '^$' -bench BenchmarkEvaluate -benchtime 1x -count 3
func BenchmarkEvaluate(b *testing.B) {
	rs := benchRules(b)
	items := makeItems(*benchItemCount)
	stored, err := storedForm(items)
	require.NoError(b, err)
	want := judge(rs, stored)
	for _, sc := range []scenario{rulesPut, changes} {
		b.Run(string(sc), func(b *testing.B) {
			var last evalRun
			b.StopTimer()
			for range b.N {
				last = runEvaluation(b, sc, rs, items, want)
			}
			b.ReportMetric(float64(last.results)/last.evalDur.Seconds(), "evaluations/s")
			b.ReportMetric(float64(last.evalCPU.Nanoseconds())/float64(last.results), "cpu-ns/eval")
			b.ReportMetric(float64(last.results), "results")
			b.ReportMetric(float64(last.recorded)/last.recordDur.Seconds(), "recorded-items/s")
			b.ReportMetric(last.evalDur.Seconds(), "eval-s")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// BenchmarkRuleLogic times the rules' logic alone: every benchmark rule's
// EvaluateItem over the items it applies to, in memory (as decoded from
// the store), with no storage.
//
//	go test ./bench/evaluation -run '^$' -bench BenchmarkRuleLogic -count 3
func BenchmarkRuleLogic(b *testing.B) {
	rs := benchRules(b)
	items, err := storedForm(makeItems(*benchItemCount))
	require.NoError(b, err)
	evals := judge(rs, items).total()
	cpu0, start := cpuTime(), time.Now()
	for b.Loop() {
		judge(rs, items)
	}
	elapsed, cpu := time.Since(start), cpuTime()-cpu0
	b.ReportMetric(float64(evals*b.N)/elapsed.Seconds(), "evaluations/s")
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(evals*b.N), "ns/eval")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(evals*b.N), "cpu-ns/eval")
}

func TestBenchRules_JudgeEveryType(t *testing.T) {
	t.Parallel()
	rs := benchRules(t)
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.def.Identifier
	}
	for _, typ := range benchTypes {
		require.True(t, slices.ContainsFunc(rs, func(r benchRule) bool { return r.def.AppliesTo(typ) }), typ)
	}
	require.Contains(t, ids, "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")
	require.Contains(t, ids, "IAM_ROLE_MANAGED_POLICY_CHECK")
	require.NotContains(t, ids, "CLOUD_TRAIL_ENABLED", "periodic account-level rules judge no item")
}

func TestMakeItems_EveryRuleFindsBothVerdicts(t *testing.T) {
	t.Parallel()
	items, err := storedForm(makeItems(1000))
	require.NoError(t, err)
	for name, tally := range judge(benchRules(t), items) {
		require.Positive(t, tally.Compliant, name)
		require.Positive(t, tally.NonCompliant, name)
	}
}

func TestRunEvaluation_RecordsWhatTheLogicSays(t *testing.T) {
	t.Parallel()
	rs := benchRules(t)
	items := makeItems(2000)
	stored, err := storedForm(items)
	require.NoError(t, err)
	want := judge(rs, stored)
	for _, sc := range []scenario{rulesPut, changes} {
		t.Run(fmt.Sprint(sc), func(t *testing.T) {
			t.Parallel()
			run := runEvaluation(t, sc, rs, items, want)
			require.Equal(t, want.total(), run.results)
			require.Equal(t, len(items), run.recorded)
		})
	}
}
