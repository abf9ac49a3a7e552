package managed

import (
	"strings"

	"github.com/salvehq/salve/internal/configitem"
)

// ENCRYPTED_VOLUMES: an attached EBS volume must be encrypted, with the
// key kmsId when given. Unattached volumes are NOT_APPLICABLE.
var _ = register(&Rule{
	Identifier:      "ENCRYPTED_VOLUMES",
	Name:            "encrypted-volumes",
	ResourceTypes:   []string{"AWS::EC2::Volume"},
	ChangeTriggered: true,
	Params:          []Param{{Name: "kmsId", Type: TypeString}},
	EvaluateItem:    evaluateEncryptedVolume,
})

func evaluateEncryptedVolume(item *configitem.Item, params Params) Evaluation {
	cfg := configuration(item)
	if len(list(cfg["attachments"])) == 0 && str(cfg["state"]) != "in-use" {
		return notApplicable("The volume is not attached to an instance.")
	}
	if !boolean(cfg["encrypted"]) {
		return nonCompliant("The attached volume is not encrypted.")
	}
	if want := params.String("kmsId"); want != "" && !kmsKeyMatches(str(cfg["kmsKeyId"]), want) {
		return nonCompliant("The volume is encrypted with %s, not with the key kmsId names (%s).", str(cfg["kmsKeyId"]), want)
	}
	return compliant()
}

// kmsKeyMatches reports whether a resource's key (an ID, key ARN, alias
// name or alias ARN) is the one a parameter names in any of those forms.
func kmsKeyMatches(actual, want string) bool {
	if actual == "" {
		return false
	}
	if actual == want {
		return true
	}
	return strings.HasSuffix(actual, ":key/"+want) || strings.HasSuffix(actual, ":"+want) ||
		strings.HasSuffix(want, ":key/"+actual) || strings.HasSuffix(want, ":"+actual)
}
