package salveapi

import (
	"net/http"

	"github.com/salvehq/salve/internal/remediation/orchestrator"
)

// PlanResponse is the answer of GET plan.
type PlanResponse struct {
	Rules []orchestrator.RulePlan `json:"rules"`
}

// plan serves GET plan?region=…&account=…&rule=….
func plan(o *orchestrator.Orchestrator) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			writeJSON(w, http.StatusMethodNotAllowed, errorBody{Message: "use GET"})
			return
		}
		q := r.URL.Query()
		if q.Get("region") == "" {
			badRequest(w, "the query parameter region is required")
			return
		}
		plans, err := o.Plan(r.Context(), scopeOf(q.Get("account"), q.Get("region")), q.Get("rule"))
		if err != nil {
			writeError(w, err)
			return
		}
		if plans == nil {
			plans = []orchestrator.RulePlan{}
		}
		writeJSON(w, http.StatusOK, PlanResponse{Rules: plans})
	})
}
