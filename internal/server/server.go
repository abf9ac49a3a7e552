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
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/compliance"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/rules"
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
}

// Salve is a composed server: its HTTP handler and its domain services.
type Salve struct {
	Handler     http.Handler
	Rules       *rules.Service
	Remediation *remediation.Service
	Documents   *documents.Service
	Compliance  *compliance.Service
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
	s.Rules.AddDeleteGuard(s.Remediation.RuleDeleteGuard)
	creds := map[string]awsproto.AccessKey{}
	for _, c := range p.Credentials {
		creds[c.AccessKeyID] = c
	}
	mode := p.AuthMode
	if mode == "" {
		mode = awsproto.AuthOff
	}
	s.Handler = awsproto.NewServer(awsproto.ServerParams{
		// Clients date signatures by their wall clocks, so freshness is checked
		// against the wall clock even when the domain clock is a fake.
		Auth:         &awsproto.Authenticator{Mode: mode, Credentials: creds, Clock: clock.Real{}, MaxSkew: 15 * time.Minute},
		Logger:       p.Logger.With("component", "wire"),
		MaxBodyBytes: p.MaxBodyBytes,
		JSON: []*awsproto.JSONService{
			apiconfig.Service(apiconfig.Deps{Rules: s.Rules, Remediation: s.Remediation}),
			apissm.Service(apissm.Deps{Documents: s.Documents, Compliance: s.Compliance}),
		},
		Query: []*awsproto.QueryService{apists.Service()},
	})
	return s, nil
}
