package recorder

import (
	"context"
	"errors"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// PutDeliveryChannel creates the scope's delivery channel or updates it.
// Nothing is ever delivered, and the bucket and topic are not checked for
// existence (only for being given and well formed).
func (s *Service) PutDeliveryChannel(ctx context.Context, scope tenant.Scope, ch DeliveryChannel) error {
	if err := checkChannel(&ch); err != nil {
		return err
	}
	ch.CreatedAt = s.clock.Now()
	return s.store.Update(ctx, func(tx store.Tx) error {
		r, err := loadRecorder(tx, scope)
		if err != nil {
			return err
		}
		if r == nil {
			return awserr.New(awserr.NoAvailableConfigurationRecorderException,
				"Configuration recorder is not available to put delivery channel: put one with PutConfigurationRecorder first.")
		}
		existing, err := channels(tx, scope)
		if err != nil {
			return err
		}
		for _, c := range existing {
			if c.Name != ch.Name {
				return Error(CodeMaxNumberOfDeliveryChannels,
					"Failed to put delivery channel '%s' because the maximum number of delivery channels: 1 is reached.", ch.Name)
			}
			ch.CreatedAt = c.CreatedAt
		}
		return store.PutRecord(tx, scope.Bucket(kindChannel), ch.Name, ch)
	})
}

func checkChannel(ch *DeliveryChannel) error {
	switch {
	case strings.TrimSpace(ch.Name) == "":
		return Error(CodeInvalidDeliveryChannelName, "The delivery channel name '%s' is not valid, blank string.", ch.Name)
	case strings.TrimSpace(ch.S3BucketName) == "":
		return Error(CodeNoSuchBucket, "Cannot find a S3 bucket with an empty bucket name.")
	case ch.S3KeyPrefix != nil && *ch.S3KeyPrefix == "":
		return Error(CodeInvalidS3KeyPrefix, "The s3 key prefix '' is not valid, empty s3 key prefix.")
	case ch.S3KmsKeyARN != nil && !isARN(*ch.S3KmsKeyARN, "kms"):
		return Error(CodeInvalidS3KmsKeyArn, "The s3 kms key arn '%s' is not valid: give the ARN of a KMS key.", *ch.S3KmsKeyARN)
	case ch.SNSTopicARN != nil && !isARN(*ch.SNSTopicARN, "sns"):
		return Error(CodeInvalidSNSTopicARN, "The sns topic arn '%s' is not valid.", *ch.SNSTopicARN)
	}
	return nil
}

// isARN reports whether s looks like an ARN of service:
// arn:partition:service:region:account:resource.
func isARN(s, service string) bool {
	parts := strings.SplitN(s, ":", 6)
	return len(parts) == 6 && parts[0] == "arn" && parts[1] != "" && parts[2] == service && parts[5] != ""
}

// DeliveryChannels returns the named channels (each must exist), or all.
func (s *Service) DeliveryChannels(ctx context.Context, scope tenant.Scope, names []string) ([]DeliveryChannel, error) {
	var out []DeliveryChannel
	err := s.store.View(ctx, func(tx store.Tx) error {
		all, err := channels(tx, scope)
		if err != nil || len(names) == 0 {
			out = all
			return err
		}
		out, err = pickChannels(all, names)
		return err
	})
	return out, err
}

func pickChannels(all []DeliveryChannel, names []string) ([]DeliveryChannel, error) {
	var out []DeliveryChannel
	for _, name := range names {
		i := indexOfChannel(all, name)
		if i < 0 {
			return nil, noSuchChannel(name)
		}
		out = append(out, all[i])
	}
	return out, nil
}

func indexOfChannel(all []DeliveryChannel, name string) int {
	for i, c := range all {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// DeleteDeliveryChannel deletes a channel; it refuses while a recorder the
// user put is recording.
func (s *Service) DeleteDeliveryChannel(ctx context.Context, scope tenant.Scope, name string) error {
	return s.store.Update(ctx, func(tx store.Tx) error {
		var ch DeliveryChannel
		err := store.GetRecord(tx, scope.Bucket(kindChannel), name, &ch)
		if errors.Is(err, store.ErrNotFound) {
			return noSuchChannel(name)
		}
		if err != nil {
			return err
		}
		r, err := loadRecorder(tx, scope)
		if err != nil {
			return err
		}
		if r != nil && r.Recording && !r.Implicit {
			return Error(CodeLastDeliveryChannelDeleteFailed,
				"Failed to delete last specified delivery channel with name '%s', because there is a running configuration recorder: stop it first.", name)
		}
		_, err = tx.Delete(scope.Bucket(kindChannel), name)
		return err
	})
}

// channels returns the scope's delivery channels (at most one).
func channels(tx store.Tx, scope tenant.Scope) ([]DeliveryChannel, error) {
	bucket := scope.Bucket(kindChannel)
	items, err := tx.Scan(store.ScanParams{Bucket: bucket})
	if err != nil {
		return nil, err
	}
	out := make([]DeliveryChannel, 0, len(items))
	for _, kv := range items {
		var ch DeliveryChannel
		if err := store.DecodeRecord(bucket, kv.Key, kv.Value, &ch); err != nil {
			return nil, err
		}
		out = append(out, ch)
	}
	return out, nil
}
