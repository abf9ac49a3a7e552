package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("StopInstances", func(a *api) awsproto.QueryHandler { return handler(a.stopInstances) })

type stopInstancesInput struct {
	instanceIDsIn
	_ struct{} `ignore:"Hibernate,SkipOsShutdown,Force"`
}

func (a *api) stopInstances(ctx context.Context, in *stopInstancesInput) (any, error) {
	changes, err := a.EC2.StopInstances(ctx, scope(ctx), in.InstanceIDs)
	if err != nil {
		return nil, err
	}
	return stateChangesOut(changes), nil
}
