package events

import (
	"context"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// CreateBusParams are the members of a CreateEventBus call.
type CreateBusParams struct {
	Name        string
	Description string
	Tags        []Tag
}

// CreateEventBus creates a custom event bus.
func (s *Service) CreateEventBus(ctx context.Context, scope tenant.Scope, p CreateBusParams) (*Bus, error) {
	if err := checkBusName(p.Name); err != nil {
		return nil, err
	}
	var b *Bus
	err := s.update(ctx, scope, func(t *txn) error {
		if _, err := t.bus(p.Name); !isNotFound(err) {
			if err != nil {
				return err
			}
			return Err(CodeResourceAlreadyExists, "Event bus %s already exists.", p.Name)
		}
		n, err := t.tx.Count(store.ScanParams{Bucket: t.scope.Bucket(kindBus), Limit: s.p.MaxBuses})
		if err != nil {
			return err
		}
		if n >= s.p.MaxBuses {
			return limitExceeded()
		}
		b = &Bus{Name: p.Name, ARN: busARN(t.scope, p.Name), Description: p.Description, Tags: p.Tags,
			CreatedAt: t.now, UpdatedAt: t.now}
		if err := store.PutRecord(t.tx, t.scope.Bucket(kindBus), store.Key(b.Name), b); err != nil {
			return err
		}
		return t.recordBus(b, configitem.StatusResourceDiscovered)
	})
	return b, err
}

// checkBusName refuses the names a custom bus cannot have.
func checkBusName(name string) error {
	switch {
	case name == DefaultBus:
		return Err(CodeResourceAlreadyExists, "Event bus default already exists.")
	case strings.HasPrefix(name, "aws."):
		return validation("Event bus names starting with aws. are reserved for partner event buses, which Salve does not have.")
	case strings.Contains(name, "/"):
		return validation("Event bus name %s must not contain '/' (only partner event bus names do).", name)
	}
	return nil
}

// DescribeEventBus returns a bus by name or ARN ("" is the default bus,
// which has no description and no times).
func (s *Service) DescribeEventBus(ctx context.Context, scope tenant.Scope, nameOrARN string) (*Bus, error) {
	var b *Bus
	err := s.view(ctx, scope, func(t *txn) error {
		name, err := t.busName(nameOrARN)
		if err != nil {
			return err
		}
		if name == DefaultBus {
			b = &Bus{Name: DefaultBus, ARN: busARN(scope, DefaultBus)}
			return nil
		}
		b, err = t.bus(name)
		return err
	})
	return b, err
}

// DeleteEventBus deletes a custom bus; one that does not exist is no
// error. The default bus cannot be deleted, nor a bus that has rules.
func (s *Service) DeleteEventBus(ctx context.Context, scope tenant.Scope, name string) error {
	if name == DefaultBus {
		return validation("Cannot delete event bus default.")
	}
	return s.update(ctx, scope, func(t *txn) error {
		b, err := t.bus(name)
		if isNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		if n, err := t.countRules(name, 1); err != nil || n > 0 {
			if err != nil {
				return err
			}
			return validation("Event bus %s still has rules; delete them before the bus.", name)
		}
		if _, err := t.tx.Delete(t.scope.Bucket(kindBus), store.Key(name)); err != nil {
			return err
		}
		return t.recordBus(b, configitem.StatusResourceDeleted)
	})
}

// BusPage is one page of ListEventBuses.
type BusPage struct {
	Buses     []Bus
	NextToken string
}

// ListEventBuses lists the default bus and the custom ones by name.
func (s *Service) ListEventBuses(ctx context.Context, scope tenant.Scope, p ListParams) (*BusPage, error) {
	page := &BusPage{}
	err := s.view(ctx, scope, func(t *txn) error {
		list := "events-buses/" + p.NamePrefix
		after, err := decodeToken(list, p.NextToken)
		if err != nil {
			return err
		}
		buses, err := scanRecords[Bus](t.tx, store.ScanParams{Bucket: t.scope.Bucket(kindBus)})
		if err != nil {
			return err
		}
		buses = append(buses, Bus{Name: DefaultBus, ARN: busARN(scope, DefaultBus)})
		buses = slices.DeleteFunc(buses, func(b Bus) bool { return !strings.HasPrefix(b.Name, p.NamePrefix) || b.Name <= after })
		slices.SortFunc(buses, func(a, b Bus) int { return strings.Compare(a.Name, b.Name) })
		page.Buses, page.NextToken = cutPage(buses, p.limit(), list, func(b Bus) string { return b.Name })
		return nil
	})
	return page, err
}
