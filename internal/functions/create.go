package functions

import (
	"context"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// CreateParams describe a new function (Lambda's CreateFunction).
type CreateParams struct {
	// Name is a name, a partial ARN or an ARN (of scope).
	Name                                string
	Runtime, Role, Handler, Description string
	// Timeout (seconds) and MemorySize (MB); 0 means the default.
	Timeout, MemorySize int
	Environment         map[string]string
	Tags                map[string]string
	Code                CodeSource
	// PackageType is "" or Zip (Image is refused).
	PackageType string
	// Architectures is empty (x86_64), ["x86_64"] or ["arm64"].
	Architectures []string
	// EphemeralStorage is /tmp's size in MB; 0 means 512.
	EphemeralStorage int
}

// Create stores a new function and records its configuration item.
func (s *Service) Create(ctx context.Context, scope tenant.Scope, p CreateParams) (*Function, error) {
	name, err := createName(scope, p.Name)
	if err != nil {
		return nil, err
	}
	if err := checkCreate(p); err != nil {
		return nil, err
	}
	c, err := loadCode(p.Code)
	if err != nil {
		return nil, err
	}
	f := s.newFunction(scope, name, p, c)
	err = s.p.Store.Update(ctx, func(tx store.Tx) error {
		if ok, err := exists(tx, scope, name); err != nil || ok {
			if ok {
				return Errf(CodeResourceConflict, "Function already exist: %s", name)
			}
			return err
		}
		if err := putFunction(tx, scope, f, c); err != nil {
			return err
		}
		return s.record(tx, scope, f, configitem.StatusResourceDiscovered)
	})
	if err != nil {
		return nil, err
	}
	s.p.Sink.Changed()
	return f.clone(), nil
}

// createName is the name CreateFunction's FunctionName gives the function.
func createName(scope tenant.Scope, s string) (string, error) {
	ref, ok := ParseRef(s)
	if !ok || ref.Qualifier != "" || strings.Contains(ref.Name, ".") {
		return "", Errf(CodeValidation, "1 validation error detected: Value '%s' at 'functionName' failed to satisfy "+
			"constraint: Member must satisfy regular expression pattern: %s", s, NamePattern)
	}
	if err := ref.inScope(scope); err != nil {
		return "", err
	}
	if len(ref.Name) > MaxNameLength {
		return "", invalid("1 validation error detected: Value '%s' at 'functionName' failed to satisfy constraint: "+
			"Member must have length less than or equal to %d", ref.Name, MaxNameLength)
	}
	return ref.Name, nil
}

// checkCreate checks what Lambda checks of a new function's settings.
func checkCreate(p CreateParams) error {
	if p.PackageType == "Image" {
		return invalid("Salve runs .zip functions only: container images (PackageType Image) are not supported.")
	}
	if p.Runtime == "" || p.Handler == "" {
		return invalid("Runtime and Handler are mandatory parameters for functions created with deployment packages.")
	}
	if err := checkRuntime(p.Runtime); err != nil {
		return err
	}
	if err := checkLimits(p.Timeout, p.MemorySize); err != nil {
		return err
	}
	if err := checkEnvironment(p.Environment); err != nil {
		return err
	}
	return checkTags(p.Tags)
}

// newFunction is the function p describes, with Lambda's defaults.
func (s *Service) newFunction(scope tenant.Scope, name string, p CreateParams, c *code) *Function {
	f := &Function{Name: name, ARN: FunctionARN(scope, name), Runtime: p.Runtime, Role: p.Role,
		Handler: p.Handler, Description: p.Description, Timeout: p.Timeout, MemorySize: p.MemorySize,
		Environment: p.Environment, Tags: p.Tags, Architectures: slices.Clone(p.Architectures),
		EphemeralStorage: p.EphemeralStorage}
	if f.Timeout == 0 {
		f.Timeout = DefaultTimeout
	}
	if f.MemorySize == 0 {
		f.MemorySize = DefaultMemorySize
	}
	if len(f.Architectures) == 0 {
		f.Architectures = []string{"x86_64"}
	}
	if f.EphemeralStorage == 0 {
		f.EphemeralStorage = 512
	}
	setCode(f, c)
	s.touch(f)
	return f
}

// setCode points f at its new code.
func setCode(f *Function, c *code) {
	f.CodeSize, f.CodeSha256, f.CodeDir = c.size, c.sha, c.dir
}

// touch marks f changed now, under a new revision.
func (s *Service) touch(f *Function) {
	f.LastModified = s.p.Clock.Now().UTC()
	f.RevisionID = uuid.NewString()
}
