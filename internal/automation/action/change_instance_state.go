package action

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awserr"
)

// DefaultInstanceStateTimeout is the timeout of an aws:changeInstanceState
// step that sets no timeoutSeconds.
const DefaultInstanceStateTimeout = 3600 * time.Second

// ChangeInstanceState is aws:changeInstanceState: unless CheckStateOnly,
// it asks EC2 once for DesiredState (StartInstances with AdditionalInfo,
// StopInstances with Force, TerminateInstances), then calls
// DescribeInstances every PollInterval until every one of InstanceIds is
// in that state, or the step times out (default 3600 s).
//
// For running, AWS also waits for the instance and system status checks
// to be ok: Salve calls DescribeInstanceStatus once the instances run,
// and when the AWS caller does not serve that API (UnknownOperationException,
// InvalidAction, UnsupportedOperation) the state alone decides. An
// instance that can no longer reach the state (terminated or
// shutting-down, for running or stopped) fails the step at once. The
// action has no outputs.
type ChangeInstanceState struct{}

// Name implements engine.Action.
func (ChangeInstanceState) Name() string { return "aws:changeInstanceState" }

// DefaultTimeout implements engine.DefaultTimeouter.
func (ChangeInstanceState) DefaultTimeout() time.Duration { return DefaultInstanceStateTimeout }

// requestedKey marks in the step state that the state change was asked.
const requestedKey = "StateChangeRequested"

// instanceStates are the DesiredState values.
var instanceStates = []string{"running", "stopped", "terminated"}

// instanceChange are the inputs of aws:changeInstanceState.
type instanceChange struct {
	ids       []string
	desired   string
	checkOnly bool
	force     bool
	info      string
}

// Run implements engine.Action.
func (ChangeInstanceState) Run(ctx context.Context, s *engine.StepRun) (engine.Result, error) {
	c, err := instanceChangeInputs(s.Inputs)
	if err != nil {
		return engine.Result{}, err
	}
	if !c.checkOnly && s.State.State[requestedKey] == nil {
		if err := c.request(ctx, s); err != nil {
			return engine.Result{}, err
		}
	}
	done, err := c.reached(ctx, s)
	if err != nil || done {
		return engine.Result{}, err
	}
	return engine.Result{Wait: &engine.Wait{Until: s.Now.Add(PollInterval)}}, nil
}

// instanceChangeInputs reads and checks the inputs.
func instanceChangeInputs(in map[string]any) (*instanceChange, error) {
	ids, err := stringsInput(in, "InstanceIds")
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, badInput("Input InstanceIds must list at least one instance.")
	}
	c := &instanceChange{ids: ids}
	if c.desired, err = stringInput(in, "DesiredState"); err != nil {
		return nil, err
	}
	if !slices.Contains(instanceStates, c.desired) {
		return nil, badInput("DesiredState %q must be running, stopped or terminated.", c.desired)
	}
	if c.checkOnly, err = boolInput(in, "CheckStateOnly"); err != nil {
		return nil, err
	}
	if c.force, err = boolInput(in, "Force"); err != nil {
		return nil, err
	}
	if v, ok := in["AdditionalInfo"].(string); ok {
		c.info = v
	}
	return c, nil
}

// boolInput reads an optional boolean input (a boolean, or a string
// spelling one), false when absent.
func boolInput(in map[string]any, key string) (bool, error) {
	switch x := in[key].(type) {
	case nil:
		return false, nil
	case bool:
		return x, nil
	case string:
		if b, err := strconv.ParseBool(strings.TrimSpace(x)); err == nil {
			return b, nil
		}
	}
	return false, badInput("Input %s must be true or false, not %s.", key, describe(in[key]))
}

// request asks EC2 for the desired state, once per attempt.
func (c *instanceChange) request(ctx context.Context, s *engine.StepRun) error {
	call := apiCall{service: "ec2", input: map[string]any{"InstanceIds": anyList(c.ids)}}
	switch c.desired {
	case "running":
		call.api = "StartInstances"
		if c.info != "" {
			call.input["AdditionalInfo"] = c.info
		}
	case "stopped":
		call.api = "StopInstances"
		if c.force {
			call.input["Force"] = true
		}
	default:
		call.api = "TerminateInstances"
	}
	if _, err := s.Call(ctx, call.service, call.api, call.input); err != nil {
		return callFailure(call, err)
	}
	if s.State.State == nil {
		s.State.State = engine.Values{}
	}
	s.State.State[requestedKey] = true
	return nil
}

// reached reports whether every instance is in the desired state (and,
// for running, passes its status checks).
func (c *instanceChange) reached(ctx context.Context, s *engine.StepRun) (bool, error) {
	call := apiCall{service: "ec2", api: "DescribeInstances", input: map[string]any{"InstanceIds": anyList(c.ids)}}
	resp, err := s.Call(ctx, call.service, call.api, call.input)
	if err != nil {
		return false, callFailure(call, err)
	}
	states := instanceStateNames(resp)
	for _, id := range c.ids {
		st := states[id]
		if c.desired != "terminated" && (st == "terminated" || st == "shutting-down") {
			return false, engine.Fail(engine.StageInvocation, engine.TypeVerification,
				"Instance %s is %s, so it can never be %s.", id, st, c.desired)
		}
		if st != c.desired {
			return false, nil
		}
	}
	if c.desired != "running" {
		return true, nil
	}
	return c.statusOK(ctx, s)
}

// statusOK reports whether the instance and system status checks of every
// instance are ok; true when the caller does not serve
// DescribeInstanceStatus.
func (c *instanceChange) statusOK(ctx context.Context, s *engine.StepRun) (bool, error) {
	call := apiCall{service: "ec2", api: "DescribeInstanceStatus",
		input: map[string]any{"InstanceIds": anyList(c.ids), "IncludeAllInstances": true}}
	resp, err := s.Call(ctx, call.service, call.api, call.input)
	if ae, ok := awserr.As(err); ok && slices.Contains([]string{awserr.UnknownOperationException,
		awserr.InvalidAction, "UnsupportedOperation"}, ae.Code) {
		return true, nil
	}
	if err != nil {
		return false, callFailure(call, err)
	}
	ok := map[string]bool{}
	list, _ := resp["InstanceStatuses"].([]any)
	for _, e := range list {
		st, _ := e.(map[string]any)
		id, _ := st["InstanceId"].(string)
		ok[id] = statusOf(st, "InstanceStatus") == "ok" && statusOf(st, "SystemStatus") == "ok"
	}
	for _, id := range c.ids {
		if !ok[id] {
			return false, nil
		}
	}
	return true, nil
}

// statusOf reads status[key].Status.
func statusOf(status map[string]any, key string) string {
	m, _ := status[key].(map[string]any)
	s, _ := m["Status"].(string)
	return s
}

// instanceStateNames maps instance ids to State.Name in a
// DescribeInstances response.
func instanceStateNames(resp map[string]any) map[string]string {
	out := map[string]string{}
	reservations, _ := resp["Reservations"].([]any)
	for _, r := range reservations {
		rm, _ := r.(map[string]any)
		instances, _ := rm["Instances"].([]any)
		for _, i := range instances {
			im, _ := i.(map[string]any)
			id, _ := im["InstanceId"].(string)
			state, _ := im["State"].(map[string]any)
			out[id], _ = state["Name"].(string)
		}
	}
	return out
}

// anyList turns strings into a JSON-shaped list.
func anyList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
