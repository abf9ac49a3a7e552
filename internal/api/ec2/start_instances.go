package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("StartInstances", func(a *api) awsproto.QueryHandler { return handler(a.startInstances) })

type startInstancesInput struct {
	instanceIDsIn
	_ struct{} `ignore:"AdditionalInfo"`
}

func (a *api) startInstances(ctx context.Context, in *startInstancesInput) (any, error) {
	changes, err := a.EC2.StartInstances(ctx, scope(ctx), in.InstanceIDs)
	if err != nil {
		return nil, err
	}
	return stateChangesOut(changes), nil
}
