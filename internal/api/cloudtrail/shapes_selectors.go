package cloudtrail

import (
	ctdomain "github.com/salvehq/salve/internal/sandbox/cloudtrail"
)

// eventSelectorShape is the EventSelector shape.
type eventSelectorShape struct {
	ReadWriteType                 *string             `json:"ReadWriteType,omitempty"`
	IncludeManagementEvents       *bool               `json:"IncludeManagementEvents,omitempty"`
	DataResources                 []dataResourceShape `json:"DataResources"`
	ExcludeManagementEventSources []string            `json:"ExcludeManagementEventSources"`
}

// dataResourceShape is the DataResource shape.
type dataResourceShape struct {
	Type   *string  `json:"Type,omitempty"`
	Values []string `json:"Values"`
}

// advancedEventSelectorShape is the AdvancedEventSelector shape.
type advancedEventSelectorShape struct {
	Name           *string              `json:"Name,omitempty"`
	FieldSelectors []fieldSelectorShape `json:"FieldSelectors"`
}

// fieldSelectorShape is the AdvancedFieldSelector shape.
type fieldSelectorShape struct {
	Field         *string  `json:"Field,omitempty"`
	Equals        []string `json:"Equals,omitempty"`
	StartsWith    []string `json:"StartsWith,omitempty"`
	EndsWith      []string `json:"EndsWith,omitempty"`
	NotEquals     []string `json:"NotEquals,omitempty"`
	NotStartsWith []string `json:"NotStartsWith,omitempty"`
	NotEndsWith   []string `json:"NotEndsWith,omitempty"`
}

// selectorsIn converts basic selectors, filling AWS's defaults (All,
// management events included); nil stays nil (not given).
func selectorsIn(in []eventSelectorShape) []ctdomain.EventSelector {
	if in == nil {
		return nil
	}
	out := make([]ctdomain.EventSelector, 0, len(in))
	for _, s := range in {
		sel := ctdomain.EventSelector{ReadWriteType: ctdomain.ReadWriteAll, IncludeManagementEvents: true,
			ExcludeManagementEventSources: s.ExcludeManagementEventSources}
		if s.ReadWriteType != nil {
			sel.ReadWriteType = *s.ReadWriteType
		}
		if s.IncludeManagementEvents != nil {
			sel.IncludeManagementEvents = *s.IncludeManagementEvents
		}
		for _, dr := range s.DataResources {
			sel.DataResources = append(sel.DataResources, ctdomain.DataResource{Type: deref(dr.Type), Values: dr.Values})
		}
		out = append(out, sel)
	}
	return out
}

func selectorsOut(in []ctdomain.EventSelector) []eventSelectorShape {
	if in == nil {
		return nil
	}
	out := make([]eventSelectorShape, 0, len(in))
	for _, s := range in {
		sel := eventSelectorShape{ReadWriteType: &s.ReadWriteType, IncludeManagementEvents: &s.IncludeManagementEvents,
			DataResources: []dataResourceShape{}, ExcludeManagementEventSources: s.ExcludeManagementEventSources}
		for _, dr := range s.DataResources {
			sel.DataResources = append(sel.DataResources, dataResourceShape{Type: &dr.Type, Values: dr.Values})
		}
		out = append(out, sel)
	}
	return out
}

func advancedIn(in []advancedEventSelectorShape) []ctdomain.AdvancedEventSelector {
	if in == nil {
		return nil
	}
	out := make([]ctdomain.AdvancedEventSelector, 0, len(in))
	for _, s := range in {
		sel := ctdomain.AdvancedEventSelector{Name: deref(s.Name)}
		for _, f := range s.FieldSelectors {
			sel.FieldSelectors = append(sel.FieldSelectors, ctdomain.AdvancedFieldSelector{
				Field: deref(f.Field), Equals: f.Equals, StartsWith: f.StartsWith, EndsWith: f.EndsWith,
				NotEquals: f.NotEquals, NotStartsWith: f.NotStartsWith, NotEndsWith: f.NotEndsWith})
		}
		out = append(out, sel)
	}
	return out
}

func advancedOut(in []ctdomain.AdvancedEventSelector) []advancedEventSelectorShape {
	if in == nil {
		return nil
	}
	out := make([]advancedEventSelectorShape, 0, len(in))
	for _, s := range in {
		sel := advancedEventSelectorShape{FieldSelectors: []fieldSelectorShape{}}
		if s.Name != "" {
			sel.Name = &s.Name
		}
		for _, f := range s.FieldSelectors {
			sel.FieldSelectors = append(sel.FieldSelectors, fieldSelectorShape{
				Field: &f.Field, Equals: f.Equals, StartsWith: f.StartsWith, EndsWith: f.EndsWith,
				NotEquals: f.NotEquals, NotStartsWith: f.NotStartsWith, NotEndsWith: f.NotEndsWith})
		}
		out = append(out, sel)
	}
	return out
}
