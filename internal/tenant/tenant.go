// Package tenant names the (account, region) every stored record belongs to.
package tenant

import "github.com/salvehq/salve/internal/store"

// Scope is one account in one region: the unit of isolation. One account
// never sees another's records.
type Scope struct {
	AccountID string
	Region    string
}

// Bucket returns the store bucket of a record kind in this scope.
func (s Scope) Bucket(kind string) string {
	return store.Key(kind, s.AccountID, s.Region)
}

// ARN builds an ARN in this scope: arn:aws:service:region:account:resource.
func (s Scope) ARN(service, resource string) string {
	return "arn:" + Partition(s.Region) + ":" + service + ":" + s.Region + ":" + s.AccountID + ":" + resource
}

// Partition returns the AWS partition of a region.
func Partition(region string) string {
	switch {
	case len(region) >= 3 && region[:3] == "cn-":
		return "aws-cn"
	case len(region) >= 7 && region[:7] == "us-gov-":
		return "aws-us-gov"
	default:
		return "aws"
	}
}
