package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DescribeInstances", func(a *api) awsproto.QueryHandler { return handler(a.describeInstances) })

type describeInstancesInput struct {
	common
	pageIn
	InstanceIDs []string   `ec2:"InstanceId"`
	Filters     []filterIn `ec2:"Filter"`
	_           struct{}   `ignore:"IncludeManagedResources"`
}

func (in *describeInstancesInput) validate() error {
	if in.MaxResults != nil && len(in.InstanceIDs) > 0 {
		return sandbox.Error(sandbox.CodeInvalidParameterCombination,
			"The parameter instancesSet cannot be used with the parameter maxResults")
	}
	return in.check(5, 1000)
}

type describeInstancesOutput struct {
	Reservations set[reservationXML] `xml:"reservationSet"`
	NextToken    string              `xml:"nextToken,omitempty"`
}

func (a *api) describeInstances(ctx context.Context, in *describeInstancesInput) (any, error) {
	sc := scope(ctx)
	res, next, err := a.EC2.DescribeInstances(ctx, sc, sandbox.DescribeParams{IDs: in.InstanceIDs,
		Filters: filters(in.Filters), Page: in.page()})
	if err != nil {
		return nil, err
	}
	out := mapSet(res, func(r sandbox.Reservation) reservationXML { return reservationOut(sc, r, "") })
	return describeInstancesOutput{Reservations: out, NextToken: next}, nil
}
