package ec2

import (
	"context"
	"time"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// TerminatedVisibleFor is how long a terminated instance stays listed.
const TerminatedVisibleFor = time.Hour

// StateChange is one instance's transition as Start, Stop and Terminate
// answer it. Transitions complete at once: Current is the transitional
// state AWS would answer (stopping, pending, shutting-down) while the
// instance is already stopped, running or terminated.
type StateChange struct {
	InstanceID string
	Previous   string
	Current    string
}

// instance loads an instance; one terminated more than an hour ago is
// gone, as on AWS.
func (t *txn) instance(id string) (*Instance, error) {
	in, err := get[Instance](t, kindInstance, id)
	if err == nil && !in.visible(t.now) {
		return nil, kindInstance.missing(id)
	}
	return in, err
}

// visible reports whether the instance is still listed at now.
func (in *Instance) visible(now time.Time) bool {
	return in.State != StateTerminated || now.Sub(in.TerminatedAt) < TerminatedVisibleFor
}

// changeStates loads every instance first (one unknown id fails the whole
// call) and applies fn to each.
func (s *Service) changeStates(ctx context.Context, scope tenant.Scope, ids []string,
	fn func(*txn, *Instance) (StateChange, error)) ([]StateChange, error) {
	var out []StateChange
	err := s.update(ctx, scope, func(t *txn) error {
		var instances []*Instance
		for _, id := range dedupe(ids) {
			in, err := t.instance(id)
			if err != nil {
				return err
			}
			instances = append(instances, in)
		}
		for _, in := range instances {
			c, err := fn(t, in)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	return out, err
}

// StartInstances starts stopped instances.
func (s *Service) StartInstances(ctx context.Context, scope tenant.Scope, ids []string) ([]StateChange, error) {
	return s.changeStates(ctx, scope, ids, func(t *txn, in *Instance) (StateChange, error) {
		c := StateChange{InstanceID: in.ID, Previous: in.State, Current: in.State}
		switch in.State {
		case StateRunning:
			return c, nil
		case StateTerminated:
			return c, Error(CodeIncorrectInstanceState, "The instance '%s' is not in a state from which it can be started.", in.ID)
		}
		c.Current = StatePending
		in.State, in.StateTransitionReason, in.StateReasonCode, in.StateReasonMessage = StateRunning, "", "", ""
		if in.PublicIPOnStart {
			in.PublicIP = newPublicIP()
		}
		return c, t.putInstance(in, configitem.StatusOK)
	})
}

// StopInstances stops running instances.
func (s *Service) StopInstances(ctx context.Context, scope tenant.Scope, ids []string) ([]StateChange, error) {
	return s.changeStates(ctx, scope, ids, func(t *txn, in *Instance) (StateChange, error) {
		c := StateChange{InstanceID: in.ID, Previous: in.State, Current: in.State}
		switch in.State {
		case StateStopped:
			return c, nil
		case StateTerminated:
			return c, Error(CodeIncorrectInstanceState, "This instance '%s' is not in a state from which it can be stopped.", in.ID)
		}
		c.Current = StateStopping
		in.State = StateStopped
		in.userShutdown(t.now)
		in.PublicIPOnStart, in.PublicIP = in.PublicIP != "", ""
		return c, t.putInstance(in, configitem.StatusOK)
	})
}

// TerminateInstances terminates instances: volumes marked
// DeleteOnTermination are deleted, the others detached.
func (s *Service) TerminateInstances(ctx context.Context, scope tenant.Scope, ids []string) ([]StateChange, error) {
	return s.changeStates(ctx, scope, ids, func(t *txn, in *Instance) (StateChange, error) {
		c := StateChange{InstanceID: in.ID, Previous: in.State, Current: StateShuttingDown}
		if in.State == StateTerminated {
			c.Current = StateTerminated
			return c, nil
		}
		if err := t.releaseVolumes(in); err != nil {
			return c, err
		}
		if err := t.releaseAddress(in); err != nil {
			return c, err
		}
		in.State, in.TerminatedAt, in.PublicIP, in.BlockDevices = StateTerminated, t.now, "", nil
		in.userShutdown(t.now)
		if err := put(t, kindInstance, in.ID, in); err != nil {
			return c, err
		}
		if err := t.deleteFlowLogsOf(in.NetworkInterfaceID); err != nil {
			return c, err
		}
		return c, t.recordDeleted(kindInstance, in.ID, "", in.AvailabilityZone, in.LaunchTime)
	})
}

// userShutdown records a stop or termination the user asked for, in
// EC2's words ("User initiated (2026-11-01 12:00:00 GMT)", which rules
// such as EC2_STOPPED_INSTANCE read).
func (in *Instance) userShutdown(now time.Time) {
	in.StateTransitionReason = "User initiated (" + now.UTC().Format(time.DateTime) + " GMT)"
	in.StateReasonCode = "Client.UserInitiatedShutdown"
	in.StateReasonMessage = "Client.UserInitiatedShutdown: User initiated shutdown"
}

// releaseVolumes deletes or detaches a terminating instance's volumes.
func (t *txn) releaseVolumes(in *Instance) error {
	for _, bd := range in.BlockDevices {
		v, err := get[Volume](t, kindVolume, bd.VolumeID)
		if err != nil {
			return err
		}
		if bd.DeleteOnTermination {
			if err := remove(t, kindVolume, v.ID); err != nil {
				return err
			}
			if err := t.recordDeleted(kindVolume, v.ID, "", v.AvailabilityZone, v.Created); err != nil {
				return err
			}
			continue
		}
		v.State, v.Attachment = "available", nil
		if err := t.putVolume(v, configitem.StatusOK); err != nil {
			return err
		}
	}
	return nil
}

// releaseAddress gives the instance's private address back to its subnet.
func (t *txn) releaseAddress(in *Instance) error {
	// A subnet outlives its running instances (DeleteSubnet refuses).
	sn, err := get[Subnet](t, kindSubnet, in.SubnetID)
	if err != nil {
		return err
	}
	sn.InUse--
	return put(t, kindSubnet, sn.ID, sn)
}

// putInstance stores an instance and records its item with status.
func (t *txn) putInstance(in *Instance, status string) error {
	if err := put(t, kindInstance, in.ID, in); err != nil {
		return err
	}
	return t.recordItem(in.item(t), status)
}
