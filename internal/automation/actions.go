package automation

import (
	"gopkg.in/yaml.v3"
)

// actions lists the actions a step may use, each with the inputs it cannot
// run without. Inputs beyond these are passed to the action unchecked.
var actions = map[string][]string{
	"aws:executeAwsApi":              {"Service", "Api"},
	"aws:executeScript":              {"Runtime"},
	"aws:branch":                     {"Choices"},
	"aws:sleep":                      nil, // Duration or Timestamp, checked below
	"aws:pause":                      nil,
	"aws:approve":                    nil, // Approvers, or EnhancedApprovals in change templates
	"aws:assertAwsResourceProperty":  {"Service", "Api", "PropertySelector", "DesiredValues"},
	"aws:waitForAwsResourceProperty": {"Service", "Api", "PropertySelector", "DesiredValues"},
	"aws:executeAutomation":          {"DocumentName"},
	"aws:invokeLambdaFunction":       {"FunctionName"},
	"aws:changeInstanceState":        {"InstanceIds", "DesiredState"},
	"aws:runCommand":                 {"DocumentName"},
	"aws:createTags":                 {"ResourceIds", "Tags"},
	"aws:createStack":                {"StackName"},
	"aws:deleteStack":                {"StackName"},
	"aws:loop":                       {"Steps"},
	"aws:updateVariable":             {"Name", "Value"},
	"aws:copyImage":                  {"SourceImageId", "SourceRegion", "ImageName"},
	"aws:createImage":                {"InstanceId", "ImageName"},
	"aws:deleteImage":                {"ImageId"},
	"aws:runInstances":               {"ImageId"},
	"aws:executeStateMachine":        {"stateMachineArn"},
	"aws:invokeWebhook":              {"IntegrationName"},
}

// Actions lists the supported action names.
func Actions() []string {
	out := make([]string, 0, len(actions))
	for a := range actions {
		out = append(out, a)
	}
	return out
}

// actionInputs reads the inputs of a step and checks them for its action.
func (s *Step) actionInputs(fs []field, path string) error {
	var n *yaml.Node
	for _, f := range fs {
		if f.key == "inputs" {
			n = f.node
		}
	}
	path = join(path, "inputs")
	in, err := fields(n, path)
	if err != nil {
		return err
	}
	if err := requireKeys(in, path, actions[s.Action]...); err != nil {
		return err
	}
	if err := s.decodeInputs(n, path); err != nil {
		return err
	}
	return s.parseAction(in, path)
}

// decodeInputs keeps the inputs as plain values.
func (s *Step) decodeInputs(n *yaml.Node, path string) error {
	v, err := value(n, path)
	if err != nil {
		return err
	}
	s.Inputs, _ = v.(map[string]any)
	if s.Inputs == nil {
		s.Inputs = map[string]any{}
	}
	return nil
}

// parseAction runs the checks particular to an action.
func (s *Step) parseAction(in []field, path string) error {
	var err error
	switch s.Action {
	case "aws:branch":
		s.Branch, err = branch(in, path)
	case "aws:loop":
		s.Loop, err = loop(in, path)
	case "aws:sleep":
		if _, ok := s.Inputs["Duration"]; !ok {
			if _, ok := s.Inputs["Timestamp"]; !ok {
				err = invalid(path, "has neither Duration nor Timestamp")
			}
		}
	}
	return err
}

// loop reads the nested steps and the do-while condition of aws:loop.
func loop(in []field, path string) (*Loop, error) {
	l := &Loop{}
	for _, f := range in {
		var err error
		switch f.key {
		case "Steps":
			l.Steps, err = steps(f.node, join(path, f.key))
		case "LoopCondition":
			var c Condition
			c, err = condition(f.node, join(path, f.key))
			l.Condition = &c
		}
		if err != nil {
			return nil, err
		}
	}
	return l, nil
}
