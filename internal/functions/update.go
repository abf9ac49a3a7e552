package functions

import (
	"context"
	"maps"
	"slices"

	"github.com/salvehq/salve/internal/tenant"
)

// ConfigUpdate changes a function's settings (Lambda's
// UpdateFunctionConfiguration); nil members are left as they are.
type ConfigUpdate struct {
	Runtime, Role, Handler, Description   *string
	Timeout, MemorySize, EphemeralStorage *int
	// Environment, when not nil, replaces the variables (empty clears).
	Environment *map[string]string
	// RevisionID, when set, must be the function's current one.
	RevisionID string
}

// UpdateConfiguration changes a function's settings.
func (s *Service) UpdateConfiguration(ctx context.Context, scope tenant.Scope, ref string, u ConfigUpdate) (*Function, error) {
	name, err := resolve(scope, ref, "")
	if err != nil {
		return nil, err
	}
	if err := checkConfigUpdate(u); err != nil {
		return nil, err
	}
	return s.update(ctx, scope, name, u.RevisionID, func(f *Function) (*code, error) {
		applyConfig(f, u)
		if f.Handler == "" {
			return nil, invalid("Runtime and Handler are mandatory parameters for functions created with deployment packages.")
		}
		s.touch(f)
		return nil, nil
	})
}

// checkConfigUpdate checks the members an update sets.
func checkConfigUpdate(u ConfigUpdate) error {
	if u.Runtime != nil {
		if err := checkRuntime(*u.Runtime); err != nil {
			return err
		}
	}
	if err := checkLimits(deref(u.Timeout), deref(u.MemorySize)); err != nil {
		return err
	}
	if u.Environment != nil {
		return checkEnvironment(*u.Environment)
	}
	return nil
}

// applyConfig sets the members u sets.
func applyConfig(f *Function, u ConfigUpdate) {
	set(&f.Runtime, u.Runtime)
	set(&f.Role, u.Role)
	set(&f.Handler, u.Handler)
	set(&f.Description, u.Description)
	set(&f.Timeout, u.Timeout)
	set(&f.MemorySize, u.MemorySize)
	set(&f.EphemeralStorage, u.EphemeralStorage)
	if u.Environment != nil {
		f.Environment = maps.Clone(*u.Environment)
	}
}

// set stores *v in *dst when v is not nil.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// deref is *v, or the zero value for nil.
func deref[T any](v *T) T {
	var zero T
	if v == nil {
		return zero
	}
	return *v
}

// CodeUpdate replaces a function's code (Lambda's UpdateFunctionCode).
type CodeUpdate struct {
	Code CodeSource
	// Architectures, when set, replaces the function's.
	Architectures []string
	// DryRun checks the code and answers the function unchanged.
	DryRun bool
	// RevisionID, when set, must be the function's current one.
	RevisionID string
}

// UpdateCode replaces a function's code.
func (s *Service) UpdateCode(ctx context.Context, scope tenant.Scope, ref string, u CodeUpdate) (*Function, error) {
	name, err := resolve(scope, ref, "")
	if err != nil {
		return nil, err
	}
	c, err := loadCode(u.Code)
	if err != nil {
		return nil, err
	}
	if u.DryRun {
		return s.Get(ctx, scope, name, "")
	}
	return s.update(ctx, scope, name, u.RevisionID, func(f *Function) (*code, error) {
		setCode(f, c)
		if len(u.Architectures) > 0 {
			f.Architectures = slices.Clone(u.Architectures)
		}
		s.touch(f)
		return c, nil
	})
}

// Tag adds or replaces tags of the function arn names.
func (s *Service) Tag(ctx context.Context, scope tenant.Scope, arn string, tags map[string]string) error {
	name, err := resolve(scope, arn, "")
	if err != nil {
		return err
	}
	_, err = s.update(ctx, scope, name, "", func(f *Function) (*code, error) {
		merged := maps.Clone(f.Tags)
		if merged == nil {
			merged = map[string]string{}
		}
		maps.Copy(merged, tags)
		f.Tags = merged
		return nil, checkTags(merged)
	})
	return err
}

// Untag removes tags (by key) of the function arn names.
func (s *Service) Untag(ctx context.Context, scope tenant.Scope, arn string, keys []string) error {
	name, err := resolve(scope, arn, "")
	if err != nil {
		return err
	}
	_, err = s.update(ctx, scope, name, "", func(f *Function) (*code, error) {
		for _, k := range keys {
			delete(f.Tags, k)
		}
		return nil, nil
	})
	return err
}
