package audit_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/audit"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/memstore"
	"github.com/salvehq/salve/internal/tenant"
)

var (
	start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	scope = tenant.Scope{AccountID: "111122223333", Region: "us-east-1"}
)

// fixture is an audit trail over a memory store, with the Config recorder
// it reads, under a clock that stands still unless advanced.
type fixture struct {
	st    store.Store
	clock *clock.Fake
	rec   *recorder.Service
	audit *audit.Service
}

func setup(t *testing.T, namers map[string]audit.RESTNamer) *fixture {
	t.Helper()
	f := &fixture{st: memstore.New(), clock: clock.NewFake(start)}
	f.rec = recorder.New(recorder.Params{Store: f.st, Clock: f.clock})
	f.audit = audit.New(audit.Params{Store: f.st, Clock: f.clock, Recorder: f.rec, RESTNamers: namers})
	return f
}

func caller() *awsproto.Caller {
	return &awsproto.Caller{AccountID: scope.AccountID, Region: scope.Region, AccessKeyID: "AKID",
		Principal: "arn:aws:iam::" + scope.AccountID + ":root", UserID: "AKID"}
}

// query is an observed Query call.
func query(service, action string, form url.Values) *awsproto.CallRecord {
	form.Set("Action", action)
	return &awsproto.CallRecord{Caller: caller(), Service: service, Operation: action, Method: "POST", Path: "/",
		Header: http.Header{}, Body: []byte(form.Encode()), Status: 200, RequestID: "req-" + action, Time: time.Now()}
}

// recordSG records a security group item, as the EC2 sandbox does when a
// call changes the group.
func (f *fixture) recordSG(t testing.TB, id string, rules int) {
	t.Helper()
	perms := make([]any, rules)
	for i := range perms {
		perms[i] = map[string]any{"ipProtocol": "tcp"}
	}
	err := f.st.Update(context.Background(), func(tx store.Tx) error {
		return f.rec.Record(tx, scope, &configitem.Item{ResourceType: "AWS::EC2::SecurityGroup", ResourceID: id,
			ResourceName: "web", Configuration: map[string]any{"groupId": id, "ipPermissions": perms}})
	})
	require.NoError(t, err)
}

// item decodes a configuration item of an event read back.
func item(t *testing.T, v any) *configitem.Item {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var it configitem.Item
	require.NoError(t, json.Unmarshal(b, &it))
	return &it
}

func (f *fixture) all(t *testing.T) []audit.Record {
	t.Helper()
	page, err := f.audit.Lookup(context.Background(), scope, audit.LookupParams{})
	require.NoError(t, err)
	return page.Records
}

func TestObserve_AttributesEachChangeOnce(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	ctx := context.Background()
	f.recordSG(t, "sg-1", 0)
	f.audit.Observe(ctx, query("ec2", "CreateSecurityGroup", url.Values{"GroupName": {"web"}}))
	f.recordSG(t, "sg-1", 1)
	f.audit.Observe(ctx, query("ec2", "AuthorizeSecurityGroupIngress", url.Values{"GroupId": {"sg-1"}}))
	// Nothing new recorded: under a clock that stands still the newest
	// item is "now" too, but it was the previous call's.
	f.audit.Observe(ctx, query("ec2", "AuthorizeSecurityGroupIngress", url.Values{"GroupId": {"sg-1"}}))

	got := f.all(t)
	require.Len(t, got, 3)
	require.Nil(t, got[0].Event.AdditionalEventData)
	after := item(t, got[1].Event.AdditionalEventData["configurationAfter"])
	before := item(t, got[1].Event.AdditionalEventData["configurationBefore"])
	require.Len(t, after.Configuration["ipPermissions"], 1)
	require.Empty(t, before.Configuration["ipPermissions"])
	created := got[2].Event.AdditionalEventData
	require.Nil(t, created["configurationBefore"])
	require.Equal(t, "sg-1", item(t, created["configurationAfter"]).ResourceID, "found by its group name")
	require.Equal(t, []audit.Resource{{ResourceType: "AWS::EC2::SecurityGroup", ResourceName: "sg-1"}}, got[2].Resources)
}

func TestObserve_OldItemsAreNotTheCallsChange(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	f.recordSG(t, "sg-1", 1)
	f.clock.Advance(time.Minute)
	f.audit.Observe(context.Background(), query("ec2", "ModifySecurityGroupRules", url.Values{"GroupId": {"sg-1"}}))
	got := f.all(t)
	require.Len(t, got, 1)
	require.Nil(t, got[0].Event.AdditionalEventData, "the group's item predates the call")
}

func TestObserve_WhatIsNotRecorded(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	ctx := context.Background()
	noCaller := query("ec2", "CreateVpc", url.Values{})
	noCaller.Caller = nil
	unknown := query("ec2", "Frobnicate", url.Values{})
	unknown.ErrorCode = "InvalidAction"
	object := &awsproto.CallRecord{Caller: caller(), Service: "s3", Method: "PUT", Path: "/b/key", Header: http.Header{}}
	multi := &awsproto.CallRecord{Caller: caller(), Service: "s3", Method: "POST", Path: "/b", Query: "delete", Header: http.Header{}}
	read := &awsproto.CallRecord{Caller: caller(), Service: "s3", Method: "GET", Path: "/b", Query: "encryption", Header: http.Header{}}
	otherRead := &awsproto.CallRecord{Caller: caller(), Service: "lambda", Method: "GET", Path: "/2015-03-31/functions", Header: http.Header{}}
	for _, rec := range []*awsproto.CallRecord{nil, noCaller, unknown, object, multi, read, otherRead,
		query("ec2", "DescribeInstances", url.Values{}), query("sts", "GetCallerIdentity", url.Values{})} {
		f.audit.Observe(ctx, rec)
	}
	require.Empty(t, f.all(t))
}

func TestObserve_RESTServicesOtherThanS3(t *testing.T) {
	t.Parallel()
	f := setup(t, map[string]audit.RESTNamer{"securityhub": func(method, path string, _ url.Values) string {
		if method == "PATCH" && path == "/findings/batchupdate" {
			return "BatchUpdateFindings"
		}
		return ""
	}})
	ctx := context.Background()
	rest := func(service, method, path, body string) *awsproto.CallRecord {
		return &awsproto.CallRecord{Caller: caller(), Service: service, Method: method, Path: path, Header: http.Header{},
			Body: []byte(body), Time: time.Now()}
	}
	f.audit.Observe(ctx, rest("securityhub", "PATCH", "/findings/batchupdate", `{"Note": {"Text": "fixed"}}`))
	f.audit.Observe(ctx, rest("securityhub", "POST", "/findings", `{}`))
	f.audit.Observe(ctx, rest("lambda", "POST", "/2015-03-31/functions", `{"FunctionName": "fix"}`))

	got := f.all(t)
	require.Len(t, got, 2, "the namer's \"\" is no operation")
	require.Equal(t, "POST /2015-03-31/functions", got[0].Event.EventName, "unnamed: method and path")
	require.Equal(t, "lambda.amazonaws.com", got[0].Event.EventSource)
	require.Equal(t, "BatchUpdateFindings", got[1].Event.EventName)
	require.Equal(t, "fixed", got[1].Event.RequestParameters.(map[string]any)["Note"].(map[string]any)["Text"])
}

func TestByAutomationExecution(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	ctx := context.Background()
	for i, op := range []string{"CreateTags", "StopInstances", "DeleteTags"} {
		rec := query("ec2", op, url.Values{"InstanceId.1": {"i-1"}})
		rec.Caller.Principal = "arn:aws:sts::" + scope.AccountID + ":assumed-role/Fix/Automation"
		rec.Caller.AutomationExecutionID = "exec-1"
		if i == 1 {
			rec.Caller.AutomationExecutionID = "exec-2"
		}
		f.audit.Observe(ctx, rec)
	}
	got, err := f.audit.ByAutomationExecution(ctx, scope, "exec-1")
	require.NoError(t, err)
	require.Len(t, got, 2)
	require.Equal(t, "CreateTags", got[0].Event.EventName, "oldest first: the order the runbook called")
	require.Equal(t, "DeleteTags", got[1].Event.EventName)
	require.Equal(t, "ssm.amazonaws.com", got[0].Event.SourceIPAddress)
	require.Equal(t, "Automation", got[0].Username)
	none, err := f.audit.ByAutomationExecution(ctx, tenant.Scope{AccountID: "999999999999", Region: "us-east-1"}, "exec-1")
	require.NoError(t, err)
	require.Empty(t, none, "another account's executions are not visible")
}
