package cloudtrail

import (
	"context"
	"fmt"
)

// Settings are a trail's changeable settings, as CreateTrail and
// UpdateTrail take them: a nil member is left as it is (or defaulted on
// creation); an empty string removes an optional setting (S3KeyPrefix,
// SnsTopicName, KmsKeyId, the CloudWatch Logs pair), as on AWS.
type Settings struct {
	S3BucketName               *string
	S3KeyPrefix                *string
	SnsTopicName               *string
	IncludeGlobalServiceEvents *bool
	IsMultiRegionTrail         *bool
	EnableLogFileValidation    *bool
	IsOrganizationTrail        *bool
	KmsKeyID                   *string
	CloudWatchLogsLogGroupArn  *string
	CloudWatchLogsRoleArn      *string
}

// apply validates the settings and writes them into t; t is left
// half-changed on error, so callers apply to a copy.
func (p *Settings) apply(t *Trail) error {
	if p.IsOrganizationTrail != nil && *p.IsOrganizationTrail {
		return newError(CodeOrganizationsNotInUse,
			"Organization trails need AWS Organizations, which Salve does not emulate: leave IsOrganizationTrail false.")
	}
	if err := p.applyDelivery(t); err != nil {
		return err
	}
	if err := p.applyEncryption(t); err != nil {
		return err
	}
	setBool(&t.IncludeGlobalServiceEvents, p.IncludeGlobalServiceEvents)
	setBool(&t.IsMultiRegionTrail, p.IsMultiRegionTrail)
	setBool(&t.LogFileValidationEnabled, p.EnableLogFileValidation)
	if t.IsMultiRegionTrail && !t.IncludeGlobalServiceEvents {
		return newError(CodeInvalidParameterCombination, "Multi-Region trail must include global service events.")
	}
	setString(&t.CloudWatchLogsLogGroupArn, p.CloudWatchLogsLogGroupArn)
	setString(&t.CloudWatchLogsRoleArn, p.CloudWatchLogsRoleArn)
	return validateCloudWatchLogs(t.CloudWatchLogsLogGroupArn, t.CloudWatchLogsRoleArn)
}

// applyDelivery sets where log files and notifications go.
func (p *Settings) applyDelivery(t *Trail) error {
	if p.S3BucketName != nil {
		if err := validateBucketName(*p.S3BucketName); err != nil {
			return err
		}
		t.S3BucketName = *p.S3BucketName
	}
	if p.S3KeyPrefix != nil {
		if err := validateKeyPrefix(*p.S3KeyPrefix); err != nil {
			return err
		}
		t.S3KeyPrefix = *p.S3KeyPrefix
	}
	if p.SnsTopicName == nil {
		return nil
	}
	t.SnsTopicName, t.SnsTopicARN = *p.SnsTopicName, ""
	if t.SnsTopicName == "" {
		return nil
	}
	arn, err := topicARNFor(t.home(), t.SnsTopicName)
	t.SnsTopicARN = arn
	return err
}

func (p *Settings) applyEncryption(t *Trail) error {
	if p.KmsKeyID == nil {
		return nil
	}
	if *p.KmsKeyID == "" {
		t.KmsKeyID = ""
		return nil
	}
	arn, err := kmsKeyARN(t.home(), *p.KmsKeyID)
	t.KmsKeyID = arn
	return err
}

func setBool(dst *bool, v *bool) {
	if v != nil {
		*dst = *v
	}
}

func setString(dst *string, v *string) {
	if v != nil {
		*dst = *v
	}
}

// checkDependencies asks the sandbox whether the trail's bucket and topic
// exist; it runs before the transaction, since the lookups read the store
// themselves. Only settings that changed from before are checked (before
// is nil on creation).
func (s *Service) checkDependencies(ctx context.Context, before, t *Trail) error {
	if s.bucketExists != nil && (before == nil || before.S3BucketName != t.S3BucketName) {
		ok, err := s.bucketExists(ctx, t.AccountID, t.S3BucketName)
		if err != nil {
			return fmt.Errorf("look up bucket %q: %w", t.S3BucketName, err)
		}
		if !ok {
			return newError(CodeS3BucketDoesNotExist, "S3 bucket %s does not exist.", t.S3BucketName)
		}
	}
	if s.topicExists != nil && t.SnsTopicARN != "" && (before == nil || before.SnsTopicARN != t.SnsTopicARN) {
		ok, err := s.topicExists(ctx, t.SnsTopicARN)
		if err != nil {
			return fmt.Errorf("look up topic %q: %w", t.SnsTopicARN, err)
		}
		if !ok {
			return newError(CodeInsufficientSnsTopicPolicy,
				"SNS topic %s does not exist or its policy does not let CloudTrail publish to it.", t.SnsTopicARN)
		}
	}
	return nil
}
