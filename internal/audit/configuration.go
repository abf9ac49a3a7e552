package audit

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/store"
)

// recordedTypes are the resource types whose configuration an event
// carries: the sandbox's.
var recordedTypes = map[string]bool{
	"AWS::S3::Bucket": true, "AWS::EC2::SecurityGroup": true, "AWS::EC2::Instance": true,
	"AWS::EC2::Volume": true, "AWS::EC2::VPC": true, "AWS::EC2::Subnet": true, "AWS::EC2::FlowLog": true,
	"AWS::IAM::Role": true, "AWS::IAM::User": true, "AWS::IAM::Policy": true,
	"AWS::CloudTrail::Trail": true, "AWS::SNS::Topic": true,
}

// maxNameMatches bounds the resources one name may resolve to.
const maxNameMatches = 10

// resolve finds where the recorder keeps each resource of the call: a
// bucket's owner and region, and the ids of resources named by name.
func (s *Service) resolve(ctx context.Context, c *call) error {
	var out []ref
	for _, r := range c.refs {
		if r.Type == "AWS::S3::Bucket" && s.p.BucketScope != nil {
			if scope, ok := s.p.BucketScope(ctx, r.ID); ok {
				r.Scope = scope
			}
		}
		if r.byName == "" || s.p.Recorder == nil || !recordedTypes[r.Type] {
			out = append(out, r)
			continue
		}
		ids, err := s.idsByName(ctx, r)
		if err != nil {
			return err
		}
		out = append(out, named(r, ids)...)
	}
	c.refs = out
	return nil
}

// idsByName returns the recorder's ids of the resources of r's type named
// r.byName, deleted ones included (a call may have deleted it).
func (s *Service) idsByName(ctx context.Context, r ref) ([]string, error) {
	page, err := s.p.Recorder.ListDiscovered(ctx, r.Scope, recorder.ListParams{ResourceType: r.Type,
		ResourceName: r.byName, IncludeDeleted: true, Limit: maxNameMatches})
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(page.Resources))
	for i, res := range page.Resources {
		ids[i] = res.ResourceID
	}
	return ids, nil
}

// named returns r once per id found (EC2 resources then go by their id,
// as CloudTrail names them), or r unresolved when none was.
func named(r ref, ids []string) []ref {
	if len(ids) == 0 {
		return []ref{r}
	}
	out := make([]ref, len(ids))
	for i, id := range ids {
		out[i] = r
		out[i].ID = id
		if strings.HasPrefix(r.Type, "AWS::EC2::") {
			out[i].Name = id
		}
	}
	return out
}

// changes returns the configuration the call changed: for each resource
// of the caller's account, the item the recorder captured since the call
// began (after) and the one before it. A failed call changed nothing.
func (s *Service) changes(tx store.Tx, c *call) ([]Change, error) {
	if s.p.Recorder == nil || c.rec.ErrorCode != "" {
		return nil, nil
	}
	var out []Change
	for _, r := range c.refs {
		if r.ID == "" || !recordedTypes[r.Type] || r.Scope.AccountID != c.scope.AccountID || containsChange(out, r) {
			continue
		}
		items, err := s.p.Recorder.History(tx, r.Scope, r.Type, r.ID, 2)
		if err != nil {
			return nil, err
		}
		if len(items) == 0 || items[0].CaptureTime.Before(c.start) || !s.attribute(r, &items[0]) {
			continue
		}
		ch := Change{ResourceType: r.Type, ResourceID: r.ID, ResourceName: items[0].ResourceName, After: &items[0]}
		if len(items) > 1 {
			ch.Before = &items[1]
		}
		out = append(out, ch)
	}
	return out, nil
}

func containsChange(list []Change, r ref) bool {
	for _, ch := range list {
		if ch.ResourceType == r.Type && ch.ResourceID == r.ID {
			return true
		}
	}
	return false
}

// attribute takes it as the item a call recorded, unless an earlier event
// already took it; it reports whether it did.
func (s *Service) attribute(r ref, it *configitem.Item) bool {
	key := r.Scope.Bucket(r.Type) + "/" + r.ID
	mark := itemMark(it)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.attributed[key] == mark {
		return false
	}
	s.attributed[key] = mark
	return true
}

// itemMark identifies an item: its capture time and content.
func itemMark(it *configitem.Item) string {
	b, _ := json.Marshal(it)
	sum := md5.Sum(b)
	return it.CaptureTime.Format(time.RFC3339Nano) + "/" + hex.EncodeToString(sum[:])
}
