package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DescribeFlowLogs", func(a *api) awsproto.QueryHandler { return handler(a.describeFlowLogs) })

type describeFlowLogsInput struct {
	common
	pageIn
	FlowLogIDs []string   `ec2:"FlowLogId"`
	Filters    []filterIn `ec2:"Filter"`
}

func (in *describeFlowLogsInput) validate() error { return in.check(1, 1000) }

type flowLogXML struct {
	CreationTime             string              `xml:"creationTime"`
	DeliverLogsPermissionARN string              `xml:"deliverLogsPermissionArn,omitempty"`
	DeliverCrossAccountRole  string              `xml:"deliverCrossAccountRole,omitempty"`
	DeliverLogsStatus        string              `xml:"deliverLogsStatus"`
	ID                       string              `xml:"flowLogId"`
	Status                   string              `xml:"flowLogStatus"`
	LogGroupName             string              `xml:"logGroupName,omitempty"`
	ResourceID               string              `xml:"resourceId"`
	TrafficType              string              `xml:"trafficType"`
	LogDestinationType       string              `xml:"logDestinationType"`
	LogDestination           string              `xml:"logDestination"`
	LogFormat                string              `xml:"logFormat"`
	Tags                     *set[tagXML]        `xml:"tagSet,omitempty"`
	MaxAggregationInterval   int32               `xml:"maxAggregationInterval"`
	DestinationOptions       *destinationOptsXML `xml:"destinationOptions,omitempty"`
}

type destinationOptsXML struct {
	FileFormat               string `xml:"fileFormat"`
	HiveCompatiblePartitions bool   `xml:"hiveCompatiblePartitions"`
	PerHourPartition         bool   `xml:"perHourPartition"`
}

func flowLogOut(f *sandbox.FlowLog) flowLogXML {
	out := flowLogXML{CreationTime: isoTime(f.Created), DeliverLogsPermissionARN: f.DeliverLogsPermissionARN,
		DeliverCrossAccountRole: f.DeliverCrossAccountRole, DeliverLogsStatus: "SUCCESS", ID: f.ID, Status: "ACTIVE",
		LogGroupName: f.LogGroupName, ResourceID: f.ResourceID, TrafficType: f.TrafficType,
		LogDestinationType: f.LogDestinationType, LogDestination: f.LogDestination, LogFormat: f.LogFormat,
		Tags: tagSet(f.Tags), MaxAggregationInterval: f.MaxAggregationInterval}
	if o := f.DestinationOptions; o != nil {
		out.DestinationOptions = &destinationOptsXML{o.FileFormat, o.HiveCompatiblePartitions, o.PerHourPartition}
	}
	return out
}

type describeFlowLogsOutput struct {
	FlowLogs  set[flowLogXML] `xml:"flowLogSet"`
	NextToken string          `xml:"nextToken,omitempty"`
}

func (a *api) describeFlowLogs(ctx context.Context, in *describeFlowLogsInput) (any, error) {
	logs, next, err := a.EC2.DescribeFlowLogs(ctx, scope(ctx), sandbox.DescribeParams{IDs: in.FlowLogIDs,
		Filters: filters(in.Filters), Page: in.page()})
	if err != nil {
		return nil, err
	}
	return describeFlowLogsOutput{FlowLogs: mapSet(logs, flowLogOut), NextToken: next}, nil
}
