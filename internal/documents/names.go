package documents

import (
	"strings"

	"github.com/salvehq/salve/internal/validate"
)

// reservedPrefixes are name prefixes AWS keeps for its own documents,
// compared case-insensitively ("AWSEC2", "AWSConfigRemediation" and
// "AWSSupport" are listed by AWS although "aws" covers them).
var reservedPrefixes = []string{"aws", "amazon", "amzn", "AWSEC2", "AWSConfigRemediation", "AWSSupport"}

// checkName rejects names with a reserved prefix, in the wording of a
// ValidationException.
func checkName(name string) error {
	lower := strings.ToLower(name)
	for _, p := range reservedPrefixes {
		if strings.HasPrefix(lower, strings.ToLower(p)) {
			var v validate.Errors
			v.Add("name", name, "Member must not start with a reserved prefix (aws, amazon, amzn, "+
				"AWSEC2, AWSConfigRemediation, AWSSupport; case-insensitive): these names belong to "+
				"documents owned by Amazon")
			return v.Err()
		}
	}
	return nil
}
