package runbooks

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/expr"
	"github.com/salvehq/salve/internal/awserr"
)

// Rate control defaults (StartAutomationExecution).
const (
	DefaultMaxConcurrency = "10"
	DefaultMaxErrors      = "0"
)

// TargetParameterValues is the only Target key Salve resolves.
const TargetParameterValues = "ParameterValues"

// Target is one StartAutomationExecution Target.
type Target struct {
	Key    string   `json:"Key"`
	Values []string `json:"Values,omitempty"`
}

// RateControl is the state of a rate-controlled parent execution: the
// request, and one TargetRun per child in start order.
type RateControl struct {
	TargetParameterName string                `json:"TargetParameterName,omitempty"`
	Targets             []Target              `json:"Targets,omitempty"`
	TargetMaps          []map[string][]string `json:"TargetMaps,omitempty"`
	MaxConcurrency      string                `json:"MaxConcurrency"`
	MaxErrors           string                `json:"MaxErrors"`
	Runs                []TargetRun           `json:"Runs"`
	// Halted is set once more children failed than MaxErrors allows: no
	// further child starts.
	Halted bool `json:"Halted,omitempty"`
}

// TargetRun is one child of a rate-controlled parent.
type TargetRun struct {
	// Target is the target value ("" for a TargetMaps entry).
	Target string `json:"Target,omitempty"`
	// Parameters are the child's parameters.
	Parameters map[string][]string `json:"Parameters"`
	// ID is the child execution ("" until it starts).
	ID string `json:"Id,omitempty"`
	// Status is the child's status when the parent last looked.
	Status string `json:"Status,omitempty"`
}

// rateControlled reports whether p asks for one child per target.
func (p StartParams) rateControlled() bool {
	return len(p.Targets) > 0 || len(p.TargetMaps) > 0
}

// checkRateControl refuses rate-control members that do not fit together.
func (p StartParams) checkRateControl() error {
	switch {
	case len(p.Targets) > 0 && len(p.TargetMaps) > 0:
		return badStart("Targets and TargetMaps cannot both be given; use one of them.")
	case len(p.Targets) > 0 && p.TargetParameterName == "":
		return badStart("TargetParameterName is required with Targets: name the runbook parameter that " +
			"receives each target value.")
	case !p.rateControlled() && (p.TargetParameterName != "" || p.MaxConcurrency != "" || p.MaxErrors != ""):
		return badStart("TargetParameterName, MaxConcurrency and MaxErrors apply only with Targets or TargetMaps.")
	case p.rateControlled() && p.Mode == ModeInteractive:
		return badStart("Mode Interactive cannot be used with Targets or TargetMaps; start the execution in Auto mode.")
	}
	return nil
}

// badStart is InvalidAutomationExecutionParametersException.
func badStart(msg string) error {
	return awserr.New(awserr.InvalidAutomationExecutionParameters, "%s", msg)
}

// targetRuns plans the children of a rate-controlled start and checks
// that each one's parameters bind to doc.
func (p StartParams) targetRuns(doc *automation.Document) ([]TargetRun, error) {
	runs, err := p.plan(doc)
	if err != nil {
		return nil, err
	}
	for _, r := range runs {
		if _, err := expr.BindParameters(doc, r.Parameters); err != nil {
			return nil, forTarget(r, err)
		}
	}
	return runs, nil
}

// plan lists one TargetRun per target value or target map.
func (p StartParams) plan(doc *automation.Document) ([]TargetRun, error) {
	if len(p.TargetMaps) > 0 {
		runs := make([]TargetRun, len(p.TargetMaps))
		for i, m := range p.TargetMaps {
			runs[i] = TargetRun{Parameters: merged(p.Parameters, m)}
		}
		return runs, nil
	}
	values, err := p.targetValues(doc)
	if err != nil {
		return nil, err
	}
	runs := make([]TargetRun, len(values))
	for i, v := range values {
		runs[i] = TargetRun{Target: v, Parameters: merged(p.Parameters, map[string][]string{p.TargetParameterName: {v}})}
	}
	return runs, nil
}

// targetValues resolves the single Target to its distinct values.
func (p StartParams) targetValues(doc *automation.Document) ([]string, error) {
	if !slices.ContainsFunc(doc.Parameters, func(d automation.Parameter) bool { return d.Name == p.TargetParameterName }) {
		return nil, badStart("TargetParameterName " + p.TargetParameterName + " is not a parameter of runbook " +
			p.DocumentName + ".")
	}
	t := p.Targets[0]
	if t.Key != TargetParameterValues {
		return nil, awserr.New(awserr.InvalidTarget, "Salve cannot resolve targets with key %s yet; "+
			"use Key %s with the values to run on, or TargetMaps.", t.Key, TargetParameterValues)
	}
	var out []string
	for _, v := range t.Values {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return nil, awserr.New(awserr.InvalidTarget, "Target %s has no values; give at least one.", t.Key)
	}
	return out, nil
}

// merged returns base overridden by over.
func merged(base, over map[string][]string) map[string][]string {
	out := maps.Clone(base)
	if out == nil {
		out = map[string][]string{}
	}
	maps.Copy(out, over)
	return out
}

// forTarget names the target in a parameter binding error.
func forTarget(r TargetRun, err error) error {
	var ae *awserr.Error
	if !errors.As(err, &ae) {
		return err
	}
	what := "target " + r.Target
	if r.Target == "" {
		what = "a target map"
	}
	return awserr.New(ae.Code, "Parameters for %s: %s", what, ae.Message)
}

// limit reads a MaxConcurrency or MaxErrors value for n targets: a
// number, or a percentage of n rounded down.
func limit(s string, n int) int {
	if pct, ok := strings.CutSuffix(s, "%"); ok {
		v, _ := strconv.Atoi(pct)
		return v * n / 100
	}
	v, _ := strconv.Atoi(s)
	return v
}

// concurrency is how many children may run at once (at least one).
func (r *RateControl) concurrency() int { return max(1, limit(r.MaxConcurrency, len(r.Runs))) }

// maxErrors is how many children may fail before no more start.
func (r *RateControl) maxErrors() int { return limit(r.MaxErrors, len(r.Runs)) }

// counts tallies the children: running, and final ones by status.
func (r *RateControl) counts() (running int, p Progress) {
	p.Total = len(r.Runs)
	for _, run := range r.Runs {
		switch run.Status {
		case "":
		case engine.StatusSuccess:
			p.Success++
		case engine.StatusFailed:
			p.Failed++
		case engine.StatusCancelled:
			p.Cancelled++
		case engine.StatusTimedOut:
			p.TimedOut++
		default:
			running++
		}
	}
	return running, p
}

// ResolvedTargets lists the target values of a parent started with
// Targets (nil otherwise).
func (x *Execution) ResolvedTargets() []string {
	if x.Rate == nil {
		return nil
	}
	var out []string
	for _, r := range x.Rate.Runs {
		if r.Target != "" {
			out = append(out, r.Target)
		}
	}
	return out
}
