package cloudtrail

import (
	"slices"
	"unicode/utf8"
)

const (
	maxSelectorName  = 1000
	maxOperatorValue = 2048
)

// advancedFields are the fields a trail's advanced selectors may test, and
// whether only Equals may be used on them.
var advancedFields = map[string]bool{
	"eventCategory": true, "readOnly": true, "resources.type": true,
	"eventSource": false, "eventName": false, "eventType": false, "resources.ARN": false,
	"errorCode": false, "userIdentity.arn": false, "sessionCredentialFromConsole": false,
	"vpcEndpointId": false,
}

var eventCategories = []string{"Management", "Data", "NetworkActivity"}

func validateAdvanced(sels []AdvancedEventSelector) error {
	if len(sels) == 0 {
		return invalidSelectors("Give at least one advanced event selector.")
	}
	values := 0
	for _, sel := range sels {
		n, err := validateAdvancedSelector(sel)
		if err != nil {
			return err
		}
		values += n
	}
	if values > maxAdvancedValue {
		return invalidSelectors("A trail's advanced event selectors may hold at most %d values, not %d.", maxAdvancedValue, values)
	}
	return nil
}

// validateAdvancedSelector checks one selector and counts its values.
func validateAdvancedSelector(sel AdvancedEventSelector) (int, error) {
	if utf8.RuneCountInString(sel.Name) > maxSelectorName {
		return 0, invalidSelectors("Advanced event selector names are at most %d characters.", maxSelectorName)
	}
	if len(sel.FieldSelectors) == 0 {
		return 0, invalidSelectors("Advanced event selector %q has no field selectors.", sel.Name)
	}
	values, category := 0, false
	for _, fs := range sel.FieldSelectors {
		n, err := validateFieldSelector(fs)
		if err != nil {
			return 0, err
		}
		values += n
		category = category || fs.Field == "eventCategory"
	}
	if !category {
		return 0, invalidSelectors("Advanced event selector %q must have an eventCategory field selector.", sel.Name)
	}
	return values, nil
}

func validateFieldSelector(fs AdvancedFieldSelector) (int, error) {
	equalsOnly, known := advancedFields[fs.Field]
	if !known {
		return 0, invalidSelectors("Field %q is not valid in a trail's advanced event selector.", fs.Field)
	}
	others := [][]string{fs.StartsWith, fs.EndsWith, fs.NotEquals, fs.NotStartsWith, fs.NotEndsWith}
	n := len(fs.Equals)
	for _, vs := range others {
		if len(vs) > 0 && equalsOnly {
			return 0, invalidSelectors("Field %s takes only the Equals operator.", fs.Field)
		}
		n += len(vs)
	}
	if n == 0 {
		return 0, invalidSelectors("Field selector %s has no operator values.", fs.Field)
	}
	for _, vs := range append(others, fs.Equals) {
		for _, v := range vs {
			if v == "" || utf8.RuneCountInString(v) > maxOperatorValue {
				return 0, invalidSelectors("Values of field %s must be 1 to %d characters long.", fs.Field, maxOperatorValue)
			}
		}
	}
	if fs.Field == "eventCategory" {
		for _, v := range fs.Equals {
			if !slices.Contains(eventCategories, v) {
				return 0, invalidSelectors("eventCategory %q is not valid for a trail: use Management, Data or NetworkActivity.", v)
			}
		}
	}
	return n, nil
}
