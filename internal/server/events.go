package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	apievents "github.com/salvehq/salve/internal/api/events"
	apilambda "github.com/salvehq/salve/internal/api/lambda"
	apisecurityhub "github.com/salvehq/salve/internal/api/securityhub"
	"github.com/salvehq/salve/internal/audit"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/script"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/configitem/notification"
	"github.com/salvehq/salve/internal/delivery"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/events/awsevents"
	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/sandbox/sns"
	"github.com/salvehq/salve/internal/securityhub"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// lazyFunctions lets services built before the functions service (the
// runbooks service needs its invoker; the functions service needs the
// script runner, built later) reach it.
type lazyFunctions struct{ s *Salve }

// Invoke implements engine.FunctionInvoker (aws:invokeLambdaFunction).
func (l lazyFunctions) Invoke(ctx context.Context, req engine.FunctionRequest) (engine.FunctionResult, error) {
	return l.s.Functions.Invoker().Invoke(ctx, req)
}

// newEventServices builds the Lambda-style functions, the event bus and
// Security Hub, and connects them to the rules, recorder, orchestrator
// and runbooks hooks. runner is the script runner (nil without an
// endpoint: functions are stored but not invocable).
func (s *Salve) newEventServices(p Params, runner *script.Runner) {
	s.Functions = functions.New(functions.Params{Store: p.Store, Clock: p.Clock,
		Logger: p.Logger.With("component", "functions"), Sink: s.Recorder, Runner: runner})
	s.Events = events.New(events.Params{Store: p.Store, Clock: p.Clock,
		Logger: p.Logger.With("component", "events"), Sink: s.Recorder,
		Functions: eventFunctions{s.Functions}, SNS: eventSNS{s.Sandbox.SNS}, HTTP: eventHTTP{s.Deliveries}})
	s.SecurityHub = securityhub.New(securityhub.Params{Store: p.Store, Clock: p.Clock,
		Logger: p.Logger.With("component", "securityhub"), Items: s.Recorder})
	// Events first: their deliveries are on the path of a webhook's latency.
	s.Rules.OnEvaluationChangeTx(s.emitComplianceChanges)
	s.Rules.OnEvaluationChangeTx(s.SecurityHub.OnEvaluationChange)
	s.Rules.OnRuleEvent(s.SecurityHub.RuleHook, nil)
	s.Recorder.OnRecord(s.emitItemChange)
	s.Recorder.OnChange(s.Events.WakeAll)
	s.Orchestrator.OnStatusChange(s.emitRemediation)
	s.Runbooks.OnStarted(func(scope tenant.Scope, id string) { s.emitAutomation(scope, id) })
	s.Runbooks.OnFinished(func(scope tenant.Scope, id string) { s.emitAutomation(scope, id) })
	s.Evaluator.UseFunctions(ruleFunctions{s.Functions})
}

// withFunctionCode adds the endpoint that serves functions' code
// (GetFunction's Code.Location).
func (s *Salve) withFunctionCode(h map[string]http.Handler) map[string]http.Handler {
	h[apilambda.CodePath] = apilambda.CodeHandler(apilambda.Deps{Functions: s.Functions, Logger: s.logger})
	return h
}

// ruleFunctions invokes custom rules' functions asynchronously.
type ruleFunctions struct{ f *functions.Service }

func (r ruleFunctions) InvokeAsync(ctx context.Context, scope tenant.Scope, function string, payload []byte) error {
	_, err := r.f.Enqueue(ctx, scope, functions.InvokeParams{FunctionName: function, Payload: payload})
	return err
}

// eventAPIs returns the wire services of the event bus, Lambda and
// Security Hub, and the audit trail's names for the REST ones.
func (s *Salve) eventAPIs(logger *slog.Logger) (*awsproto.JSONService, []*awsproto.RESTService, map[string]audit.RESTNamer) {
	lambdaDeps := apilambda.Deps{Functions: s.Functions, Logger: logger}
	rest := []*awsproto.RESTService{
		apilambda.Service(lambdaDeps),
		apisecurityhub.Service(apisecurityhub.Deps{Hub: s.SecurityHub, Logger: logger}),
	}
	namers := map[string]audit.RESTNamer{
		"securityhub": func(method, path string, _ url.Values) string { return apisecurityhub.OperationName(method, path) },
		"lambda": func(method, path string, q url.Values) string {
			return apilambda.OperationOf(&http.Request{Method: method, URL: &url.URL{Path: path, RawQuery: q.Encode()}})
		},
	}
	return apievents.Service(apievents.Deps{Events: s.Events}), rest, namers
}

// emitComplianceChanges queues aws.config "Config Rules Compliance
// Change" for every result that changed a compliance, in the transaction
// that records the results (a rules.EvaluationTxHook); the delivery
// workers are woken once it has committed.
func (s *Salve) emitComplianceChanges(tx store.Tx, changes []rules.EvaluationChange) (func(context.Context), error) {
	byScope := map[tenant.Scope][]events.Event{}
	var order []tenant.Scope
	quiet := map[tenant.Scope]bool{}
	arns := map[[3]string]string{}
	for _, c := range changes {
		if !c.Changed() {
			continue
		}
		q, seen := quiet[c.Scope]
		if !seen {
			var err error
			if q, err = s.Events.QuietTx(tx, c.Scope); err != nil {
				return nil, err
			}
			quiet[c.Scope] = q
		}
		if q {
			continue
		}
		k := [3]string{c.Scope.AccountID, c.Scope.Region, c.RuleName}
		arn, ok := arns[k]
		if !ok {
			arn = ruleARN(tx, c.Scope, c.RuleName)
			arns[k] = arn
		}
		cc := awsevents.ComplianceChange{Scope: c.Scope, RuleName: c.RuleName, RuleARN: arn,
			ResourceType: c.ResourceType, ResourceID: c.ResourceID, At: c.At,
			New: awsevents.EvaluationResult{ComplianceType: c.New, OrderingTimestamp: c.At, ResultRecordedTime: c.At, ConfigRuleInvokedTime: c.At}}
		if c.Old != "" {
			cc.Old = &awsevents.EvaluationResult{ComplianceType: c.Old}
		}
		if _, ok := byScope[c.Scope]; !ok {
			order = append(order, c.Scope)
		}
		byScope[c.Scope] = append(byScope[c.Scope], awsevents.ComplianceChangeEvent(cc))
	}
	for _, scope := range order {
		if err := s.Events.EmitTx(tx, scope, byScope[scope]...); err != nil {
			return nil, fmt.Errorf("queue compliance change events: %w", err)
		}
	}
	if len(order) == 0 {
		return nil, nil
	}
	return func(context.Context) { s.Events.WakeAll() }, nil
}

// emitItemChange queues aws.config "Config Configuration Item Change",
// whose detail is the recorder's ConfigurationItemChangeNotification, in
// the recorder's transaction.
func (s *Salve) emitItemChange(tx store.Tx, scope tenant.Scope, n *notification.ItemChange) error {
	return s.Events.EmitTx(tx, scope, awsevents.ItemChangeEvent(n))
}

// emitRemediation emits Salve's remediation status event.
func (s *Salve) emitRemediation(ctx context.Context, scope tenant.Scope, e remediation.Execution) {
	if quiet, err := s.Events.Quiet(ctx, scope); err != nil || quiet {
		return
	}
	r := awsevents.Remediation{Scope: scope, RuleName: e.ConfigRuleName, RuleARN: ruleARNOf(ctx, s.store, scope, e.ConfigRuleName),
		ResourceType: e.ResourceType, ResourceID: e.ResourceID, State: string(e.State),
		Automatic: e.Trigger == remediation.TriggerAutomatic, TargetID: e.Target.DocumentName,
		TargetVersion: e.Target.DocumentVersion, AutomationExecutionID: e.AutomationExecutionID,
		InvocationTime: e.InvocationTime, LastUpdatedTime: e.LastUpdatedTime, ErrorMessage: e.FailureReason}
	if err := s.Events.Emit(ctx, scope, awsevents.RemediationEvent(r)); err != nil {
		s.logger.Error("emit remediation event", "rule", e.ConfigRuleName, "err", err)
	}
}

// emitAutomation emits aws.ssm "EC2 Automation Execution Status-change
// Notification" for an execution that started or ended.
func (s *Salve) emitAutomation(scope tenant.Scope, id string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if quiet, err := s.Events.Quiet(ctx, scope); err != nil || quiet {
		return
	}
	x, err := s.Runbooks.Get(ctx, scope, id)
	if err != nil || x == nil {
		return
	}
	a := awsevents.AutomationExecution{Scope: scope, ExecutionID: id, Definition: x.DocumentName,
		DefinitionVersion: x.DocumentVersion, Status: x.Status, StartTime: x.ExecutionStartTime,
		EndTime: x.ExecutionEndTime, ExecutedBy: x.ExecutedBy}
	if err := s.Events.Emit(ctx, scope, awsevents.AutomationExecutionEvent(a)); err != nil {
		s.logger.Error("emit automation event", "execution_id", id, "err", err)
	}
}

// ruleARNOf reads a rule's ARN ("" when it is gone).
func ruleARNOf(ctx context.Context, st store.Store, scope tenant.Scope, name string) string {
	arn := ""
	_ = st.View(ctx, func(tx store.Tx) error {
		arn = ruleARN(tx, scope, name)
		return nil
	})
	return arn
}

// eventFunctions delivers events to Lambda targets as asynchronous
// invocations (durable in the functions service, retried there).
type eventFunctions struct{ f *functions.Service }

func (e eventFunctions) Invoke(ctx context.Context, scope tenant.Scope, name string, payload []byte) error {
	_, err := e.f.Enqueue(ctx, scope, functions.InvokeParams{FunctionName: name, Payload: payload})
	return err
}

// eventSNS delivers events to SNS topic targets.
type eventSNS struct{ s *sns.Service }

func (e eventSNS) Publish(ctx context.Context, scope tenant.Scope, topicArn, message, subject string) error {
	p := sns.PublishParams{TopicARN: topicArn, Message: message}
	if subject != "" {
		p.Subject = &subject
	}
	_, err := e.s.Publish(ctx, scope, p)
	return err
}

// eventHTTP hands http(s) targets to the durable delivery worker.
type eventHTTP struct{ d *delivery.Service }

func (e eventHTTP) Enqueue(tx store.Tx, h events.HTTPDelivery) error {
	_, err := e.d.Enqueue(tx, delivery.Delivery{Scope: h.Scope, Kind: "events-target", URL: h.URL,
		Headers: h.Headers, Body: h.Body, Timeout: h.Timeout, MaxAttempts: min(h.MaxRetries+1, delivery.MaxMaxAttempts),
		MaxAge: h.MaxAge})
	return err
}

func (e eventHTTP) Wake() { e.d.Wake() }
