package events_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/events/eventstest"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// BenchmarkEmit_1000Rules measures Emit (match + queue, one store
// transaction) against 1,000 rules on the default bus, one of which matches.
func BenchmarkEmit_1000Rules(b *testing.B) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(b.TempDir(), "salve.db")})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	svc := events.New(events.Params{Store: st, Clock: clock.Real{}, Functions: &eventstest.Functions{}, MaxRules: 2000})
	for i := range 1000 {
		pattern := fmt.Sprintf(`{"source":["aws.config"],"detail":{"configRuleName":["rule-%d"],"newEvaluationResult":{"complianceType":["NON_COMPLIANT"]}}}`, i)
		if _, err := svc.PutRule(ctx, home, events.PutRuleParams{Name: fmt.Sprint("r", i), EventPattern: &pattern}); err != nil {
			b.Fatal(err)
		}
		if _, err := svc.PutTargets(ctx, home, "", fmt.Sprint("r", i), []events.Target{{ID: "fn", ARN: lambdaARN}}); err != nil {
			b.Fatal(err)
		}
	}
	detail := json.RawMessage(`{"resourceId":"b","configRuleName":"rule-500","newEvaluationResult":{"complianceType":"NON_COMPLIANT"}}`)
	b.ResetTimer()
	for b.Loop() {
		if err := svc.Emit(ctx, home, events.Event{Source: "aws.config", DetailType: "Config Rules Compliance Change", Detail: detail}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*1000)/b.Elapsed().Seconds(), "matches/s")
}
