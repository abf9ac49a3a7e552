package lambda

import (
	"net/http"

	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/tenant"
)

// CodePath is the name under /_salve/ where CodeHandler serves functions'
// code (GetFunction's Code.Location).
const CodePath = "function-code"

// CodeHandler serves a function's stored .zip at Code.Location: GET
// /_salve/function-code?AccountId=&Region=&FunctionName=&CodeSha256=. The
// CodeSha256 must be the function's current one, so the URL works like
// Lambda's presigned one: only for who read the function's configuration,
// until its code changes.
func CodeHandler(d Deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		scope := tenant.Scope{AccountID: q.Get("AccountId"), Region: q.Get("Region")}
		zip, err := d.Functions.ZipFile(r.Context(), scope, q.Get("FunctionName"), q.Get("CodeSha256"))
		if err == nil && zip == nil {
			err = functions.Errf(functions.CodeResourceNotFound, "The function's code is a local directory, not a .zip.")
		}
		if err != nil {
			writeError(w, err, "", d.Logger)
			return
		}
		w.Header().Set("Content-Type", "application/zip")
		_, _ = w.Write(zip)
	})
}
