package securityhub_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sh "github.com/salvehq/salve/internal/securityhub"
)

func TestNextWorkflow(t *testing.T) {
	t.Parallel()
	const (
		A, X           = sh.RecordActive, sh.RecordArchived
		pass, fail, na = sh.CompliancePassed, sh.ComplianceFailed, sh.ComplianceNotAvailable
	)
	for name, tc := range map[string]struct {
		t    sh.Transition
		want string
	}{
		"NewFailing":               {sh.Transition{"", "", fail, "", A}, sh.WorkflowNew},
		"NewPassing":               {sh.Transition{"", "", pass, "", A}, sh.WorkflowResolved},
		"FailingStaysNew":          {sh.Transition{sh.WorkflowNew, fail, fail, A, A}, sh.WorkflowNew},
		"NotifiedKeptOnFailAgain":  {sh.Transition{sh.WorkflowNotified, fail, fail, A, A}, sh.WorkflowNotified},
		"PassResolves":             {sh.Transition{sh.WorkflowNew, fail, pass, A, A}, sh.WorkflowResolved},
		"PassResolvesNotified":     {sh.Transition{sh.WorkflowNotified, fail, pass, A, A}, sh.WorkflowResolved},
		"SuppressedStaysOnPass":    {sh.Transition{sh.WorkflowSuppressed, fail, pass, A, A}, sh.WorkflowSuppressed},
		"SuppressedStaysOnFail":    {sh.Transition{sh.WorkflowSuppressed, pass, fail, A, A}, sh.WorkflowSuppressed},
		"ResolvedReopensOnFail":    {sh.Transition{sh.WorkflowResolved, pass, fail, A, A}, sh.WorkflowNew},
		"NotifiedReopensOnFail":    {sh.Transition{sh.WorkflowNotified, pass, fail, A, A}, sh.WorkflowNew},
		"ResolvedReopensOnNA":      {sh.Transition{sh.WorkflowResolved, pass, na, A, A}, sh.WorkflowNew},
		"UserResolvedKeptFailing":  {sh.Transition{sh.WorkflowResolved, fail, fail, A, A}, sh.WorkflowResolved},
		"ArchivedKeepsWorkflow":    {sh.Transition{sh.WorkflowResolved, pass, na, A, X}, sh.WorkflowResolved},
		"ReactivatedReopens":       {sh.Transition{sh.WorkflowResolved, na, fail, X, A}, sh.WorkflowNew},
		"ReactivatedNotifiedReset": {sh.Transition{sh.WorkflowNotified, na, fail, X, A}, sh.WorkflowNew},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tc.want, sh.NextWorkflow(tc.t))
		})
	}
}
