package audit

import (
	"context"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/tenant"
)

// writeTimeout bounds the write of one event.
const writeTimeout = 10 * time.Second

// call is an observed mutating call being turned into an event.
type call struct {
	rec   *awsproto.CallRecord
	scope tenant.Scope
	name  string
	// params are the requestParameters.
	params any
	refs   []ref
	// now is the event's time; start is when the call began on the
	// domain clock (the wire server times calls on the wall clock).
	now, start time.Time
}

// Observe records a mutating call; it is the wire server's
// awsproto.CallObserver. Reads, calls without a caller (failed
// authentication), requests naming no operation and S3 object-level data
// events are not recorded. A failure to record is logged, never returned:
// the call was already answered.
func (s *Service) Observe(ctx context.Context, rec *awsproto.CallRecord) {
	defer func() {
		// The call was answered: a bug here must not take its answer down.
		if p := recover(); p != nil {
			s.logger.Error("panic recording audit event", "request_id", rec.RequestID, "panic", p,
				"stack", string(debug.Stack()))
		}
	}()
	c := s.parse(rec)
	if c == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), writeTimeout)
	defer cancel()
	if err := s.record(ctx, c); err != nil {
		s.logger.Error("record audit event", "request_id", rec.RequestID, "event", c.name, "err", err)
	}
}

// parse reads what is recorded of a call; nil when it is not recorded.
func (s *Service) parse(rec *awsproto.CallRecord) *call {
	if rec == nil || rec.Caller == nil || notAnOperation(rec.ErrorCode) {
		return nil
	}
	now := s.p.Clock.Now().UTC()
	c := &call{rec: rec, scope: tenant.Scope{AccountID: rec.Caller.AccountID, Region: rec.Caller.Region},
		now: now, start: now}
	if !rec.Time.IsZero() {
		c.start = now.Add(-time.Since(rec.Time))
	}
	var ok bool
	switch {
	case rec.Operation == "":
		ok = s.parseREST(c)
	case rec.Header.Get("X-Amz-Target") != "":
		ok = parseJSON(c)
	default:
		ok = parseQuery(c)
	}
	if !ok {
		return nil
	}
	c.params = trimLong(c.params)
	return c
}

// parseJSON reads a JSON 1.1 call.
func parseJSON(c *call) bool {
	c.name = c.rec.Operation
	if ReadOnly(c.name) {
		return false
	}
	params := jsonParams(c.rec.Body)
	switch c.rec.Service {
	case "cloudtrail":
		c.refs = trailRefs(params, c.scope)
	case "config":
		c.refs = configRefs(params, c.scope)
	}
	if params != nil {
		c.params = params
	}
	return true
}

// parseQuery reads a Query call.
func parseQuery(c *call) bool {
	c.name = c.rec.Operation
	if ReadOnly(c.name) {
		return false
	}
	form := queryForm(c.rec.Body, c.rec.Query)
	c.params = formParams(form)
	switch c.rec.Service {
	case "ec2":
		c.refs = ec2Refs(form, c.scope)
	case "iam":
		c.refs = iamRefs(c.name, form, c.scope)
	case "sns":
		c.refs = snsRefs(c.name, form, c.scope)
	}
	return true
}

// s3DataEvents are bucket-level S3 operations that CloudTrail counts as
// data events (with every object-level operation): not recorded.
var s3DataEvents = map[string]bool{"PostObject": true, "DeleteObjects": true, "CreateSession": true}

// parseREST reads a REST call: S3's, named here, or another service's,
// named by its RESTNamer.
func (s *Service) parseREST(c *call) bool {
	query, _ := url.ParseQuery(c.rec.Query)
	if c.rec.Service != "s3" {
		return s.parseOtherREST(c, query)
	}
	r := parseS3(c.rec.Method, c.rec.Path, query)
	if r.Operation == "" || s3DataEvents[r.Operation] || ReadOnly(r.Operation) {
		return false
	}
	c.name = r.Operation
	c.params = s3Params(r, query, c.rec.Body)
	c.refs = []ref{{Type: "AWS::S3::Bucket", ID: r.Bucket, Name: r.Bucket, Scope: c.scope}}
	return true
}

// parseOtherREST reads the call of a REST service other than S3.
func (s *Service) parseOtherREST(c *call, query url.Values) bool {
	if namer := s.p.RESTNamers[c.rec.Service]; namer != nil {
		c.name = namer(c.rec.Method, c.rec.Path, query)
		if c.name == "" || ReadOnly(c.name) {
			return false
		}
	} else {
		if c.rec.Method == "GET" || c.rec.Method == "HEAD" {
			return false
		}
		c.name = c.rec.Method + " " + c.rec.Path
	}
	if params := jsonParams(c.rec.Body); params != nil {
		c.params = params
	}
	return true
}

// sourceIP is the event's sourceIPAddress: the client's address, or for
// an in-process call the service that made it (ssm.amazonaws.com for a
// runbook's, as CloudTrail shows calls AWS services make).
func sourceIP(rec *awsproto.CallRecord) string {
	switch {
	case rec.SourceIP != "":
		return rec.SourceIP
	case rec.Caller.AutomationExecutionID != "":
		return "ssm.amazonaws.com"
	}
	return "AWS Internal"
}

// event builds the CloudTrail event of a call.
func (c *call) event(eventID string, changes []Change) (Event, string) {
	rec := c.rec
	who, username := identity(rec.Caller, c.now)
	ev := Event{EventVersion: EventVersion, UserIdentity: who, EventTime: c.now.Format(eventTimeLayout),
		EventSource: eventSource(rec.Service), EventName: c.name, AWSRegion: c.scope.Region,
		SourceIPAddress: sourceIP(rec), UserAgent: rec.UserAgent, ErrorCode: rec.ErrorCode,
		ErrorMessage: rec.ErrorMessage, RequestParameters: c.params, RequestID: rec.RequestID,
		EventID: eventID, EventType: "AwsApiCall", ManagementEvent: true, RecipientAccountID: c.scope.AccountID,
		EventCategory: "Management", Resources: c.eventResources(changes)}
	ev.AdditionalEventData = additional(rec.Caller.AutomationExecutionID, changes)
	return ev, username
}

// additional is the event's additionalEventData: the automation execution
// that made the call and the configuration it changed.
func additional(automationID string, changes []Change) map[string]any {
	m := map[string]any{}
	if automationID != "" {
		m["automationExecutionId"] = automationID
	}
	if len(changes) > 0 {
		m["configurationBefore"], m["configurationAfter"] = changes[0].Before, changes[0].After
	}
	if len(changes) > 1 {
		m["configurationChanges"] = changes
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

// eventResources is the record's resources list.
func (c *call) eventResources(changes []Change) []EventResource {
	arns := map[string]string{}
	for _, ch := range changes {
		if ch.After != nil && ch.After.ARN != "" {
			arns[ch.ResourceType+"/"+ch.ResourceID] = ch.After.ARN
		}
	}
	var out []EventResource
	seen := map[string]bool{}
	for _, r := range c.refs {
		k := r.Type + "/" + r.Name
		if seen[k] {
			continue
		}
		seen[k] = true
		arn := arns[r.Type+"/"+r.ID]
		if arn == "" && strings.HasPrefix(r.ID, "arn:") {
			arn = r.ID
		}
		if arn == "" && r.Type == "AWS::S3::Bucket" {
			arn = "arn:" + tenant.Partition(c.scope.Region) + ":s3:::" + r.ID
		}
		out = append(out, EventResource{ARN: arn, AccountID: r.Scope.AccountID, Type: r.Type})
	}
	return out
}

// lookupResources are the resources LookupEvents lists, without repeats.
func (c *call) lookupResources() []Resource {
	var out []Resource
	for _, r := range c.refs {
		res := Resource{ResourceType: r.Type, ResourceName: r.Name}
		if !containsResource(out, res) {
			out = append(out, res)
		}
	}
	return out
}

func containsResource(list []Resource, r Resource) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}
