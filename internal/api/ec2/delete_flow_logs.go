package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DeleteFlowLogs", func(a *api) awsproto.QueryHandler { return handler(a.deleteFlowLogs) })

type deleteFlowLogsInput struct {
	common
	FlowLogIDs []string `ec2:"FlowLogId,required"`
}

func (in *deleteFlowLogsInput) validate() error {
	if len(in.FlowLogIDs) == 0 {
		return sandbox.Missing("FlowLogId")
	}
	return nil
}

type deleteFlowLogsOutput struct {
	Unsuccessful set[unsuccessfulXML] `xml:"unsuccessful"`
}

func (a *api) deleteFlowLogs(ctx context.Context, in *deleteFlowLogsInput) (any, error) {
	if err := a.EC2.DeleteFlowLogs(ctx, scope(ctx), in.FlowLogIDs); err != nil {
		return nil, err
	}
	return deleteFlowLogsOutput{}, nil
}
