package salveapi

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/salvehq/salve/internal/remediation"
)

// DecisionRequest is the body of approve and reject.
type DecisionRequest struct {
	// Account defaults to awsproto.DefaultAccount.
	Account      string `json:"account,omitempty"`
	Region       string `json:"region"`
	Rule         string `json:"rule"`
	ResourceType string `json:"resourceType"`
	ResourceID   string `json:"resourceId"`
}

// DecisionResponse is the answer of approve and reject.
type DecisionResponse struct {
	// State is the execution's state after the decision: QUEUED when
	// approved (it waits for the SsmControls), FAILED when rejected.
	State string `json:"state"`
}

// missing names the first required member left out, "" if none.
func (r DecisionRequest) missing() string {
	for _, m := range []struct{ name, v string }{{"region", r.Region}, {"rule", r.Rule},
		{"resourceType", r.ResourceType}, {"resourceId", r.ResourceID}} {
		if strings.TrimSpace(m.v) == "" {
			return m.name
		}
	}
	return ""
}

// decision serves POST approve or reject; after is the execution's state
// once decided.
func decision(decide decideFunc, after remediation.ExecutionState) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			writeJSON(w, http.StatusMethodNotAllowed, errorBody{Message: "use POST with a JSON body"})
			return
		}
		var req DecisionRequest
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			badRequest(w, "the body must be a JSON object {account, region, rule, resourceType, resourceId}: "+err.Error())
			return
		}
		if m := req.missing(); m != "" {
			badRequest(w, "the member "+m+" is required")
			return
		}
		scope := scopeOf(req.Account, req.Region)
		k := remediation.ResourceKey{ResourceType: req.ResourceType, ResourceID: req.ResourceID}
		if err := decide(r.Context(), scope, req.Rule, k); err != nil {
			writeError(w, err)
			return
		}
		writeJSON(w, http.StatusOK, DecisionResponse{State: string(after)})
	})
}
