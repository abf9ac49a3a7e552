package recorder

import (
	"slices"
	"strings"
)

// Includes reports whether the group records a resource type. Types
// outside the AWS namespace (custom types of PutResourceConfig) are always
// recorded while the recorder is recording.
func (g *RecordingGroup) Includes(resourceType string) bool {
	if !strings.HasPrefix(resourceType, "AWS::") {
		return true
	}
	switch g.UseOnly {
	case StrategyInclusion:
		return slices.Contains(g.ResourceTypes, resourceType)
	case StrategyExclusion:
		return !slices.Contains(g.ExclusionResourceTypes, resourceType)
	default:
		return !isGlobalType(resourceType) || g.IncludeGlobalResourceTypes
	}
}

// defaultGroup is the group of a recorder put without one: every supported
// type except the global IAM types.
func defaultGroup() RecordingGroup {
	return RecordingGroup{AllSupported: true, UseOnly: StrategyAllSupported}
}

// settle checks a group for the contradictions AWS rejects with
// InvalidRecordingGroupException and fills in its strategy.
func (g *RecordingGroup) settle() error {
	if g.UseOnly == "" {
		g.UseOnly = g.inferStrategy()
	}
	if msg := g.contradiction(); msg != "" {
		return Error(CodeInvalidRecordingGroup, "The recording group provided is not valid: %s", msg)
	}
	return nil
}

func (g *RecordingGroup) inferStrategy() string {
	switch {
	case g.AllSupported:
		return StrategyAllSupported
	case len(g.ExclusionResourceTypes) > 0:
		// An exclusion list needs useOnly EXCLUSION_BY_RESOURCE_TYPES
		// spelled out; contradiction reports it.
		return ""
	default:
		return StrategyInclusion
	}
}

// contradiction describes what is wrong with a group, or returns "".
func (g *RecordingGroup) contradiction() string {
	switch {
	case g.AllSupported && (len(g.ResourceTypes) > 0 || len(g.ExclusionResourceTypes) > 0):
		return "allSupported is true, so resourceTypes and exclusionByResourceTypes must be empty."
	case g.IncludeGlobalResourceTypes && !g.AllSupported:
		return "includeGlobalResourceTypes can be true only when allSupported is true."
	case g.UseOnly == StrategyAllSupported && !g.AllSupported:
		return "recordingStrategy ALL_SUPPORTED_RESOURCE_TYPES needs allSupported set to true."
	case g.UseOnly != StrategyAllSupported && g.AllSupported:
		return "allSupported is true, so recordingStrategy must be ALL_SUPPORTED_RESOURCE_TYPES."
	case g.UseOnly == StrategyInclusion && len(g.ResourceTypes) == 0:
		return "recordingStrategy INCLUSION_BY_RESOURCE_TYPES needs at least one type in resourceTypes."
	case g.UseOnly == StrategyExclusion && len(g.ExclusionResourceTypes) == 0:
		return "recordingStrategy EXCLUSION_BY_RESOURCE_TYPES needs at least one type in exclusionByResourceTypes."
	case g.UseOnly != StrategyExclusion && len(g.ExclusionResourceTypes) > 0:
		return "exclusionByResourceTypes needs recordingStrategy EXCLUSION_BY_RESOURCE_TYPES."
	case g.UseOnly == StrategyExclusion && len(g.ResourceTypes) > 0:
		return "with recordingStrategy EXCLUSION_BY_RESOURCE_TYPES, resourceTypes must be empty."
	}
	return ""
}
