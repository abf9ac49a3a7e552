package sns

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/delivery"
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
	"github.com/salvehq/salve/internal/tenant"
)

// SalveDeps are what Salve's own notification endpoints read.
type SalveDeps struct {
	SNS        *sandbox.Service
	Deliveries *delivery.Service
}

// OutboxResponse is the answer of GET sns/outbox.
type OutboxResponse struct {
	Emails []sandbox.Email `json:"emails"`
}

// DeliveriesResponse is the answer of GET deliveries.
type DeliveriesResponse struct {
	Deliveries []delivery.Record `json:"deliveries"`
}

// SalveHandlers are Salve's own notification endpoints, served under
// /_salve/ (JSON, GET, account defaults to the default account and region
// to us-east-1):
//
//	sns/outbox?account=&region=&to=                       the e-mails SNS wrote, oldest first
//	deliveries?account=&region=&state=&kind=&id=&limit=   HTTP deliveries: pending, delivered, dead
func SalveHandlers(d SalveDeps) map[string]http.Handler {
	return map[string]http.Handler{
		"sns/outbox": getJSON(func(r *http.Request, scope tenant.Scope) (any, error) {
			mails, err := d.SNS.Outbox(r.Context(), scope, r.URL.Query().Get("to"))
			return OutboxResponse{Emails: orEmpty(mails)}, err
		}),
		"deliveries": getJSON(func(r *http.Request, scope tenant.Scope) (any, error) {
			q := r.URL.Query()
			f := delivery.Filter{State: q.Get("state"), Kind: q.Get("kind"), ID: q.Get("id")}
			if s := q.Get("limit"); s != "" {
				n, err := strconv.Atoi(s)
				if err != nil || n < 0 {
					return nil, fmt.Errorf("%w: limit %q is not a non-negative integer", delivery.ErrInvalid, s)
				}
				f.Limit = n
			}
			recs, err := d.Deliveries.List(r.Context(), scope, f)
			return DeliveriesResponse{Deliveries: orEmpty(recs)}, err
		}),
	}
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// getJSON serves GET with the scope of the account and region query
// parameters; invalid parameters are 400, other failures 500.
func getJSON(fn func(r *http.Request, scope tenant.Scope) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"message": "use GET"})
			return
		}
		q := r.URL.Query()
		scope := tenant.Scope{AccountID: q.Get("account"), Region: q.Get("region")}
		if scope.AccountID == "" {
			scope.AccountID = awsproto.DefaultAccount
		}
		if scope.Region == "" {
			scope.Region = awsproto.DefaultRegion
		}
		out, err := fn(r, scope)
		switch {
		case errors.Is(err, delivery.ErrInvalid):
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": err.Error()})
		case err != nil:
			writeJSON(w, http.StatusInternalServerError, map[string]string{"message": err.Error()})
		default:
			writeJSON(w, http.StatusOK, out)
		}
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
