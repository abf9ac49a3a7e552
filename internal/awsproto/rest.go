package awsproto

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// RESTService is a REST-protocol service (S3's REST-XML): the server
// authenticates the request and hands it to Handler with the Caller in
// its context (CallerFrom) and the body buffered. The handler renders
// results and errors in its own protocol's shape.
type RESTService struct {
	// SigningName is the SigV4 credential scope's service name ("s3").
	SigningName string
	// Handler serves every request signed for SigningName.
	Handler http.Handler
	// WriteError renders an error the server found before the handler
	// ran (authentication, body too large) in the protocol's shape; nil
	// renders AWS JSON.
	WriteError func(w http.ResponseWriter, r *http.Request, err error, requestID string) int
}

// signingService is the SigV4 credential scope's service of r: from the
// Authorization header, else a presigned URL's X-Amz-Credential.
func signingService(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		if auth, err := ParseAuthorization(h); err == nil {
			return auth.Credential.Service
		}
		return ""
	}
	// AKID/date/region/service/aws4_request
	parts := strings.Split(r.URL.Query().Get("X-Amz-Credential"), "/")
	if len(parts) == 5 {
		return parts[3]
	}
	return ""
}

// restService picks the REST service of r: by signing name, or, for an
// unsigned request, the one named "s3" (anonymous S3 requests are valid).
func (s *Server) restService(r *http.Request) *RESTService {
	name := signingService(r)
	if name == "" && r.Header.Get("Authorization") == "" {
		name = "s3"
	}
	return s.restByName[name]
}

// serveREST authenticates a REST request and passes it to its service.
func (s *Server) serveREST(ex *exchange, r *http.Request, svc *RESTService) {
	ex.op = svc.SigningName + " " + r.Method + " " + r.URL.Path
	fail := func(err error) {
		if svc.WriteError != nil {
			ex.status = svc.WriteError(ex.w, r, err, ex.requestID)
			return
		}
		s.writeJSONError(ex, err, "")
	}
	body, err := s.readBody(r)
	if err != nil {
		fail(err)
		return
	}
	caller, err := s.auth.Authenticate(r, body)
	if err != nil {
		fail(err)
		return
	}
	caller.RequestID = ex.requestID
	ex.caller = caller
	ex.observe(r, svc.SigningName, "", body)
	r2 := r.WithContext(WithCaller(r.Context(), caller))
	r2.Body = io.NopCloser(bytes.NewReader(body))
	r2.ContentLength = int64(len(body))
	rec := &statusRecorder{ResponseWriter: ex.w, status: http.StatusOK, keepErrorBody: true}
	svc.Handler.ServeHTTP(rec, r2)
	ex.status = rec.status
	if rec.status >= 400 {
		ex.failed(errorOf(rec))
	}
}

// errorOf reads the AWS error of a REST error response: REST-JSON
// services name it in X-Amzn-ErrorType (the part before ':') and a
// message/Message member; S3 in its <Error> document.
func errorOf(rec *statusRecorder) (code, message string) {
	body := rec.errorBody.String()
	if t := rec.Header().Get("X-Amzn-ErrorType"); t != "" {
		code, _, _ = strings.Cut(t, ":")
		var m struct {
			Lower string `json:"message"`
			Upper string `json:"Message"`
		}
		if json.Unmarshal([]byte(body), &m) == nil {
			message = m.Upper
			if m.Lower != "" {
				message = m.Lower
			}
		}
		return code, message
	}
	return xmlElement(body, "Code"), xmlElement(body, "Message")
}

// xmlElement returns the text of the first <name> element of doc, or "".
func xmlElement(doc, name string) string {
	_, rest, ok := strings.Cut(doc, "<"+name+">")
	if !ok {
		return ""
	}
	text, _, _ := strings.Cut(rest, "</"+name+">")
	return text
}
