package ec2

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
)

type decodeInner struct {
	Name   string   `ec2:"Name,required"`
	Values []string `ec2:"Value"`
}

type decodeTarget struct {
	common
	Text    string        `ec2:"Text"`
	Flag    *bool         `ec2:"Flag"`
	Count   int32         `ec2:"Count"`
	Big     *int64        `ec2:"Big"`
	IDs     []string      `ec2:"Id"`
	Inner   *decodeInner  `ec2:"Inner"`
	Items   []decodeInner `ec2:"Item"`
	Needed  string        `ec2:"Needed,required"`
	Skipped struct{}      `ignore:"Old,Older"`
}

func TestDecode(t *testing.T) {
	t.Parallel()
	var got decodeTarget
	err := decode(url.Values{"Action": {"X"}, "Version": {"2016-11-15"}, "X-Amz-Date": {"now"},
		"Text": {"hello"}, "Flag": {"TRUE"}, "Count": {"-3"}, "Big": {"9000000000"}, "DryRun": {"false"},
		"Id.10": {"c"}, "Id.2": {"b"}, "Id.1": {"a"},
		"Inner.Name": {"n"}, "Inner.Value.1": {"v1"},
		"Item.2.Name": {"second"}, "Item.1.Name": {"first"}, "Item.1.Value.1": {"x"},
		"Needed": {""}, "Old": {"1"}, "Older.Deep.1": {"2"},
	}, &got)
	require.NoError(t, err)
	require.Equal(t, "hello", got.Text)
	require.True(t, *got.Flag)
	require.Equal(t, int32(-3), got.Count)
	require.Equal(t, int64(9000000000), *got.Big)
	require.Equal(t, []string{"a", "b", "c"}, got.IDs, "numeric index order")
	require.Equal(t, &decodeInner{Name: "n", Values: []string{"v1"}}, got.Inner)
	require.Equal(t, []decodeInner{{Name: "first", Values: []string{"x"}}, {Name: "second"}}, got.Items)
}

func TestDecode_Errors(t *testing.T) {
	t.Parallel()
	base := url.Values{"Needed": {"x"}}
	cases := map[string]struct {
		form url.Values
		code string
		msg  string
	}{
		"Unknown":        {url.Values{"Nope": {"1"}}, "UnknownParameter", "The parameter Nope is not recognized"},
		"UnknownNested":  {url.Values{"Inner.Name": {"n"}, "Inner.Colour": {"red"}}, "UnknownParameter", "Inner.Colour"},
		"ScalarWithKids": {url.Values{"Text.1": {"a"}}, "UnknownParameter", "Text.1"},
		"BadIndex":       {url.Values{"Id.0": {"a"}}, "UnknownParameter", "Id.0"},
		"NamedIndex":     {url.Values{"Item.x.Name": {"a"}}, "UnknownParameter", "Item.x"},
		"ListAsScalar":   {url.Values{"Id": {"a"}}, "InvalidParameterValue", "It is a list"},
		"StructAsScalar": {url.Values{"Inner": {"a"}}, "InvalidParameterValue", "It is a structure"},
		"Bool":           {url.Values{"Flag": {"yes"}}, "InvalidParameterValue", "Value (yes) for parameter Flag"},
		"Int":            {url.Values{"Count": {"1.5"}}, "InvalidParameterValue", "Count"},
		"IntRange":       {url.Values{"Count": {"3000000000"}}, "InvalidParameterValue", "Count"},
		"MissingTop":     {url.Values{}, "MissingParameter", "The request must contain the parameter Needed"},
		"MissingNested":  {url.Values{"Item.1.Value.1": {"v"}}, "MissingParameter", "Item.1.Name"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			form := url.Values{}
			for k, v := range base {
				form[k] = v
			}
			for k, v := range tc.form {
				form[k] = v
			}
			if name == "MissingTop" {
				delete(form, "Needed")
			}
			var got decodeTarget
			err := decode(form, &got)
			ae, ok := awserr.As(err)
			require.True(t, ok, "%v", err)
			require.Equal(t, tc.code, ae.Code)
			require.Contains(t, ae.Message, tc.msg)
			require.Equal(t, 400, ae.HTTPStatus())
		})
	}
}

// FuzzDecode feeds arbitrary forms to the decoder of a real operation:
// it must answer an input or an AWS error, never panic.
func FuzzDecode(f *testing.F) {
	f.Add("GroupId=sg-1&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=22&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0/8")
	f.Add("IpPermissions.1.Groups.1.GroupId=sg-1&IpPermissions.x=1&TagSpecification.1.Tag.1.Key=k")
	f.Add("IpPermissions=1&IpPermissions.1=2&IpPermissions.1.FromPort.1=3&DryRun=maybe")
	f.Fuzz(func(t *testing.T, body string) {
		form, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		var in authorizeIngressInput
		if err := decode(form, &in); err != nil {
			_, ok := awserr.As(err)
			require.True(t, ok, "not an AWS error: %v", err)
		}
	})
}
