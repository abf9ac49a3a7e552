package recorder

import (
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"sync"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// SNS publishes the notifications of delivery channels that name a
	// topic; nil sends none (see UseSNS).
	SNS SNS
	// RuleARN returns the ARN of a Config rule ("" if unknown), for the
	// configRuleARN of compliance notifications whose change lacks it.
	RuleARN func(tx store.Tx, scope tenant.Scope, ruleName string) string
}

// Service is the configuration recorder of every account and region.
type Service struct {
	store  store.Store
	clock  clock.Clock
	logger *slog.Logger

	mu    sync.RWMutex
	hooks []func()
	// recordHooks are the OnRecord hooks, fixed while composing.
	recordHooks []RecordHook
	sns         SNS
	// ruleARN is Params.RuleARN.
	ruleARN func(tx store.Tx, scope tenant.Scope, ruleName string) string
}

var _ configitem.Sink = (*Service)(nil)

// New returns a Service.
func New(p Params) *Service {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Clock == nil {
		p.Clock = clock.Real{}
	}
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger, sns: p.SNS, ruleARN: p.RuleARN}
}

// OnChange registers a hook that Changed calls (the rules evaluator's
// wake-up). Hooks must return at once.
func (s *Service) OnChange(h func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hooks = append(s.hooks, h)
}

// Changed implements configitem.Sink: it runs the OnChange hooks and
// wakes SNS to send the notifications of the recorded items. Call it after
// the transaction that recorded items committed.
func (s *Service) Changed() {
	s.mu.RLock()
	hooks, sns := s.hooks, s.sns
	s.mu.RUnlock()
	for _, h := range hooks {
		h()
	}
	if sns != nil {
		sns.Wake()
	}
}

// implicitRecorder is Salve's default recorder of a scope: it records every
// resource type, global ones included, and is recording.
func implicitRecorder(scope tenant.Scope) *Recorder {
	return &Recorder{
		Name:    DefaultName,
		ARN:     recorderARN(scope, DefaultName, "implicit"),
		RoleARN: "arn:" + tenant.Partition(scope.Region) + ":iam::" + scope.AccountID + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
		Group: RecordingGroup{AllSupported: true, IncludeGlobalResourceTypes: true,
			UseOnly: StrategyAllSupported},
		Mode:       RecordingMode{Frequency: FrequencyContinuous},
		Implicit:   true,
		Recording:  true,
		LastStatus: StatusSuccess,
	}
}

// recorderARN builds a recorder's ARN; its last part is derived from seed
// (AWS's is random), so that the ARN of each recorder is stable.
func recorderARN(scope tenant.Scope, name, seed string) string {
	sum := sha256.Sum256([]byte(scope.AccountID + "/" + scope.Region + "/" + name + "/" + seed))
	return scope.ARN("config", "configuration-recorder/"+name+"/"+hex.EncodeToString(sum[:8]))
}
