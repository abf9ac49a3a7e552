package recorder_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
	"github.com/salvehq/salve/internal/tenant"
)

var (
	start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	acct  = tenant.Scope{AccountID: "111111111111", Region: "us-east-1"}
	other = tenant.Scope{AccountID: "222222222222", Region: "eu-west-1"}
)

type bundle struct {
	svc   *recorder.Service
	store store.Store
	clock *clock.Fake
}

func setup(t *testing.T) *bundle {
	t.Helper()
	st, err := sqlite.Open(context.Background(), sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	fake := clock.NewFake(start)
	return &bundle{svc: recorder.New(recorder.Params{Store: st, Clock: fake}), store: st, clock: fake}
}

// bucket is an S3 bucket item as the S3 sandbox reports it.
func bucket(name, versioning string) *configitem.Item {
	return &configitem.Item{
		ResourceType: "AWS::S3::Bucket", ResourceID: name, ResourceName: name, ARN: "arn:aws:s3:::" + name,
		AvailabilityZone: "Regional", Status: configitem.StatusOK, ResourceCreationTime: start,
		Configuration: map[string]any{"name": name, "size": 3},
		SupplementaryConfiguration: map[string]any{
			"BucketVersioningConfiguration": map[string]any{"status": versioning},
		},
		Tags: map[string]string{"env": "test"},
	}
}

// record reports item in its own transaction, as a sandbox service does.
func (b *bundle) record(t *testing.T, scope tenant.Scope, item *configitem.Item) {
	t.Helper()
	item.CaptureTime = b.clock.Now()
	require.NoError(t, b.store.Update(context.Background(), func(tx store.Tx) error {
		return b.svc.Record(tx, scope, item)
	}))
	b.svc.Changed()
}

func (b *bundle) view(t *testing.T, fn func(tx store.Tx) error) {
	t.Helper()
	require.NoError(t, b.store.View(context.Background(), fn))
}

func (b *bundle) current(t *testing.T, scope tenant.Scope, typ, id string) *configitem.Item {
	t.Helper()
	var it *configitem.Item
	b.view(t, func(tx store.Tx) (err error) {
		it, err = b.svc.CurrentItem(tx, scope, typ, id)
		return err
	})
	return it
}

func (b *bundle) changes(t *testing.T) []recorder.Change {
	t.Helper()
	var out []recorder.Change
	b.view(t, func(tx store.Tx) (err error) {
		out, err = b.svc.ScanChanges(tx, 0)
		return err
	})
	return out
}

func statuses(items []configitem.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Status)
	}
	return out
}

func TestService_Record_CurrentHistoryAndQueue(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.record(t, acct, bucket("logs", "Off"))
	b.clock.Advance(time.Minute)
	b.record(t, acct, bucket("logs", "Enabled"))
	b.clock.Advance(time.Minute)
	b.record(t, acct, bucket("logs", "Enabled")) // says nothing new
	b.clock.Advance(time.Minute)
	b.record(t, acct, &configitem.Item{ResourceType: "AWS::S3::Bucket", ResourceID: "logs", Status: configitem.StatusResourceDeleted})

	cur := b.current(t, acct, "AWS::S3::Bucket", "logs")
	require.NotNil(t, cur)
	require.Equal(t, configitem.StatusResourceDeleted, cur.Status)
	require.Nil(t, cur.Configuration, "a deletion carries no configuration")
	require.Equal(t, "logs", cur.ResourceName, "a deletion keeps the resource's identity")
	require.Equal(t, "arn:aws:s3:::logs", cur.ARN)
	require.True(t, start.Add(3*time.Minute).Equal(cur.CaptureTime))

	var hist []configitem.Item
	var live []configitem.Item
	b.view(t, func(tx store.Tx) (err error) {
		if hist, err = b.svc.History(tx, acct, "AWS::S3::Bucket", "logs", 0); err != nil {
			return err
		}
		live, err = b.svc.CurrentItems(tx, acct, "AWS::S3::Bucket")
		return err
	})
	require.Equal(t, []string{configitem.StatusResourceDeleted, configitem.StatusOK, configitem.StatusResourceDiscovered}, statuses(hist))
	require.Equal(t, "Enabled", hist[1].SupplementaryConfiguration["BucketVersioningConfiguration"].(map[string]any)["status"])
	require.Equal(t, float64(3), hist[2].Configuration["size"], "numbers read back as float64")
	require.Empty(t, live)

	changes := b.changes(t)
	require.Len(t, changes, 3, "the unchanged item is not queued")
	for i, c := range changes {
		require.Equal(t, acct, c.Scope)
		require.Equal(t, "logs", c.ResourceID)
		require.Equal(t, i == 2, c.Deleted)
		if i > 0 {
			require.Less(t, changes[i-1].Key, c.Key, "keys are in queue order")
		}
	}
	require.NoError(t, b.store.Update(context.Background(), func(tx store.Tx) error {
		return b.svc.DeleteChange(tx, changes[0].Key)
	}))
	require.Len(t, b.changes(t), 2)
}

func TestService_Record_Rediscovery(t *testing.T) {
	t.Parallel()
	b := setup(t)
	// A deletion of a resource the recorder never saw is dropped.
	b.record(t, acct, &configitem.Item{ResourceType: "AWS::S3::Bucket", ResourceID: "ghost", Status: configitem.StatusResourceDeleted})
	require.Nil(t, b.current(t, acct, "AWS::S3::Bucket", "ghost"))

	b.record(t, acct, bucket("b", "Off"))
	b.record(t, acct, &configitem.Item{ResourceType: "AWS::S3::Bucket", ResourceID: "b", Status: configitem.StatusResourceDeleted})
	b.record(t, acct, &configitem.Item{ResourceType: "AWS::S3::Bucket", ResourceID: "b", Status: configitem.StatusResourceDeleted})
	b.record(t, acct, bucket("b", "Off"))
	var hist []configitem.Item
	b.view(t, func(tx store.Tx) (err error) {
		hist, err = b.svc.History(tx, acct, "AWS::S3::Bucket", "b", 0)
		return err
	})
	require.Equal(t, []string{configitem.StatusResourceDiscovered, configitem.StatusResourceDeleted, configitem.StatusResourceDiscovered},
		statuses(hist), "a re-created resource is discovered again; a second deletion is dropped")
}

func TestService_Record_StoppedRecorderDropsItems(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	require.NoError(t, b.svc.StopRecorder(ctx, acct, recorder.DefaultName))
	b.record(t, acct, bucket("quiet", "Off"))
	require.Nil(t, b.current(t, acct, "AWS::S3::Bucket", "quiet"))
	require.Empty(t, b.changes(t))

	require.NoError(t, b.svc.StartRecorder(ctx, acct, recorder.DefaultName), "the implicit recorder needs no delivery channel")
	b.record(t, acct, bucket("quiet", "Off"))
	require.Equal(t, configitem.StatusResourceDiscovered, b.current(t, acct, "AWS::S3::Bucket", "quiet").Status)

	require.NoError(t, b.svc.DeleteRecorder(ctx, acct, recorder.DefaultName))
	b.record(t, acct, bucket("quiet", "Enabled"))
	require.Equal(t, configitem.StatusResourceDiscovered, b.current(t, acct, "AWS::S3::Bucket", "quiet").Status,
		"nothing is recorded without a recorder")
}

func TestService_Record_RecordingGroup(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	require.NoError(t, b.svc.PutRecorder(ctx, acct, recorder.PutRecorderParams{
		Name: "mine", RoleARN: "arn:aws:iam::111111111111:role/config",
		Group: &recorder.RecordingGroup{ResourceTypes: []string{"AWS::EC2::SecurityGroup"}},
	}))
	b.record(t, acct, bucket("early", "Off"))
	require.Nil(t, b.current(t, acct, "AWS::S3::Bucket", "early"), "a put recorder is stopped until started")

	err := b.svc.StartRecorder(ctx, acct, "mine")
	require.True(t, awserr.Is(err, recorder.CodeNoAvailableDeliveryChannel), "got %v", err)
	require.NoError(t, b.svc.PutDeliveryChannel(ctx, acct, recorder.DeliveryChannel{Name: "default", S3BucketName: "config-bucket"}))
	require.NoError(t, b.svc.StartRecorder(ctx, acct, "mine"))

	b.record(t, acct, bucket("late", "Off"))
	b.record(t, acct, &configitem.Item{ResourceType: "AWS::EC2::SecurityGroup", ResourceID: "sg-1", Status: configitem.StatusOK})
	b.record(t, acct, &configitem.Item{ResourceType: "Acme::Widget::Thing", ResourceID: "w-1", Status: configitem.StatusOK})
	require.Nil(t, b.current(t, acct, "AWS::S3::Bucket", "late"), "a type outside the group is not recorded")
	require.NotNil(t, b.current(t, acct, "AWS::EC2::SecurityGroup", "sg-1"))
	require.NotNil(t, b.current(t, acct, "Acme::Widget::Thing", "w-1"), "custom types are always recorded")
}

func TestService_Record_Tenancy(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.record(t, acct, bucket("shared-name", "Off"))
	b.record(t, other, bucket("shared-name", "Enabled"))
	b.record(t, other, bucket("shared-name", "Suspended"))

	var mine, theirs []configitem.Item
	b.view(t, func(tx store.Tx) (err error) {
		if mine, err = b.svc.History(tx, acct, "AWS::S3::Bucket", "shared-name", 0); err != nil {
			return err
		}
		theirs, err = b.svc.History(tx, other, "AWS::S3::Bucket", "shared-name", 1)
		return err
	})
	require.Len(t, mine, 1)
	require.Len(t, theirs, 1, "the limit caps the history")
	require.Equal(t, "Suspended", theirs[0].SupplementaryConfiguration["BucketVersioningConfiguration"].(map[string]any)["status"])
	require.Equal(t, configitem.StatusOK, theirs[0].Status)

	scopes := []tenant.Scope{}
	for _, c := range b.changes(t) {
		scopes = append(scopes, c.Scope)
	}
	require.Equal(t, []tenant.Scope{acct, other, other}, scopes, "one global queue, in recording order")

	require.NoError(t, b.svc.StopRecorder(context.Background(), other, recorder.DefaultName))
	b.record(t, acct, bucket("after-stop", "Off"))
	require.NotNil(t, b.current(t, acct, "AWS::S3::Bucket", "after-stop"), "stopping one scope's recorder leaves the others")
}

func TestService_Record_RejectsItemsWithoutIdentity(t *testing.T) {
	t.Parallel()
	b := setup(t)
	err := b.store.Update(context.Background(), func(tx store.Tx) error {
		return b.svc.Record(tx, acct, &configitem.Item{ResourceType: "AWS::S3::Bucket"})
	})
	require.ErrorContains(t, err, "resource type and id are required")
}

func TestService_Changed_RunsHooks(t *testing.T) {
	t.Parallel()
	b := setup(t)
	calls := 0
	b.svc.OnChange(func() { calls++ })
	b.svc.OnChange(func() { calls += 10 })
	b.svc.Changed()
	require.Equal(t, 11, calls)

	require.NoError(t, b.svc.PutResourceConfig(context.Background(), acct, recorder.PutResourceParams{
		ResourceType: "Acme::Widget::Thing", ResourceID: "w", Configuration: map[string]any{"a": 1}}))
	require.Equal(t, 22, calls, "PutResourceConfig wakes the evaluator after its commit")
	require.NoError(t, b.svc.PutResourceConfig(context.Background(), acct, recorder.PutResourceParams{
		ResourceType: "Acme::Widget::Thing", ResourceID: "w", Configuration: map[string]any{"a": 1}}))
	require.Equal(t, 22, calls, "an unchanged configuration wakes nothing")
}

func TestService_Record_CaptureTimesNeverGoBack(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.record(t, acct, bucket("b", "Off"))
	b.clock.Set(start.Add(-time.Hour))
	b.record(t, acct, bucket("b", "Enabled"))
	require.True(t, start.Equal(b.current(t, acct, "AWS::S3::Bucket", "b").CaptureTime))
}

func TestErrors_EveryCodeIsAClientError(t *testing.T) {
	t.Parallel()
	for _, code := range recorder.Codes {
		e := recorder.Error(code, "x")
		require.Equal(t, code, e.Code)
		require.Equal(t, 400, e.HTTPStatus(), code)
	}
}
