package recorder

import (
	"context"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// reservedRecorderPrefix starts the names of service-linked recorders.
const reservedRecorderPrefix = "AWSConfigurationRecorderFor"

// PutRecorderParams are the settings of PutConfigurationRecorder.
type PutRecorderParams struct {
	Name    string
	RoleARN string
	// Group nil means every supported type except the global IAM types.
	Group *RecordingGroup
	// Mode nil means CONTINUOUS.
	Mode *RecordingMode
	// Tags are kept from the first put only, as AWS does.
	Tags []Tag
}

// PutRecorder creates the scope's recorder or updates its role, group and
// mode. The first put replaces Salve's implicit recorder, whatever its
// name; a new recorder is not recording until StartRecorder.
func (s *Service) PutRecorder(ctx context.Context, scope tenant.Scope, p PutRecorderParams) error {
	if err := p.check(); err != nil {
		return err
	}
	now := s.clock.Now()
	return s.store.Update(ctx, func(tx store.Tx) error {
		cur, err := loadRecorder(tx, scope)
		if err != nil {
			return err
		}
		if cur != nil && !cur.Implicit && cur.Name != p.Name {
			return Error(CodeMaxNumberOfConfigurationRecorders,
				"Failed to put configuration recorder '%s' because the maximum number of configuration recorders: 1 is reached.", p.Name)
		}
		if cur == nil || cur.Implicit {
			cur = &Recorder{Name: p.Name, ARN: recorderARN(scope, p.Name, strconv.FormatInt(now.UnixNano(), 10)), Tags: p.Tags}
		}
		cur.RoleARN, cur.Group, cur.Mode = p.RoleARN, *p.Group, *p.Mode
		return saveRecorder(tx, scope, cur)
	})
}

// check applies AWS's rules to the settings and fills in their defaults.
func (p *PutRecorderParams) check() error {
	if strings.TrimSpace(p.Name) == "" || strings.HasPrefix(p.Name, reservedRecorderPrefix) {
		return Error(CodeInvalidConfigurationRecorderName,
			"The configuration recorder name '%s' is not valid: it is blank or starts with the reserved prefix %s.", p.Name, reservedRecorderPrefix)
	}
	if strings.TrimSpace(p.RoleARN) == "" {
		return Error(CodeInvalidRole, "The role ARN of the configuration recorder is null or empty: give the ARN of the IAM role AWS Config assumes.")
	}
	if p.Group == nil {
		g := defaultGroup()
		p.Group = &g
	}
	if p.Mode == nil {
		p.Mode = &RecordingMode{Frequency: FrequencyContinuous}
	}
	return p.Group.settle()
}

// DescribeRecordersParams select recorders.
type DescribeRecordersParams struct {
	// Names, when given, must each name the scope's recorder.
	Names []string
	// ARN, when given, must be the scope's recorder's.
	ARN string
	// ServicePrincipal selects service-linked recorders, which Salve does
	// not have.
	ServicePrincipal string
}

// DescribeRecorders returns the scope's recorder (none after it was
// deleted), with its status.
func (s *Service) DescribeRecorders(ctx context.Context, scope tenant.Scope, p DescribeRecordersParams) ([]Recorder, error) {
	var cur *Recorder
	err := s.store.View(ctx, func(tx store.Tx) error {
		var err error
		cur, err = loadRecorder(tx, scope)
		return err
	})
	if err != nil || p.ServicePrincipal != "" {
		return nil, err
	}
	for _, name := range p.Names {
		if cur == nil || name != cur.Name {
			return nil, noSuchRecorder(name)
		}
	}
	if p.ARN != "" && (cur == nil || cur.ARN != p.ARN) {
		return nil, noSuchRecorder(p.ARN)
	}
	if cur == nil {
		return nil, nil
	}
	return []Recorder{*cur}, nil
}

// StartRecorder starts recording. A recorder the user put needs a delivery
// channel first, as in AWS; Salve's implicit one does not.
func (s *Service) StartRecorder(ctx context.Context, scope tenant.Scope, name string) error {
	now := s.clock.Now()
	return s.updateRecorder(ctx, scope, name, func(tx store.Tx, r *Recorder) error {
		if r.Recording {
			return nil
		}
		if !r.Implicit {
			n, err := tx.Count(store.ScanParams{Bucket: scope.Bucket(kindChannel), Limit: 1})
			if err != nil {
				return err
			}
			if n == 0 {
				return Error(CodeNoAvailableDeliveryChannel,
					"Delivery channel is not available to start configuration recorder: put one with PutDeliveryChannel first.")
			}
		}
		r.Recording, r.LastStatus, r.LastStartTime, r.LastStatusChangeTime = true, StatusSuccess, now, now
		return saveRecorder(tx, scope, r)
	})
}

// StopRecorder stops recording: changes are not recorded until it starts
// again.
func (s *Service) StopRecorder(ctx context.Context, scope tenant.Scope, name string) error {
	now := s.clock.Now()
	return s.updateRecorder(ctx, scope, name, func(tx store.Tx, r *Recorder) error {
		if !r.Recording {
			return nil
		}
		r.Recording, r.LastStopTime, r.LastStatusChangeTime = false, now, now
		return saveRecorder(tx, scope, r)
	})
}

// DeleteRecorder deletes the recorder; the recorded items stay readable.
func (s *Service) DeleteRecorder(ctx context.Context, scope tenant.Scope, name string) error {
	return s.updateRecorder(ctx, scope, name, func(tx store.Tx, _ *Recorder) error {
		return saveRecorder(tx, scope, nil)
	})
}

// updateRecorder runs fn on the scope's recorder, which must be named name.
func (s *Service) updateRecorder(ctx context.Context, scope tenant.Scope, name string, fn func(store.Tx, *Recorder) error) error {
	return s.store.Update(ctx, func(tx store.Tx) error {
		r, err := loadRecorder(tx, scope)
		if err != nil {
			return err
		}
		if r == nil || r.Name != name {
			return noSuchRecorder(name)
		}
		return fn(tx, r)
	})
}

// Recording reports whether the scope's recorder is recording.
func (s *Service) Recording(tx store.Tx, scope tenant.Scope) (bool, error) {
	r, err := loadRecorder(tx, scope)
	return r != nil && r.Recording, err
}
