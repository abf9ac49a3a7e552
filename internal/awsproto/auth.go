package awsproto

import (
	"net/http"
	"regexp"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/clock"
)

// AuthMode selects how requests are authenticated.
type AuthMode string

// The authentication modes.
const (
	// AuthOff accepts any signature (or none); the access key still picks
	// the account. For local use.
	AuthOff AuthMode = "off"
	// AuthSigV4 verifies every signature against the configured credentials.
	AuthSigV4 AuthMode = "sigv4"
)

// AccessKey is a configured credential: the secret that verifies the
// access key's signatures and the account it maps to.
type AccessKey struct {
	AccessKeyID     string `json:"access_key_id"`
	SecretAccessKey string `json:"secret_access_key"`
	AccountID       string `json:"account_id"`
}

// Authenticator turns a request into a Caller.
type Authenticator struct {
	Mode        AuthMode
	Credentials map[string]AccessKey
	Clock       clock.Clock
	// MaxSkew bounds clock skew in sigv4 mode (AWS allows 15 minutes).
	MaxSkew time.Duration
}

var twelveDigits = regexp.MustCompile(`^[0-9]{12}$`)

// Authenticate parses the request's SigV4 signature, verifies it in sigv4
// mode, and returns the caller: the region from the credential scope and the
// account from the access key (a configured mapping, else a 12-digit key is
// the account, else the default account).
func (a *Authenticator) Authenticate(r *http.Request, body []byte) (*Caller, error) {
	h := r.Header.Get("Authorization")
	if c := trustedCaller(r.Context()); c != nil {
		if auth, err := ParseAuthorization(h); err == nil {
			c.Service = auth.Credential.Service
		}
		return c, nil
	}
	if h == "" {
		if a.Mode == AuthSigV4 {
			return nil, awserr.New(awserr.MissingAuthenticationToken, "Request is missing Authentication Token")
		}
		return a.caller("", AccessKey{}, DefaultRegion, ""), nil
	}
	auth, err := ParseAuthorization(h)
	if err != nil {
		return nil, err
	}
	cred, known := a.Credentials[auth.Credential.AccessKeyID]
	if a.Mode == AuthSigV4 {
		if !known {
			return nil, awserr.New(awserr.UnrecognizedClientException,
				"The security token included in the request is invalid.")
		}
		err := VerifySignature(r, VerifyParams{Auth: auth, Secret: cred.SecretAccessKey, Body: body,
			Now: a.Clock.Now(), MaxSkew: a.MaxSkew})
		if err != nil {
			return nil, err
		}
	}
	region := auth.Credential.Region
	if region == "" {
		region = DefaultRegion
	}
	return a.caller(auth.Credential.AccessKeyID, cred, region, auth.Credential.Service), nil
}

func (a *Authenticator) caller(akid string, cred AccessKey, region, service string) *Caller {
	account := cred.AccountID
	switch {
	case account != "":
	case twelveDigits.MatchString(akid):
		account = akid
	default:
		account = DefaultAccount
	}
	userID := akid
	if userID == "" {
		userID = account
	}
	return &Caller{AccountID: account, Region: region, AccessKeyID: akid, Service: service,
		Principal: "arn:aws:iam::" + account + ":root", UserID: userID}
}
