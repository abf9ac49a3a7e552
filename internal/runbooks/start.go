package runbooks

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/expr"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// StartParams are the inputs of Start.
type StartParams struct {
	Scope           tenant.Scope
	DocumentName    string
	DocumentVersion string
	// Parameters are as StartAutomationExecution takes them.
	Parameters map[string][]string
	// ClientToken makes the start idempotent ("" for none).
	ClientToken string
	// Mode is Auto or Interactive ("" means Auto).
	Mode string
	// ExecutedBy is the caller's ARN.
	ExecutedBy string
	// ParentID is set for child executions.
	ParentID string
	// TargetParameterName, Targets, TargetMaps, MaxConcurrency and
	// MaxErrors ask for a rate-controlled parent that starts one child
	// per target (see advanceParent).
	TargetParameterName string
	Targets             []Target
	TargetMaps          []map[string][]string
	MaxConcurrency      string
	MaxErrors           string
	// MultiAccount reports that the request named TargetLocations or
	// TargetLocationsURL, which Salve does not run.
	MultiAccount bool
}

// Start validates and stores a new execution and queues it; it returns
// the AutomationExecutionId. A repeated ClientToken with the same request
// returns the first execution's id.
func (s *Service) Start(ctx context.Context, p StartParams) (string, error) {
	if err := p.check(); err != nil {
		return "", err
	}
	var id string
	err := s.p.Store.Update(ctx, func(tx store.Tx) error {
		var err error
		id, err = s.start(tx, p)
		return err
	})
	if err != nil {
		return "", err
	}
	s.enqueue(p.Scope, id)
	for _, h := range s.onStarted {
		h(p.Scope, id)
	}
	return id, nil
}

// check refuses what Salve does not run and members that do not fit
// together.
func (p StartParams) check() error {
	if p.MultiAccount {
		return awserr.New(awserr.InvalidAutomationExecutionParameters, "Multi-account and multi-Region runs "+
			"(TargetLocations, TargetLocationsURL) are not supported by Salve yet; start one execution in each "+
			"account and Region instead.")
	}
	return p.checkRateControl()
}

// start runs inside the Update of Start.
func (s *Service) start(tx store.Tx, p StartParams) (string, error) {
	hash := p.hash()
	if id, found, err := checkToken(tx, p, hash); found || err != nil {
		return id, err
	}
	newX := s.newExecution
	if p.rateControlled() {
		newX = s.newParent
	}
	x, err := newX(tx, p)
	if err != nil {
		return "", err
	}
	if p.ClientToken != "" {
		err := store.PutRecord(tx, p.Scope.Bucket(kindToken), strings.ToLower(p.ClientToken),
			tokenEntry{ID: x.AutomationExecutionID, Hash: hash})
		if err != nil {
			return "", err
		}
	}
	return x.AutomationExecutionID, insertExecution(tx, x)
}

// checkToken finds an earlier start with p's ClientToken.
func checkToken(tx store.Tx, p StartParams, hash string) (string, bool, error) {
	if p.ClientToken == "" {
		return "", false, nil
	}
	var t tokenEntry
	err := store.GetRecord(tx, p.Scope.Bucket(kindToken), strings.ToLower(p.ClientToken), &t)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return "", false, nil
	case err != nil:
		return "", false, err
	case t.Hash != hash:
		return "", true, awserr.New(awserr.IdempotentParameterMismatch, "ClientToken %s was already used by "+
			"execution %s with a different request; use a new token for a different request.", p.ClientToken, t.ID)
	}
	return t.ID, true, nil
}

// hash identifies the request a ClientToken stands for.
func (p StartParams) hash() string {
	b, _ := json.Marshal([]any{p.DocumentName, p.DocumentVersion, p.Parameters, p.Mode, p.ParentID,
		p.TargetParameterName, p.Targets, p.TargetMaps, p.MaxConcurrency, p.MaxErrors})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// newExecution resolves the runbook, binds the parameters and builds the
// Pending execution.
func (s *Service) newExecution(tx store.Tx, p StartParams) (*Execution, error) {
	r, err := s.resolveRunbook(tx, p.Scope, p.DocumentName, p.DocumentVersion)
	if err != nil {
		return nil, err
	}
	d, doc := r.doc, r.parsed
	params, err := expr.BindParameters(doc, p.Parameters)
	if err != nil {
		return nil, err
	}
	role, err := expr.ResolveAssumeRole(doc, params)
	if err != nil {
		return nil, err
	}
	mode := orDefault(p.Mode, ModeAuto)
	ex := engine.NewExecution(doc, engine.NewExecutionParams{ID: s.newID(), DocumentName: d.Name,
		DocumentVersion: d.DocumentVersion, AccountID: p.Scope.AccountID, Region: p.Scope.Region,
		AssumeRole: role, Parameters: params, Interactive: mode == ModeInteractive})
	return &Execution{Execution: ex, Scope: p.Scope, Mode: mode, ExecutedBy: p.ExecutedBy,
		ClientToken: p.ClientToken, ParentID: p.ParentID, CreatedAt: s.p.Clock.Now(), Steps: stepsOf(doc),
		RunbookHash: r.hash}, nil
}

// newID returns a new execution id.
func (s *Service) newID() string {
	if s.p.NewID != nil {
		return s.p.NewID()
	}
	return uuid.NewString()
}

// resolved is a runbook resolved for a start.
type resolved struct {
	doc    *documents.Document
	parsed *automation.Document
	// hash names the snapshot stored for the execution.
	hash string
}

// resolveRunbook loads and parses an Automation document, in the errors
// StartAutomationExecution uses, and stores its snapshot.
func (s *Service) resolveRunbook(tx store.Tx, scope tenant.Scope, name, version string) (*resolved, error) {
	d, err := documents.Resolve(tx, scope, name, version)
	var ae *awserr.Error
	if errors.As(err, &ae) {
		switch ae.Code {
		case awserr.InvalidDocument:
			return nil, awserr.New(awserr.AutomationDefinitionNotFound,
				"Automation runbook %s does not exist in this account and region.", name)
		case awserr.InvalidDocumentVersion:
			return nil, awserr.New(awserr.AutomationDefinitionVersionNotFound,
				"Version %s of runbook %s does not exist.", version, name)
		}
	}
	if err != nil {
		return nil, err
	}
	if d.DocumentType != "Automation" {
		return nil, awserr.New(awserr.AutomationDefinitionNotFound,
			"Document %s is a %s document, not an Automation runbook.", name, d.DocumentType)
	}
	hash := contentHash(d.Content, d.Format)
	doc, err := s.runbooks.parse(hash, d.Content, d.Format)
	if err != nil {
		return nil, err
	}
	if err := putSnapshot(tx, scope, d, hash); err != nil {
		return nil, err
	}
	return &resolved{doc: d, parsed: doc, hash: hash}, nil
}

// stepsOf lists a runbook's main steps.
func stepsOf(doc *automation.Document) []Step {
	out := make([]Step, len(doc.MainSteps))
	for i, st := range doc.MainSteps {
		out[i] = Step{Name: st.Name, Action: st.Action}
	}
	return out
}
