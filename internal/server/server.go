// Package server composes Salve: the domain services over one store, the
// API services over them, and the wire server in front.
package server

import (
	"log/slog"
	"net/http"
	"time"

	apiconfig "github.com/salvehq/salve/internal/api/configservice"
	apissm "github.com/salvehq/salve/internal/api/ssm"
	apists "github.com/salvehq/salve/internal/api/sts"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/compliance"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/store"
)

// Params configure a Salve server.
type Params struct {
	Store        store.Store
	Clock        clock.Clock
	Logger       *slog.Logger
	AuthMode     awsproto.AuthMode
	Credentials  []awsproto.AccessKey
	MaxBodyBytes int64
	// AWSCaller reaches AWS for runbook steps (aws:executeAwsApi…); nil
	// fails such steps with "no AWS caller is configured".
	AWSCaller engine.AWSCaller
}

// Salve is a composed server: its HTTP handler and its domain services.
type Salve struct {
	Handler     http.Handler
	Rules       *rules.Service
	Remediation *remediation.Service
	Documents   *documents.Service
	Compliance  *compliance.Service
	// Runbooks hosts Automation executions; serve runs its Run.
	Runbooks *runbooks.Service
	// JSON and Query are the wire services behind Handler, for callers that
	// invoke operations in process (internal/awscall).
	JSON  []*awsproto.JSONService
	Query []*awsproto.QueryService
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
		Remediation: remediation.New(remediation.Params{Store: p.Store, Clock: p.Clock, Logger: p.Logger.With("component", "remediation")}),
		Documents:   documents.New(documents.Params{Store: p.Store, Clock: p.Clock, Logger: p.Logger.With("component", "documents")}),
		Compliance:  compliance.New(compliance.Params{Store: p.Store, Clock: p.Clock, Logger: p.Logger.With("component", "compliance")}),
	}
	s.Runbooks = runbooks.New(runbooks.Params{Store: p.Store, Clock: p.Clock,
		Logger: p.Logger.With("component", "runbooks"), Caller: p.AWSCaller})
	s.Rules.AddDeleteGuard(s.Remediation.RuleDeleteGuard)
	creds := map[string]awsproto.AccessKey{}
	for _, c := range p.Credentials {
		creds[c.AccessKeyID] = c
	}
	mode := p.AuthMode
	if mode == "" {
		mode = awsproto.AuthOff
	}
	s.JSON = []*awsproto.JSONService{
		apiconfig.Service(apiconfig.Deps{Rules: s.Rules, Remediation: s.Remediation}),
		apissm.Service(apissm.Deps{Documents: s.Documents, Compliance: s.Compliance, Runbooks: s.Runbooks}),
	}
	s.Query = []*awsproto.QueryService{apists.Service()}
	s.Handler = awsproto.NewServer(awsproto.ServerParams{
		// Clients date signatures by their wall clocks, so freshness is checked
		// against the wall clock even when the domain clock is a fake.
		Auth:         &awsproto.Authenticator{Mode: mode, Credentials: creds, Clock: clock.Real{}, MaxSkew: 15 * time.Minute},
		Logger:       p.Logger.With("component", "wire"),
		MaxBodyBytes: p.MaxBodyBytes,
		JSON:         s.JSON,
		Query:        s.Query,
	})
	return s, nil
}
