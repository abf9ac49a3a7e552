package ec2

import (
	"context"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// CreateFlowLogsParams are CreateFlowLogs' inputs.
type CreateFlowLogsParams struct {
	// ResourceType is VPC, Subnet or NetworkInterface.
	ResourceType string
	ResourceIDs  []string
	// TrafficType is ACCEPT, REJECT or ALL.
	TrafficType string
	// LogDestinationType is cloud-watch-logs (when empty), s3 or
	// kinesis-data-firehose.
	LogDestinationType       string
	LogDestination           string
	LogGroupName             string
	DeliverLogsPermissionARN string
	DeliverCrossAccountRole  string
	LogFormat                string
	// MaxAggregationInterval is 60 or 600 (when 0).
	MaxAggregationInterval int32
	DestinationOptions     *DestinationOptions
	TagSpecs               []TagSpec
}

// Unsuccessful is a resource a batch call could not act on, and why.
type Unsuccessful struct {
	ResourceID string
	Code       string
	Message    string
}

// CreateFlowLogs makes a flow log for each resource; those it cannot make
// are answered in the Unsuccessful list, as AWS does.
func (s *Service) CreateFlowLogs(ctx context.Context, scope tenant.Scope, p CreateFlowLogsParams) ([]string, []Unsuccessful, error) {
	if err := p.check(scope); err != nil {
		return nil, nil, err
	}
	tags, err := tagsFor(p.TagSpecs, "vpc-flow-log", "vpc-flow-log")
	if err != nil {
		return nil, nil, err
	}
	var ids []string
	var failed []Unsuccessful
	err = s.update(ctx, scope, func(t *txn) error {
		ids, failed = nil, nil
		existing, err := all[FlowLog](t, kindFlowLog)
		if err != nil {
			return err
		}
		for _, rid := range dedupe(p.ResourceIDs) {
			fl, bad, err := t.newFlowLog(&p, rid, existing, tags)
			switch {
			case err != nil:
				return err
			case bad != nil:
				failed = append(failed, *bad)
			default:
				existing = append(existing, fl)
				ids = append(ids, fl.ID)
			}
		}
		return nil
	})
	return ids, failed, err
}

// check validates the destination settings shared by every flow log of
// the call.
func (p *CreateFlowLogsParams) check(scope tenant.Scope) error {
	if p.LogDestinationType == "" {
		p.LogDestinationType = "cloud-watch-logs"
	}
	if p.MaxAggregationInterval == 0 {
		p.MaxAggregationInterval = 600
	}
	switch {
	case p.ResourceType != "VPC" && p.ResourceType != "Subnet" && p.ResourceType != "NetworkInterface":
		return InvalidValue("ResourceType", p.ResourceType, "Salve makes flow logs for VPC, Subnet and NetworkInterface.")
	case p.TrafficType == "":
		return Error(CodeInvalidParameter, "TrafficType can't be empty if ResourceType is %s.", p.ResourceType)
	case p.MaxAggregationInterval != 60 && p.MaxAggregationInterval != 600:
		return Error(CodeInvalidParameter, "Invalid MaxAggregationInterval: it must be 60 or 600.")
	}
	switch p.LogDestinationType {
	case "cloud-watch-logs":
		return p.checkLogs(scope)
	case "s3":
		return p.checkS3()
	}
	return p.checkFirehose()
}

// checkLogs validates a CloudWatch Logs destination and fills the group
// name from a log group ARN.
func (p *CreateFlowLogsParams) checkLogs(scope tenant.Scope) error {
	switch {
	case p.LogGroupName != "" && p.LogDestination != "":
		return Error(CodeInvalidParameterCombination, "Please only provide LogGroupName or only provide LogDestination.")
	case p.LogGroupName == "" && p.LogDestination == "":
		return Error(CodeInvalidParameter, "LogDestination can't be empty if LogGroupName is not provided.")
	case p.DeliverLogsPermissionARN == "":
		return Error(CodeInvalidParameter, "DeliverLogsPermissionArn can't be empty if LogDestinationType is cloud-watch-logs.")
	}
	if p.LogDestination != "" {
		_, rest, ok := strings.Cut(p.LogDestination, ":log-group:")
		if !ok || !strings.HasPrefix(p.LogDestination, "arn:") || rest == "" {
			return InvalidValue("LogDestination", p.LogDestination, "It must be the ARN of a CloudWatch Logs log group.")
		}
		p.LogGroupName = strings.TrimSuffix(rest, ":*")
		return nil
	}
	p.LogDestination = scope.ARN("logs", "log-group:"+p.LogGroupName)
	return nil
}

// checkS3 validates an S3 destination.
func (p *CreateFlowLogsParams) checkS3() error {
	switch {
	case p.LogGroupName != "":
		return Error(CodeInvalidParameter, "LogDestination type must be cloud-watch-logs if LogGroupName is provided.")
	case p.LogDestination == "":
		return Error(CodeInvalidParameter, "LogDestination can't be empty if LogDestinationType is s3.")
	case !strings.HasPrefix(p.LogDestination, "arn:aws:s3:::") || len(p.LogDestination) == len("arn:aws:s3:::"):
		return InvalidValue("LogDestination", p.LogDestination, "It must be the ARN of an S3 bucket or folder.")
	case p.DeliverLogsPermissionARN != "":
		return Error(CodeInvalidParameter, "DeliverLogsPermissionArn is not applicable for s3 delivery.")
	}
	return nil
}

// checkFirehose validates a Kinesis Data Firehose destination.
func (p *CreateFlowLogsParams) checkFirehose() error {
	switch {
	case p.LogDestinationType != "kinesis-data-firehose":
		return InvalidValue("LogDestinationType", p.LogDestinationType, "")
	case p.LogGroupName != "":
		return Error(CodeInvalidParameter, "LogDestination type must be cloud-watch-logs if LogGroupName is provided.")
	case !strings.Contains(p.LogDestination, ":deliverystream/"):
		return InvalidValue("LogDestination", p.LogDestination, "It must be the ARN of a Firehose delivery stream.")
	}
	return nil
}

// newFlowLog makes one flow log, or says why the resource cannot have it.
func (t *txn) newFlowLog(p *CreateFlowLogsParams, rid string, existing []*FlowLog, tags []Tag) (*FlowLog, *Unsuccessful, error) {
	if err := t.flowLogTarget(p.ResourceType, rid); err != nil {
		ae, ok := awserr.As(err)
		if !ok {
			return nil, nil, err
		}
		return nil, &Unsuccessful{ResourceID: rid, Code: ae.Code, Message: ae.Message}, nil
	}
	fl := &FlowLog{ID: kindFlowLog.newID(), ResourceID: rid, TrafficType: p.TrafficType,
		LogDestinationType: p.LogDestinationType, LogDestination: p.LogDestination, LogGroupName: p.LogGroupName,
		DeliverLogsPermissionARN: p.DeliverLogsPermissionARN, DeliverCrossAccountRole: p.DeliverCrossAccountRole,
		LogFormat: p.LogFormat, MaxAggregationInterval: p.MaxAggregationInterval,
		DestinationOptions: p.DestinationOptions, Created: t.now, Tags: tags}
	if fl.LogFormat == "" {
		fl.LogFormat = DefaultFlowLogFormat
	}
	for _, o := range existing {
		if o.ResourceID == rid && o.TrafficType == fl.TrafficType && o.LogDestination == fl.LogDestination {
			return nil, &Unsuccessful{ResourceID: rid, Code: CodeFlowLogAlreadyExists,
				Message: "Error. There is an existing Flow Log with the same configuration and log destination."}, nil
		}
	}
	if err := put(t, kindFlowLog, fl.ID, fl); err != nil {
		return nil, nil, err
	}
	return fl, nil, t.recordItem(fl.item(t), configitem.StatusResourceDiscovered)
}

// DefaultFlowLogFormat is the format of flow logs that name none.
const DefaultFlowLogFormat = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} " +
	"${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}"

// flowLogTarget checks that the resource a flow log names exists.
func (t *txn) flowLogTarget(rtype, id string) error {
	switch rtype {
	case "VPC":
		_, err := get[VPC](t, kindVPC, id)
		return err
	case "Subnet":
		_, err := get[Subnet](t, kindSubnet, id)
		return err
	}
	instances, err := all[Instance](t, kindInstance)
	if err != nil {
		return err
	}
	for _, in := range instances {
		if in.NetworkInterfaceID == id && in.State != StateTerminated {
			return nil
		}
	}
	return Error(CodeInvalidNetworkInterfaceID, "The networkInterface ID '%s' does not exist", id)
}

// DeleteFlowLogs deletes flow logs. One unknown id fails the call and
// deletes nothing; the answer lists every unknown id.
func (s *Service) DeleteFlowLogs(ctx context.Context, scope tenant.Scope, ids []string) error {
	return s.update(ctx, scope, func(t *txn) error {
		var found []*FlowLog
		var unknown []string
		for _, id := range dedupe(ids) {
			fl, err := get[FlowLog](t, kindFlowLog, id)
			if _, ok := awserr.As(err); ok {
				unknown = append(unknown, id)
				continue
			}
			if err != nil {
				return err
			}
			found = append(found, fl)
		}
		if len(unknown) > 0 {
			return Error(kindFlowLog.notFound, "These flow log ids in the input list are not found: [TotalCount: %d] %s",
				len(unknown), strings.Join(unknown, ", "))
		}
		for _, fl := range found {
			if err := t.deleteFlowLog(fl); err != nil {
				return err
			}
		}
		return nil
	})
}

// deleteFlowLog removes a flow log and records its deletion.
func (t *txn) deleteFlowLog(fl *FlowLog) error {
	if err := remove(t, kindFlowLog, fl.ID); err != nil {
		return err
	}
	return t.recordDeleted(kindFlowLog, fl.ID, "", "", fl.Created)
}

// deleteFlowLogsOf deletes the flow logs of a resource being deleted.
func (t *txn) deleteFlowLogsOf(resourceID string) error {
	logs, err := all[FlowLog](t, kindFlowLog)
	if err != nil {
		return err
	}
	for _, fl := range logs {
		if fl.ResourceID == resourceID {
			if err := t.deleteFlowLog(fl); err != nil {
				return err
			}
		}
	}
	return nil
}

var flowLogFilters = filterSet[FlowLog]{
	tags: func(f *FlowLog) []Tag { return f.Tags },
	fields: map[string]func(*FlowLog) []string{
		"flow-log-id":          func(f *FlowLog) []string { return one(f.ID) },
		"resource-id":          func(f *FlowLog) []string { return one(f.ResourceID) },
		"log-destination-type": func(f *FlowLog) []string { return one(f.LogDestinationType) },
		"log-group-name":       func(f *FlowLog) []string { return one(f.LogGroupName) },
		"traffic-type":         func(f *FlowLog) []string { return one(f.TrafficType) },
		"deliver-log-status":   func(*FlowLog) []string { return one("SUCCESS") },
	},
}

// DescribeFlowLogs lists flow logs. Ids work as a flow-log-id filter:
// unknown ones are left out of the answer rather than failing it.
func (s *Service) DescribeFlowLogs(ctx context.Context, scope tenant.Scope, p DescribeParams) ([]*FlowLog, string, error) {
	if len(p.IDs) > 0 {
		p.Filters = append(p.Filters, Filter{Name: "flow-log-id", Values: p.IDs})
		p.IDs = nil
	}
	var out []*FlowLog
	err := s.view(ctx, scope, func(t *txn) (err error) {
		out, err = selectRecords(t, kindFlowLog, nil, flowLogFilters, p.Filters)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return paginate(out, func(f *FlowLog) string { return f.ID }, "ec2-flow-logs", p.Page)
}
