package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("TerminateInstances", func(a *api) awsproto.QueryHandler { return handler(a.terminateInstances) })

type terminateInstancesInput struct {
	instanceIDsIn
	_ struct{} `ignore:"SkipOsShutdown,Force"`
}

func (a *api) terminateInstances(ctx context.Context, in *terminateInstancesInput) (any, error) {
	changes, err := a.EC2.TerminateInstances(ctx, scope(ctx), in.InstanceIDs)
	if err != nil {
		return nil, err
	}
	return stateChangesOut(changes), nil
}
