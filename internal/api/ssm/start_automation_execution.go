package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("StartAutomationExecution", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.startAutomationExecution)
})

// Model patterns of StartAutomationExecution.
const (
	automationDocNamePattern = `^[a-zA-Z0-9_\-.:/]{3,128}$`
	automationVersionPattern = `([$]LATEST|[$]DEFAULT|^[1-9][0-9]*$)`
	clientTokenPattern       = `[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}`
	maxConcurrencyPattern    = `^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$`
	maxErrorsPattern         = `^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$`
	targetKeyPattern         = `^[\p{L}\p{Z}\p{N}_.:/=\-@]*$|resource-groups:ResourceTypeFilters|resource-groups:Name`
)

type startAutomationExecutionInput struct {
	DocumentName        *string               `json:"DocumentName,omitempty"`
	DocumentVersion     *string               `json:"DocumentVersion,omitempty"`
	Parameters          map[string][]string   `json:"Parameters,omitempty"`
	ClientToken         *string               `json:"ClientToken,omitempty"`
	Mode                *string               `json:"Mode,omitempty"`
	TargetParameterName *string               `json:"TargetParameterName,omitempty"`
	Targets             []automationTarget    `json:"Targets,omitempty"`
	TargetMaps          []map[string][]string `json:"TargetMaps,omitempty"`
	MaxConcurrency      *string               `json:"MaxConcurrency,omitempty"`
	MaxErrors           *string               `json:"MaxErrors,omitempty"`
	TargetLocations     []map[string]any      `json:"TargetLocations,omitempty"`
	Tags                []map[string]any      `json:"Tags,omitempty"`
	AlarmConfiguration  map[string]any        `json:"AlarmConfiguration,omitempty"`
	TargetLocationsURL  *string               `json:"TargetLocationsURL,omitempty"`
}

// automationTarget is the Target shape.
type automationTarget struct {
	Key    *string  `json:"Key,omitempty"`
	Values []string `json:"Values,omitempty"`
}

type startAutomationExecutionOutput struct {
	AutomationExecutionID string `json:"AutomationExecutionId"`
}

func (a *api) startAutomationExecution(ctx context.Context, in *startAutomationExecutionInput) (*startAutomationExecutionOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	id, err := a.Runbooks.Start(ctx, runbooks.StartParams{
		Scope: scope(ctx), DocumentName: *in.DocumentName, DocumentVersion: docString(in.DocumentVersion),
		Parameters: in.Parameters, ClientToken: docString(in.ClientToken), Mode: docString(in.Mode),
		ExecutedBy:          awsproto.CallerFrom(ctx).Principal,
		TargetParameterName: docString(in.TargetParameterName), Targets: toTargets(in.Targets),
		TargetMaps: in.TargetMaps, MaxConcurrency: docString(in.MaxConcurrency), MaxErrors: docString(in.MaxErrors),
		MultiAccount: len(in.TargetLocations) > 0 || in.TargetLocationsURL != nil,
	})
	if err != nil {
		return nil, err
	}
	return &startAutomationExecutionOutput{AutomationExecutionID: id}, nil
}

// toTargets converts wire Targets.
func toTargets(ts []automationTarget) []runbooks.Target {
	out := make([]runbooks.Target, len(ts))
	for i, t := range ts {
		out[i] = runbooks.Target{Key: docString(t.Key), Values: t.Values}
	}
	return out
}

func (in *startAutomationExecutionInput) validate() error {
	var v validate.Errors
	if v.Required("documentName", in.DocumentName != nil) {
		v.Pattern("documentName", *in.DocumentName, automationDocNamePattern)
	}
	if in.DocumentVersion != nil {
		v.Pattern("documentVersion", *in.DocumentVersion, automationVersionPattern)
	}
	validateParameterMap(&v, "parameters", in.Parameters)
	if in.ClientToken != nil {
		v.Len("clientToken", *in.ClientToken, 36, 36)
		v.Pattern("clientToken", *in.ClientToken, clientTokenPattern)
	}
	v.OptionalEnum("mode", in.Mode, runbooks.ModeAuto, runbooks.ModeInteractive)
	v.String("targetParameterName", in.TargetParameterName, 1, 50)
	v.Items("targets", len(in.Targets), 0, 1, len(in.Targets))
	for i, t := range in.Targets {
		validateTarget(&v, i, t)
	}
	v.Items("targetMaps", len(in.TargetMaps), 0, 300, len(in.TargetMaps))
	for i, m := range in.TargetMaps {
		validateTargetMap(&v, validate.Member("targetMaps", i, ""), m)
	}
	if in.MaxConcurrency != nil {
		v.Len("maxConcurrency", *in.MaxConcurrency, 1, 7)
		v.Pattern("maxConcurrency", *in.MaxConcurrency, maxConcurrencyPattern)
	}
	if in.MaxErrors != nil {
		v.Len("maxErrors", *in.MaxErrors, 1, 7)
		v.Pattern("maxErrors", *in.MaxErrors, maxErrorsPattern)
	}
	if in.TargetLocations != nil {
		v.Items("targetLocations", len(in.TargetLocations), 1, 100, len(in.TargetLocations))
	}
	v.Items("tags", len(in.Tags), 0, 1000, len(in.Tags))
	return v.Err()
}

// validateParameterMap checks an AutomationParameterMap member.
func validateParameterMap(v *validate.Errors, path string, m map[string][]string) {
	if m == nil {
		return
	}
	v.Items(path, len(m), 1, 200, len(m))
	for k, vals := range m {
		v.Len(path+"."+k+".key", k, 1, 50)
		v.Items(path+"."+k+".value", len(vals), 0, 50, len(vals))
		for _, s := range vals {
			v.Len(path+"."+k+".value.member", s, 1, 512)
		}
	}
}

// validateTarget checks the i-th Target.
func validateTarget(v *validate.Errors, i int, t automationTarget) {
	if t.Key != nil {
		v.Len(validate.Member("targets", i, "key"), *t.Key, 1, 163)
		v.Pattern(validate.Member("targets", i, "key"), *t.Key, targetKeyPattern)
	}
	v.Items(validate.Member("targets", i, "values"), len(t.Values), 0, 50, t.Values)
}

// validateTargetMap checks one TargetMaps entry: 1..20 parameters,
// names of 1..50 characters, up to 25 values of 1..50.
func validateTargetMap(v *validate.Errors, path string, m map[string][]string) {
	v.Items(path, len(m), 1, 20, len(m))
	for k, vals := range m {
		v.Len(path+"."+k+".key", k, 1, 50)
		v.Items(path+"."+k+".value", len(vals), 0, 25, len(vals))
		for _, s := range vals {
			v.Len(path+"."+k+".value.member", s, 1, 50)
		}
	}
}
