package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DescribeInstanceStatus", func(a *api) awsproto.QueryHandler { return handler(a.describeInstanceStatus) })

type describeInstanceStatusInput struct {
	common
	pageIn
	InstanceIDs []string   `ec2:"InstanceId"`
	Filters     []filterIn `ec2:"Filter"`
	IncludeAll  bool       `ec2:"IncludeAllInstances"`
	_           struct{}   `ignore:"IncludeManagedResources"`
}

func (in *describeInstanceStatusInput) validate() error {
	if in.MaxResults != nil && len(in.InstanceIDs) > 0 {
		return sandbox.Error(sandbox.CodeInvalidParameterCombination,
			"The parameter instancesSet cannot be used with the parameter maxResults")
	}
	return in.check(5, 1000)
}

type instanceStatusXML struct {
	InstanceID       string           `xml:"instanceId"`
	AvailabilityZone string           `xml:"availabilityZone"`
	State            instanceStateXML `xml:"instanceState"`
	InstanceStatus   statusSummaryXML `xml:"instanceStatus"`
	SystemStatus     statusSummaryXML `xml:"systemStatus"`
	AttachedEbs      statusSummaryXML `xml:"attachedEbsStatus"`
}

type statusSummaryXML struct {
	Status  string               `xml:"status"`
	Details set[statusDetailXML] `xml:"details"`
}

type statusDetailXML struct {
	Name   string `xml:"name"`
	Status string `xml:"status"`
}

func statusSummary(s sandbox.InstanceStatus) statusSummaryXML {
	if s.Status != "ok" {
		return statusSummaryXML{Status: s.Status}
	}
	return statusSummaryXML{Status: "ok", Details: setOf([]statusDetailXML{{"reachability", "passed"}})}
}

type describeInstanceStatusOutput struct {
	Statuses  set[instanceStatusXML] `xml:"instanceStatusSet"`
	NextToken string                 `xml:"nextToken,omitempty"`
}

func (a *api) describeInstanceStatus(ctx context.Context, in *describeInstanceStatusInput) (any, error) {
	statuses, next, err := a.EC2.DescribeInstanceStatus(ctx, scope(ctx), sandbox.DescribeParams{IDs: in.InstanceIDs,
		Filters: filters(in.Filters), Page: in.page()}, in.IncludeAll)
	if err != nil {
		return nil, err
	}
	out := mapSet(statuses, func(s sandbox.InstanceStatus) instanceStatusXML {
		sum := statusSummary(s)
		return instanceStatusXML{InstanceID: s.ID, AvailabilityZone: s.AvailabilityZone, State: stateOut(s.State),
			InstanceStatus: sum, SystemStatus: sum, AttachedEbs: sum}
	})
	return describeInstanceStatusOutput{Statuses: out, NextToken: next}, nil
}
