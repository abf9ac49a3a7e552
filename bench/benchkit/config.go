package benchkit

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
)

// ResourceType is the type of every benchmark resource.
const ResourceType = "AWS::S3::Bucket"

// ResourceID is the id of the i-th benchmark resource.
func ResourceID(i int) string { return fmt.Sprintf("bench-bucket-%06d", i) }

// PutNonCompliant reports ids NON_COMPLIANT for rule in one
// PutEvaluations (the rule's name is its ResultToken in Salve).
func PutNonCompliant(ctx context.Context, c *configservice.Client, rule string, ids []string) error {
	evals := make([]ctypes.Evaluation, len(ids))
	now := time.Now()
	for i, id := range ids {
		evals[i] = ctypes.Evaluation{ComplianceResourceType: aws.String(ResourceType),
			ComplianceResourceId: aws.String(id), ComplianceType: ctypes.ComplianceTypeNonCompliant,
			OrderingTimestamp: aws.Time(now)}
	}
	out, err := c.PutEvaluations(ctx, &configservice.PutEvaluationsInput{
		ResultToken: aws.String(rule), Evaluations: evals})
	if err != nil {
		return fmt.Errorf("put evaluations: %w", err)
	}
	if len(out.FailedEvaluations) > 0 {
		return fmt.Errorf("put evaluations: %d failed", len(out.FailedEvaluations))
	}
	return nil
}

// Chunks splits ids into slices of at most n.
func Chunks(ids []string, n int) [][]string {
	var out [][]string
	for len(ids) > n {
		out = append(out, ids[:n])
		ids = ids[n:]
	}
	return append(out, ids)
}
