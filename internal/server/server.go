// Package server composes Salve: the domain services over one store, the
// API services over them, and the wire server in front.
package server

import (
	"context"
	"errors"
	"fmt"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/securityhub"
	"log/slog"
	"net/http"
	"slices"
	"time"

	apiconfig "github.com/salvehq/salve/internal/api/configservice"
	apissm "github.com/salvehq/salve/internal/api/ssm"
	apists "github.com/salvehq/salve/internal/api/sts"
	"github.com/salvehq/salve/internal/audit"
	"github.com/salvehq/salve/internal/automation/action"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/script"
	"github.com/salvehq/salve/internal/awscall"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/compliance"
	"github.com/salvehq/salve/internal/delivery"
	"github.com/salvehq/salve/internal/discovery"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/evaluator"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/remediation/orchestrator"
	"github.com/salvehq/salve/internal/remediation/salveapi"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Params configure a Salve server.
type Params struct {
	Store        store.Store
	Clock        clock.Clock
	Logger       *slog.Logger
	AuthMode     awsproto.AuthMode
	Credentials  []awsproto.AccessKey
	MaxBodyBytes int64
	// Endpoint is Salve's own URL, handed to runbook scripts as
	// AWS_ENDPOINT_URL; "" leaves aws:executeScript without a runner.
	Endpoint string
	// AWSRemote, when set, is the real endpoint runbook steps reach for the
	// services Salve does not serve itself.
	AWSRemote *awscall.RemoteConfig
	// AWSCaller replaces the caller runbook steps use (tests); nil means
	// Salve's own services in process, then AWSRemote.
	AWSCaller engine.AWSCaller
	// RemediationTick is how often the remediation orchestrator's Run
	// ticks when nothing wakes it; 0 means
	// orchestrator.DefaultTickInterval.
	RemediationTick time.Duration
	// DiscoveryInterval is how often the discovery poller reads AWSRemote's
	// resources into the recorder; 0 means discovery.DefaultInterval.
	DiscoveryInterval time.Duration
}

// Salve is a composed server: its HTTP handler and its domain services.
type Salve struct {
	Handler http.Handler
	Rules   *rules.Service
	// Recorder is the Config recorder: the configitem.Sink of the sandbox
	// services and the source of the rules evaluator's changes.
	Recorder    *recorder.Service
	Remediation *remediation.Service
	Documents   *documents.Service
	Compliance  *compliance.Service
	// Runbooks hosts Automation executions; serve runs its Run.
	Runbooks *runbooks.Service
	// Orchestrator runs remediation executions; serve runs its Run.
	Orchestrator *orchestrator.Orchestrator
	// Evaluator runs the managed rules; serve runs its Run.
	Evaluator *evaluator.Service
	// Discovery records the resources of AWSRemote's endpoint in the
	// recorder (nil without AWSRemote); serve runs its Run.
	Discovery *discovery.Service
	// Sandbox holds the emulated AWS resources (S3, EC2, IAM, SNS,
	// CloudTrail).
	Sandbox *Sandbox
	// Audit records every mutating call the handler answers (its
	// CallObserver) and serves CloudTrail's LookupEvents.
	Audit *audit.Service
	// Deliveries POSTs SNS http/https messages (and webhook targets)
	// durably; serve runs its Run.
	Deliveries *delivery.Service
	// JSON and Query are the wire services behind Handler (Salve's own and
	// the sandbox's).
	JSON  []*awsproto.JSONService
	Query []*awsproto.QueryService
	// Local calls Salve's own services (config, ssm, sts) in process; the
	// sandbox's are reached through the handler (awscall.Sandbox).
	Local *awscall.Local
	// Functions hosts Lambda-style functions; serve runs its Run.
	Functions *functions.Service
	// Events is the EventBridge-style bus; serve runs its Run.
	Events *events.Service
	// SecurityHub keeps the findings that follow Config compliance.
	SecurityHub *securityhub.Service

	store  store.Store
	logger *slog.Logger
}

// New wires every service over p.Store.
func New(p Params) (*Salve, error) {
	if p.Clock == nil {
		p.Clock = clock.Real{}
	}
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Salve{
		Rules:       rules.New(rules.Params{Store: p.Store, Clock: p.Clock, Logger: p.Logger.With("component", "rules")}),
		Recorder:    recorder.New(recorder.Params{Store: p.Store, Clock: p.Clock, Logger: p.Logger.With("component", "recorder"), RuleARN: ruleARN}),
		Remediation: remediation.New(remediation.Params{Store: p.Store, Clock: p.Clock, Logger: p.Logger.With("component", "remediation")}),
		Documents:   documents.New(documents.Params{Store: p.Store, Clock: p.Clock, Logger: p.Logger.With("component", "documents")}),
		store:       p.Store,
		logger:      p.Logger,
	}
	s.Compliance = compliance.New(compliance.Params{Store: p.Store, Clock: p.Clock,
		Logger: p.Logger.With("component", "compliance"), Sink: s.Recorder})
	s.Deliveries = delivery.New(delivery.Params{Store: p.Store, Clock: p.Clock, Logger: p.Logger})
	s.Sandbox = newSandbox(p.Store, p.Clock, p.Logger, s.Recorder, snsNotify{Endpoint: p.Endpoint, Deliveries: s.Deliveries})
	s.wireNotifications(p.Logger)
	s.Audit = audit.New(audit.Params{Store: p.Store, Clock: p.Clock, Logger: p.Logger.With("component", "audit"),
		Recorder: s.Recorder, BucketScope: s.Sandbox.bucketScope})
	// The in-process caller needs the wire services, which need Runbooks:
	// runbook steps reach the router through this indirection.
	var router *awscall.Router
	caller := p.AWSCaller
	if caller == nil {
		caller = engine.CallerFunc(func(ctx context.Context, req engine.CallRequest) (map[string]any, error) {
			return router.Call(ctx, req)
		})
	}
	// Actions are registered once the services Salve serves are known
	// (scripts send the others to AWSRemote); nothing runs before New returns.
	registry := engine.NewRegistry()
	s.Runbooks = runbooks.New(runbooks.Params{Store: p.Store, Clock: p.Clock,
		Logger: p.Logger.With("component", "runbooks"), Caller: caller, Registry: registry,
		Functions: lazyFunctions{s}})
	s.Rules.AddDeleteGuard(s.Remediation.RuleDeleteGuard)
	s.Orchestrator = orchestrator.New(orchestrator.Params{Store: p.Store, Clock: p.Clock,
		Logger: p.Logger.With("component", "orchestrator"), Remediation: s.Remediation,
		Automation: s.Runbooks, TickInterval: p.RemediationTick})
	s.Rules.OnEvaluationChangeTx(s.Orchestrator.OnEvaluationChange)
	s.Remediation.OnAutomaticEnabled(s.Orchestrator.OnAutomaticEnabled)
	s.Remediation.OnWork(s.Orchestrator.Wake)
	s.Runbooks.OnFinished(s.Orchestrator.AutomationFinished)
	s.Evaluator = evaluator.New(evaluator.Params{Store: p.Store, Clock: p.Clock,
		Logger: p.Logger.With("component", "evaluator"), Rules: s.Rules, Recorder: s.Recorder, Caller: caller,
		TickInterval: p.RemediationTick})
	s.Recorder.OnChange(s.Evaluator.Wake)
	s.Rules.OnRuleEvent(s.Evaluator.OnRuleEvent, s.Evaluator.Wake)
	s.Orchestrator.OnSucceeded(s.Evaluator.OnRemediated)
	creds := map[string]awsproto.AccessKey{}
	for _, c := range p.Credentials {
		creds[c.AccessKeyID] = c
	}
	mode := p.AuthMode
	if mode == "" {
		mode = awsproto.AuthOff
	}
	s.JSON = []*awsproto.JSONService{
		apiconfig.Service(apiconfig.Deps{Rules: s.Rules, Remediation: s.Remediation, Recorder: s.Recorder}),
		apissm.Service(apissm.Deps{Documents: s.Documents, Compliance: s.Compliance, Runbooks: s.Runbooks}),
	}
	s.Query = []*awsproto.QueryService{apists.Service()}
	local := awscall.NewLocal(s.JSON, s.Query)
	s.Local = local
	sbJSON, sbQuery, sbREST := s.Sandbox.wire(s.Audit)
	s.JSON, s.Query = append(s.JSON, sbJSON...), append(s.Query, sbQuery...)
	router, err := awscall.NewRouter(local, p.AWSRemote)
	if err != nil {
		return nil, fmt.Errorf("configure the AWS endpoint for runbooks: %w", err)
	}
	if router.Remote != nil {
		s.Discovery = discovery.New(discovery.Params{Store: p.Store, Clock: p.Clock,
			Logger: p.Logger.With("component", "discovery"), Sink: s.Recorder, Caller: router.Remote,
			Scopes: discoveryScopes(p), Interval: p.DiscoveryInterval})
		// A remediation changed a resource at the endpoint: read it again now.
		s.Orchestrator.OnSucceeded(func(context.Context, orchestrator.Succeeded) { s.Discovery.Wake() })
	}
	served := local.Services()
	if p.AWSRemote == nil {
		// Without a real endpoint, runbooks act on the sandbox: in process
		// for steps, over Salve's endpoint for scripts.
		served = append(served, SandboxServices...)
	}
	runner, err := registerActions(registry, p, append(served, "events", "lambda"))
	if err != nil {
		return nil, err
	}
	s.newEventServices(p, runner)
	eventsJSON, eventsREST, namers := s.eventAPIs(p.Logger)
	s.JSON = append(s.JSON, eventsJSON)
	s.Audit.UseRESTNamers(namers)
	// Runbooks' calls to Salve's own services go in process; audit them too.
	local.Observe(s.Audit.Observe)
	s.Handler = awsproto.NewServer(awsproto.ServerParams{
		// Clients date signatures by their wall clocks, so freshness is checked
		// against the wall clock even when the domain clock is a fake.
		Auth:         &awsproto.Authenticator{Mode: mode, Credentials: creds, Clock: clock.Real{}, MaxSkew: 15 * time.Minute},
		Logger:       p.Logger.With("component", "wire"),
		MaxBodyBytes: p.MaxBodyBytes,
		JSON:         s.JSON,
		Query:        s.Query,
		REST:         append(sbREST, eventsREST...),
		Salve: s.withFunctionCode(s.withNotificationEndpoints(salveapi.Handlers(salveapi.Params{
			Remediation: s.Remediation, Orchestrator: s.Orchestrator}))),
		Observe: s.Audit.Observe,
	})
	if p.AWSRemote == nil {
		sb, err := awscall.NewSandbox(s.Handler, append(slices.Clone(SandboxServices), "lambda"))
		if err != nil {
			return nil, err
		}
		router.InProcess = append(router.InProcess, sb)
	}
	return s, nil
}

// registerActions registers every runbook action; with Salve's endpoint
// known, aws:executeScript gets a Python runner whose boto3 calls come back
// here for the served services and go to p.AWSRemote for the others.
func registerActions(reg *engine.Registry, p Params, served []string) (*script.Runner, error) {
	if p.Endpoint == "" {
		action.Register(reg)
		return nil, nil
	}
	sp := script.Params{Endpoint: p.Endpoint, Served: served}
	if p.AWSRemote != nil {
		sp.Remote, sp.RemoteEndpoints = p.AWSRemote.Endpoint, p.AWSRemote.Endpoints
	}
	runner, err := script.New(sp)
	if err != nil {
		return nil, err
	}
	action.Register(reg, action.WithScriptRunner(runner))
	return runner, nil
}

// discoveryScopes are the scopes the discovery poller fills: the default
// account and every configured one, in us-east-1 and AWSRemote's region.
func discoveryScopes(p Params) []tenant.Scope {
	accounts := []string{awsproto.DefaultAccount}
	for _, c := range p.Credentials {
		if c.AccountID != "" && !slices.Contains(accounts, c.AccountID) {
			accounts = append(accounts, c.AccountID)
		}
	}
	regions := []string{awsproto.DefaultRegion}
	if r := p.AWSRemote.Region; r != "" && r != awsproto.DefaultRegion {
		regions = append(regions, r)
	}
	var scopes []tenant.Scope
	for _, a := range accounts {
		for _, r := range regions {
			scopes = append(scopes, tenant.Scope{AccountID: a, Region: r})
		}
	}
	return scopes
}

// Run runs the background services (Automation workers, the remediation
// orchestrator, the rules evaluator, the delivery workers, the discovery poller) until ctx ends, then waits for them to stop. Work they
// leave is recovered by the next Run.
func (s *Salve) Run(ctx context.Context) error {
	services := []func(context.Context) error{s.Runbooks.Run, s.Orchestrator.Run, s.Evaluator.Run, s.Deliveries.Run,
		s.Functions.Run, s.Events.Run}
	if s.Discovery != nil {
		services = append(services, s.Discovery.Run)
	}
	errc := make(chan error, len(services))
	for _, run := range services {
		go func() { errc <- run(ctx) }()
	}
	var errs []error
	for range services {
		if err := <-errc; err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
