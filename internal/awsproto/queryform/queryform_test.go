package queryform_test

import (
	"errors"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awsproto/queryform"
)

// errMessage is the service error the tests map violations to.
type errMessage string

func (e errMessage) Error() string { return string(e) }

func asMessage(msg string) error { return errMessage(msg) }

// message returns the one message Err reports ("" for none).
func message(t *testing.T, f *queryform.Form) string {
	t.Helper()
	err := f.Err(asMessage)
	if err == nil {
		return ""
	}
	var m errMessage
	require.True(t, errors.As(err, &m), "%v", err)
	return string(m)
}

func TestMember(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"RoleName": "roleName", "Tags": "tags", "x": "x", "": "", "Ärger": "ärger"} {
		require.Equal(t, want, queryform.Member(in), in)
	}
}

func TestForm_Scalars(t *testing.T) {
	t.Parallel()
	f := &queryform.Form{Values: url.Values{"Name": {"n"}, "Empty": {""}, "Yes": {"true"}, "Bad": {"maybe"}}}
	require.Equal(t, "n", *f.Str("Name"))
	require.Equal(t, "", *f.Str("Empty"), "present but empty is not absent")
	require.Nil(t, f.Str("Missing"))
	require.Equal(t, "", f.Get("Missing"))
	require.True(t, f.Has("Empty"))
	require.False(t, f.Has("Missing"))

	s, ok := f.Required("Name")
	require.True(t, ok)
	require.Equal(t, "n", s)
	require.True(t, *f.Bool("Yes"))
	require.Nil(t, f.Bool("Missing"))
	require.Empty(t, message(t, f), "no violation so far")

	_, ok = f.Required("RoleName")
	require.False(t, ok)
	require.Nil(t, f.Bool("Bad"))
	require.Equal(t, "2 validation errors detected: "+
		"Value null at 'roleName' failed to satisfy constraint: Member must not be null; "+
		"Value 'maybe' at 'bad' failed to satisfy constraint: Member must be a boolean", message(t, f))
}

func TestForm_Indexes(t *testing.T) {
	t.Parallel()
	f := &queryform.Form{Values: url.Values{
		"Tags.member.10.Key": {"k"}, "Tags.member.2.Key": {"k"}, "Tags.member.2.Value": {"v"},
		"Tags.member.x.Key": {"k"}, "Tags.memberz.1.Key": {"k"}, "Attributes.entry.3.key": {"k"},
	}}
	require.Equal(t, []int{2, 10}, f.Indexes("Tags", "member"), "numeric order, each once")
	require.Equal(t, []int{3}, f.Indexes("Attributes", "entry"))
	require.Empty(t, f.Indexes("Nope", "member"))
}

func TestForm_List(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		form url.Values
		want []string
	}{
		"Ordered":        {url.Values{"K.member.2": {"b"}, "K.member.1": {"a"}, "K.member.10": {"c"}}, []string{"a", "b", "c"}},
		"Empty":          {url.Values{"K": {""}}, []string{}},
		"NestedIgnored":  {url.Values{"K.member.1.X": {"x"}, "K.member.2": {"b"}}, []string{"b"}},
		"OtherKeyIgnore": {url.Values{"KK.member.1": {"x"}}, []string{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := &queryform.Form{Values: tc.form}
			require.Equal(t, tc.want, f.List("K"))
		})
	}
}

func TestForm_RequireList(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		form  url.Values
		items int
		want  string
	}{
		"Absent":      {url.Values{}, 0, "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null"},
		"EmptyMarker": {url.Values{"TagKeys": {""}}, 0, ""},
		"Items":       {url.Values{}, 1, ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := &queryform.Form{Values: tc.form}
			f.RequireList("TagKeys", tc.items)
			require.Equal(t, tc.want, message(t, f))
		})
	}
}

func TestForm_Map(t *testing.T) {
	t.Parallel()
	f := &queryform.Form{Values: url.Values{
		"Attributes.entry.1.key": {"DisplayName"}, "Attributes.entry.1.value": {"D"},
		"Attributes.entry.2.key":   {"Policy"},
		"Attributes.entry.3.value": {"orphan"},
	}}
	require.Equal(t, map[string]string{"DisplayName": "D", "Policy": ""}, f.Map("Attributes"))
	require.Equal(t, "1 validation error detected: Value null at 'attributes.entry.3.key' failed to satisfy constraint: "+
		"Member must not be null", message(t, f))
	require.Nil(t, f.Map("Other"), "no entry: nil")
}

func TestForm_Tags(t *testing.T) {
	t.Parallel()
	f := &queryform.Form{Values: url.Values{
		"Tags.member.1.Key": {"team"}, "Tags.member.1.Value": {"blue"},
		"Tags.member.2.Value": {"no key"},
		"Tags.member.3.Key":   {"bad key"}, "Tags.member.3.Value": {""},
	}}
	var checked []string
	check := func(path, s string) { checked = append(checked, path+"="+s) }
	tags := f.Tags("Tags", check, check)
	require.Equal(t, []queryform.Tag{{Key: "team", Value: "blue"}, {Key: "bad key", Value: ""}}, tags)
	require.Equal(t, []string{"tags.1.member.key=team", "tags.1.member.value=blue", "tags.2.member.value=no key",
		"tags.3.member.key=bad key", "tags.3.member.value="}, checked, "each member present, in order")
	require.Equal(t, "1 validation error detected: Value null at 'tags.2.member.key' failed to satisfy constraint: "+
		"Member must not be null", message(t, f))

	unchecked := &queryform.Form{Values: url.Values{"Tags.member.1.Key": {"k"}}}
	require.Empty(t, unchecked.Tags("Tags", nil, nil))
	require.Contains(t, message(t, unchecked), "'tags.1.member.value'")
}

func TestForm_ErrNone(t *testing.T) {
	t.Parallel()
	f := &queryform.Form{Values: url.Values{}}
	require.NoError(t, f.Err(asMessage))
}
