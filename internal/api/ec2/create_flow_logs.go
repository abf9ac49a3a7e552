package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("CreateFlowLogs", func(a *api) awsproto.QueryHandler { return handler(a.createFlowLogs) })

type createFlowLogsInput struct {
	common
	ClientToken              string             `ec2:"ClientToken"`
	DeliverLogsPermissionARN string             `ec2:"DeliverLogsPermissionArn"`
	DeliverCrossAccountRole  string             `ec2:"DeliverCrossAccountRole"`
	LogGroupName             string             `ec2:"LogGroupName"`
	ResourceIDs              []string           `ec2:"ResourceId,required"`
	ResourceType             string             `ec2:"ResourceType,required"`
	TrafficType              string             `ec2:"TrafficType"`
	LogDestinationType       string             `ec2:"LogDestinationType"`
	LogDestination           string             `ec2:"LogDestination"`
	LogFormat                string             `ec2:"LogFormat"`
	TagSpecs                 []tagSpecIn        `ec2:"TagSpecification"`
	MaxAggregationInterval   int32              `ec2:"MaxAggregationInterval"`
	DestinationOptions       *destinationOptsIn `ec2:"DestinationOptions"`
}

type destinationOptsIn struct {
	FileFormat               string `ec2:"FileFormat"`
	HiveCompatiblePartitions bool   `ec2:"HiveCompatiblePartitions"`
	PerHourPartition         bool   `ec2:"PerHourPartition"`
}

func (in *createFlowLogsInput) validate() error {
	if len(in.ResourceIDs) == 0 {
		return sandbox.Missing("ResourceId")
	}
	if err := enum("ResourceType", in.ResourceType, "VPC", "Subnet", "NetworkInterface", "TransitGateway",
		"TransitGatewayAttachment", "RegionalNatGateway"); err != nil {
		return err
	}
	if err := enum("TrafficType", in.TrafficType, "ACCEPT", "REJECT", "ALL"); err != nil {
		return err
	}
	if in.DestinationOptions != nil {
		if err := enum("DestinationOptions.FileFormat", in.DestinationOptions.FileFormat, "plain-text", "parquet"); err != nil {
			return err
		}
	}
	return enum("LogDestinationType", in.LogDestinationType, "cloud-watch-logs", "s3", "kinesis-data-firehose")
}

type unsuccessfulXML struct {
	Error      unsuccessfulErrorXML `xml:"error"`
	ResourceID string               `xml:"resourceId"`
}

type unsuccessfulErrorXML struct {
	Code    string `xml:"code"`
	Message string `xml:"message"`
}

type createFlowLogsOutput struct {
	ClientToken  string               `xml:"clientToken,omitempty"`
	FlowLogIDs   set[string]          `xml:"flowLogIdSet"`
	Unsuccessful set[unsuccessfulXML] `xml:"unsuccessful"`
}

func (a *api) createFlowLogs(ctx context.Context, in *createFlowLogsInput) (any, error) {
	p := sandbox.CreateFlowLogsParams{ResourceType: in.ResourceType, ResourceIDs: in.ResourceIDs,
		TrafficType: in.TrafficType, LogDestinationType: in.LogDestinationType, LogDestination: in.LogDestination,
		LogGroupName: in.LogGroupName, DeliverLogsPermissionARN: in.DeliverLogsPermissionARN,
		DeliverCrossAccountRole: in.DeliverCrossAccountRole, LogFormat: in.LogFormat,
		MaxAggregationInterval: in.MaxAggregationInterval, TagSpecs: tagSpecs(in.TagSpecs)}
	if o := in.DestinationOptions; o != nil {
		p.DestinationOptions = &sandbox.DestinationOptions{FileFormat: o.FileFormat,
			HiveCompatiblePartitions: o.HiveCompatiblePartitions, PerHourPartition: o.PerHourPartition}
	}
	ids, failed, err := a.EC2.CreateFlowLogs(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	return createFlowLogsOutput{ClientToken: in.ClientToken, FlowLogIDs: setOf(ids),
		Unsuccessful: mapSet(failed, func(u sandbox.Unsuccessful) unsuccessfulXML {
			return unsuccessfulXML{Error: unsuccessfulErrorXML{u.Code, u.Message}, ResourceID: u.ResourceID}
		})}, nil
}
