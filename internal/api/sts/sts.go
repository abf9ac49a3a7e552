// Package sts serves the STS operations Salve needs (Query protocol).
package sts

import (
	"context"
	"net/url"

	"github.com/salvehq/salve/internal/awsproto"
)

// XMLNamespace is the namespace of STS response documents.
const XMLNamespace = "https://sts.amazonaws.com/doc/2011-06-15/"

// Service returns the STS Query service.
func Service() *awsproto.QueryService {
	return &awsproto.QueryService{
		SigningName:  "sts",
		XMLNamespace: XMLNamespace,
		Operations: map[string]awsproto.QueryHandler{
			"GetCallerIdentity": getCallerIdentity,
		},
	}
}

type getCallerIdentityResult struct {
	UserID  string `xml:"UserId"`
	Account string `xml:"Account"`
	Arn     string `xml:"Arn"`
}

// getCallerIdentity answers who signed the request: the account the access
// key maps to and that account's root principal.
func getCallerIdentity(_ context.Context, req *awsproto.Request, _ url.Values) (any, error) {
	c := req.Caller
	return getCallerIdentityResult{UserID: c.UserID, Account: c.AccountID, Arn: c.Principal}, nil
}
