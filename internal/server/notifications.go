package server

import (
	"context"
	"log/slog"
	"maps"
	"net/http"

	apisns "github.com/salvehq/salve/internal/api/sns"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/sandbox/sns"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// snsNotify is what the SNS sandbox needs to send messages: Salve's URL
// (for SubscribeURL and UnsubscribeURL) and the delivery worker.
type snsNotify struct {
	Endpoint   string
	Deliveries sns.Deliverer
}

// wireNotifications connects Config's delivery channel to SNS: the
// recorder publishes item change notifications in its transactions, and
// the rules' evaluation hook publishes compliance change notifications.
func (s *Salve) wireNotifications(logger *slog.Logger) {
	s.Recorder.UseSNS(s.Sandbox.SNS)
	s.Rules.OnEvaluationChangeTx(func(tx store.Tx, changes []rules.EvaluationChange) (func(context.Context), error) {
		var out []recorder.ComplianceChange
		for _, c := range changes {
			if c.Changed() {
				out = append(out, recorder.ComplianceChange{Scope: c.Scope, RuleName: c.RuleName,
					ResourceType: c.ResourceType, ResourceID: c.ResourceID, Old: c.Old, New: c.New, At: c.At})
			}
		}
		published, err := s.Recorder.NotifyComplianceTx(tx, out)
		if err != nil || !published {
			return nil, err
		}
		return func(context.Context) { s.Recorder.WakeNotifications() }, nil
	})
}

// ruleARN returns a Config rule's ARN, "" when it is unknown.
func ruleARN(tx store.Tx, scope tenant.Scope, name string) string {
	r, err := rules.GetRule(tx, scope, name)
	if err != nil || r == nil {
		return ""
	}
	return r.ARN
}

// withNotificationEndpoints adds the SNS outbox and the delivery listing
// to Salve's own endpoints.
func (s *Salve) withNotificationEndpoints(m map[string]http.Handler) map[string]http.Handler {
	maps.Copy(m, apisns.SalveHandlers(apisns.SalveDeps{SNS: s.Sandbox.SNS, Deliveries: s.Deliveries}))
	return m
}
