package iam_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/rawquery"
)

// TestWire_Validation posts raw Query forms (the SDK would not send them)
// and reads the whole ValidationError message: the members are read and
// reported in the order IAM reports them.
func TestWire_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	cases := map[string]struct {
		form url.Values
		want string
	}{
		"TagWithoutValue": {url.Values{"Action": {"CreateUser"}, "UserName": {"u"}, "Tags.member.1.Key": {"a#b"}},
			"2 validation errors detected: Value 'a#b' at 'tags.1.member.key' failed to satisfy constraint: " +
				`Member must satisfy regular expression pattern: [\p{L}\p{Z}\p{N}_.:/=+\-@]+; ` +
				"Value null at 'tags.1.member.value' failed to satisfy constraint: Member must not be null"},
		"TagWithoutKey": {url.Values{"Action": {"CreateUser"}, "UserName": {"u"}, "Tags.member.1.Key": {"k"},
			"Tags.member.1.Value": {"v"}, "Tags.member.2.Value": {"v"}},
			"1 validation error detected: Value null at 'tags.2.member.key' failed to satisfy constraint: Member must not be null"},
		"TagRoleWithoutTags": {url.Values{"Action": {"TagRole"}, "RoleName": {"r"}},
			"1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null"},
		"UntagRoleWithoutKeys": {url.Values{"Action": {"UntagRole"}, "RoleName": {"r"}},
			"1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null"},
		"UntagRoleBadKey": {url.Values{"Action": {"UntagRole"}, "RoleName": {"r"}, "TagKeys.member.2": {"ok"}, "TagKeys.member.1": {""}},
			"2 validation errors detected: Value '' at 'tagKeys.1.member' failed to satisfy constraint: " +
				"Member must have length greater than or equal to 1; Value '' at 'tagKeys.1.member' failed to satisfy constraint: " +
				`Member must satisfy regular expression pattern: [\p{L}\p{Z}\p{N}_.:/=+\-@]+`},
		"NotABoolean": {url.Values{"Action": {"ListPolicies"}, "OnlyAttached": {"maybe"}},
			"1 validation error detected: Value 'maybe' at 'onlyAttached' failed to satisfy constraint: Member must be a boolean"},
		"EmptyMarker": {url.Values{"Action": {"ListRoles"}, "Marker": {""}},
			"2 validation errors detected: Value '' at 'marker' failed to satisfy constraint: " +
				"Member must have length greater than or equal to 1; Value '' at 'marker' failed to satisfy constraint: " +
				`Member must satisfy regular expression pattern: [\u0020-\u00FF]+`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tc.form.Set("Version", "2010-05-08")
			res := rawquery.Post(t, e.URL, tc.form)
			require.Equal(t, http.StatusBadRequest, res.Status, res.Text)
			require.Equal(t, "ValidationError", res.Code)
			require.Equal(t, tc.want, res.Message)
		})
	}
}
