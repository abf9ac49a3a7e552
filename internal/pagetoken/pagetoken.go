// Package pagetoken makes the opaque NextToken values of list operations:
// a token names the list it belongs to and the last key returned, so a
// token from one list (or a forged one) is rejected instead of misread.
package pagetoken

import (
	"encoding/base64"
	"encoding/json"
	"errors"
)

// ErrInvalid is returned for a token this list did not issue.
var ErrInvalid = errors.New("invalid pagination token")

type token struct {
	List  string `json:"l"`
	After string `json:"a"`
}

// Encode returns the token that continues list after key after.
func Encode(list, after string) string {
	b, _ := json.Marshal(token{List: list, After: after})
	return base64.RawURLEncoding.EncodeToString(b)
}

// Decode returns the key a token of list continues after.
func Decode(list, tok string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return "", ErrInvalid
	}
	var t token
	if err := json.Unmarshal(b, &t); err != nil || t.List != list || t.After == "" {
		return "", ErrInvalid
	}
	return t.After, nil
}
