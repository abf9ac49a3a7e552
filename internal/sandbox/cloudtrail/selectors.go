package cloudtrail

import (
	"context"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// PutEventSelectorsParams are PutEventSelectors' members. Exactly one of
// EventSelectors and AdvancedEventSelectors is given (non-nil).
type PutEventSelectorsParams struct {
	TrailName              string
	EventSelectors         []EventSelector
	AdvancedEventSelectors []AdvancedEventSelector
}

// PutEventSelectors replaces a trail's event selectors (basic selectors
// replace advanced ones and the reverse); it must be called from the
// trail's home region.
func (s *Service) PutEventSelectors(ctx context.Context, scope tenant.Scope, p PutEventSelectorsParams) (*Trail, error) {
	if err := validateSelectors(p); err != nil {
		return nil, err
	}
	var after *Trail
	var recorded bool
	err := s.store.Update(ctx, func(tx store.Tx) error {
		before, err := resolveHome(tx, scope, p.TrailName)
		if err != nil {
			return err
		}
		after = before.clone()
		after.HasCustomEventSelectors = true
		after.EventSelectors = p.EventSelectors
		after.AdvancedEventSelectors = p.AdvancedEventSelectors
		if err := saveTrail(tx, after); err != nil {
			return err
		}
		recorded, err = s.recordChange(tx, before, after, s.clock.Now().UTC())
		return err
	})
	if err != nil {
		return nil, err
	}
	if recorded {
		s.sink.Changed()
	}
	return after, nil
}

func validateSelectors(p PutEventSelectorsParams) error {
	switch {
	case p.EventSelectors != nil && p.AdvancedEventSelectors != nil:
		return newError(CodeInvalidParameterCombination,
			"Give either EventSelectors or AdvancedEventSelectors, not both.")
	case p.EventSelectors == nil && p.AdvancedEventSelectors == nil:
		return newError(CodeInvalidParameterCombination, "Give EventSelectors or AdvancedEventSelectors.")
	case p.EventSelectors != nil:
		return validateBasic(p.EventSelectors)
	}
	return validateAdvanced(p.AdvancedEventSelectors)
}

// basicResourceTypes are the data resource types basic selectors log, with
// the service their ARNs name.
var basicResourceTypes = map[string]string{
	"AWS::S3::Object":       "s3",
	"AWS::Lambda::Function": "lambda",
	"AWS::DynamoDB::Table":  "dynamodb",
}

var excludableSources = []string{"kms.amazonaws.com", "rdsdata.amazonaws.com"}

func validateBasic(sels []EventSelector) error {
	if len(sels) < 1 || len(sels) > maxEventSelector {
		return invalidSelectors("Give 1 to %d event selectors, not %d.", maxEventSelector, len(sels))
	}
	values := 0
	for _, sel := range sels {
		if !slices.Contains([]string{ReadWriteReadOnly, ReadWriteWriteOnly, ReadWriteAll}, sel.ReadWriteType) {
			return invalidSelectors("ReadWriteType %q is not valid: use ReadOnly, WriteOnly or All.", sel.ReadWriteType)
		}
		for _, src := range sel.ExcludeManagementEventSources {
			if !slices.Contains(excludableSources, src) {
				return invalidSelectors("ExcludeManagementEventSources may name only %s, not %q.",
					strings.Join(excludableSources, " and "), src)
			}
		}
		for _, dr := range sel.DataResources {
			if err := validateDataResource(dr); err != nil {
				return err
			}
			values += len(dr.Values)
		}
	}
	if values > maxDataResources {
		return invalidSelectors("A trail's event selectors may name at most %d data resources, not %d.", maxDataResources, values)
	}
	return nil
}

func validateDataResource(dr DataResource) error {
	svc, ok := basicResourceTypes[dr.Type]
	if !ok {
		return invalidSelectors("Data resource type %q is not valid for basic event selectors: use AWS::S3::Object, "+
			"AWS::Lambda::Function or AWS::DynamoDB::Table, or advanced event selectors.", dr.Type)
	}
	for _, v := range dr.Values {
		if !arnOfService(v, svc) {
			return invalidSelectors("Value %q of data resource %s is not an ARN or ARN prefix of %s.", v, dr.Type, svc)
		}
	}
	return nil
}

// arnOfService reports whether v is "arn:PARTITION:svc" or an ARN of svc.
func arnOfService(v, svc string) bool {
	rest, ok := strings.CutPrefix(v, "arn:")
	if !ok {
		return false
	}
	partition, rest, _ := strings.Cut(rest, ":")
	return strings.HasPrefix(partition, "aws") && (rest == svc || strings.HasPrefix(rest, svc+":"))
}

func invalidSelectors(format string, args ...any) error {
	return newError(CodeInvalidEventSelectors, format, args...)
}

// GetEventSelectors returns the trail's selectors (see Trail.Selectors).
func (s *Service) GetEventSelectors(ctx context.Context, scope tenant.Scope, ref string) (*Trail, error) {
	return s.GetTrail(ctx, scope, ref)
}
