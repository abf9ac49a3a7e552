package lambda

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/functions"
)

// capitalMessage are the errors whose model names their text "Message"
// (the others say "message"); clients read the member of the model.
var capitalMessage = map[string]bool{
	functions.CodeResourceNotFound: true, functions.CodeService: true, functions.CodeInvalidRuntime: true,
	functions.CodeInvalidZipFile: true,
}

// errorBody is Lambda's error document.
type errorBody struct {
	Type         string `json:"Type"`
	Message      string `json:"message,omitempty"`
	CapitalMessg string `json:"Message,omitempty"`
}

// WriteError renders, in Lambda's error shape, an error the server found
// before the handler ran (authentication, body too large); it is the
// RESTService's WriteError hook.
func WriteError(w http.ResponseWriter, _ *http.Request, err error, requestID string) int {
	return writeError(w, err, requestID, nil)
}

// writeError renders err as Lambda does and returns the status sent.
// Errors that are not AWS errors are server faults: logged, answered with
// ServiceException.
func writeError(w http.ResponseWriter, err error, requestID string, logger *slog.Logger) int {
	ae, ok := awserr.As(err)
	if !ok {
		if errors.Is(err, context.Canceled) {
			return 499
		}
		if logger != nil {
			logger.Error("internal error", "request_id", requestID, "err", err)
		}
		ae = functions.Errf(functions.CodeService,
			"An internal error occurred (request %s); nothing was changed. See the server log.", requestID)
	}
	status := ae.HTTPStatus()
	if s := functions.Status(ae.Code); s != 0 {
		status = s
	}
	body := errorBody{Type: "User"}
	if status >= 500 {
		body.Type = "Service"
	}
	if capitalMessage[ae.Code] {
		body.CapitalMessg = ae.Message
	} else {
		body.Message = ae.Message
	}
	resp := &response{status: status, doc: body, header: http.Header{"X-Amzn-Errortype": {ae.Code}}}
	_ = resp.write(w) // strings only: cannot fail
	return status
}
