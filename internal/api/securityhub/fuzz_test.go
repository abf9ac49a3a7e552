package securityhub_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	shapi "github.com/salvehq/salve/internal/api/securityhub"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	shdomain "github.com/salvehq/salve/internal/securityhub"
	"github.com/salvehq/salve/internal/store/memstore"
)

// FuzzOperations sends arbitrary bodies to every operation: any answer
// but a server fault (500) or a panic is fine.
func FuzzOperations(f *testing.F) {
	for _, seed := range []string{
		`{}`, `{"Filters":{"Title":[{"Value":"x","Comparison":"PREFIX"}]},"MaxResults":5}`,
		`{"Filters":{"UpdatedAt":[{"DateRange":{"Value":3,"Unit":"DAYS"}}],"SeverityNormalized":[{"Gte":40}]}}`,
		`{"FindingIdentifiers":[{"Id":"a","ProductArn":"b"}],"Workflow":{"Status":"RESOLVED"}}`,
		`{"Findings":[{"SchemaVersion":"2018-10-08","Id":"x","Resources":[{"Type":"Other","Id":"y"}]}]}`,
		`{"Tags":{"a":"b"}}`, `[`, `null`,
	} {
		for op := range 4 {
			f.Add(op, seed)
		}
	}
	st := memstore.New()
	defer st.Close()
	h := shapi.Service(shapi.Deps{Hub: shdomain.New(shdomain.Params{Store: st, Clock: clock.Real{}})}).Handler
	routes := [][2]string{{http.MethodPost, "/findings"}, {http.MethodPatch, "/findings/batchupdate"},
		{http.MethodPost, "/findings/import"}, {http.MethodPost, "/accounts"}}
	f.Fuzz(func(t *testing.T, op int, body string) {
		r := routes[(op%len(routes)+len(routes))%len(routes)]
		req := httptest.NewRequest(r[0], r[1], strings.NewReader(body))
		req = req.WithContext(awsproto.WithCaller(context.Background(), &awsproto.Caller{AccountID: "123456789012", Region: "us-east-1"}))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s %q: %d %s", r[0], r[1], body, rec.Code, rec.Body.String())
		}
	})
}
