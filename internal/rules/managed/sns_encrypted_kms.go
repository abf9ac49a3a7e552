package managed

import (
	"slices"

	"github.com/salvehq/salve/internal/configitem"
)

// SNS_ENCRYPTED_KMS: the topic must be encrypted with a KMS key
// (KmsMasterKeyId), one of kmsKeyIds when given (key IDs, key ARNs, alias
// names or alias ARNs).
var _ = register(&Rule{
	Identifier:      "SNS_ENCRYPTED_KMS",
	Name:            "sns-encrypted-kms",
	ResourceTypes:   []string{"AWS::SNS::Topic"},
	ChangeTriggered: true,
	Params:          []Param{{Name: "kmsKeyIds", Type: TypeCSV}},
	EvaluateItem:    evaluateTopicEncryption,
})

func evaluateTopicEncryption(item *configitem.Item, params Params) Evaluation {
	key := str(configuration(item)["KmsMasterKeyId"])
	if key == "" {
		return nonCompliant("The topic is not encrypted with a KMS key (KmsMasterKeyId).")
	}
	allowed := params.CSV("kmsKeyIds")
	if len(allowed) > 0 && !slices.ContainsFunc(allowed, func(want string) bool { return kmsKeyMatches(key, want) }) {
		return nonCompliant("The topic is encrypted with %s, which is not in kmsKeyIds.", key)
	}
	return compliant()
}
