package script

import (
	"slices"
	"sort"
)

//go:generate python3 services_gen.py

// serviceEndpoints are botocore's per-service endpoint variables
// (AWS_ENDPOINT_URL_EC2=…) sending every service Salve does not serve to
// the remote endpoint; AWS_ENDPOINT_URL (Salve) covers the rest, including
// services botocore gained after services.go was generated.
func (r *Runner) serviceEndpoints() []string {
	if r.p.Remote == "" && len(r.p.RemoteEndpoints) == 0 {
		return nil
	}
	var env []string
	for name, suffix := range botoServices {
		if url := r.remoteOf(name); url != "" {
			env = append(env, "AWS_ENDPOINT_URL_"+suffix+"="+url)
		}
	}
	sort.Strings(env)
	return env
}

// remoteOf is the URL of service name ("" when Salve serves it or no
// remote is configured for it).
func (r *Runner) remoteOf(name string) string {
	if slices.Contains(r.p.Served, name) {
		return ""
	}
	if url, ok := r.p.RemoteEndpoints[name]; ok {
		return url
	}
	return r.p.Remote
}
