// Package salveapi serves Salve's own remediation endpoints (beyond AWS)
// under /_salve/: approve and reject an execution waiting for approval,
// and the dry-run plan. They speak plain JSON, not an AWS protocol, and
// are not authenticated: they are meant for localhost.
package salveapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/remediation/orchestrator"
	"github.com/salvehq/salve/internal/tenant"
)

// Params are the services the endpoints call.
type Params struct {
	Remediation  *remediation.Service
	Orchestrator *orchestrator.Orchestrator
}

// Handlers returns the endpoints by name under /_salve/, for
// awsproto.ServerParams.Salve.
func Handlers(p Params) map[string]http.Handler {
	return map[string]http.Handler{
		"remediation/approve": decision(p.Remediation.Approve, remediation.StateQueued),
		"remediation/reject":  decision(p.Remediation.Reject, remediation.StateFailed),
		"remediation/plan":    plan(p.Orchestrator),
	}
}

// errorBody is every error answer: {"message": …}.
type errorBody struct {
	Message string `json:"message"`
}

// writeJSON answers status with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers err: a missing configuration is 404, an execution
// not awaiting approval 409, another AWS error its own status, anything
// else 500.
func writeError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	msg := err.Error()
	if ae, ok := awserr.As(err); ok {
		status, msg = ae.HTTPStatus(), ae.Message
		if ae.Code == awserr.NoSuchRemediationConfigurationException {
			status = http.StatusNotFound
		}
	} else if errors.Is(err, remediation.ErrNotAwaitingApproval) {
		status = http.StatusConflict
	}
	writeJSON(w, status, errorBody{Message: msg})
}

// badRequest answers 400 with msg.
func badRequest(w http.ResponseWriter, msg string) {
	writeJSON(w, http.StatusBadRequest, errorBody{Message: msg})
}

// scopeOf is the tenant of account (default account when "") and region.
func scopeOf(account, region string) tenant.Scope {
	if account == "" {
		account = awsproto.DefaultAccount
	}
	return tenant.Scope{AccountID: account, Region: region}
}

// decideFunc is remediation.Service.Approve or Reject.
type decideFunc func(ctx context.Context, scope tenant.Scope, rule string, k remediation.ResourceKey) error
