package awscall

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	cstypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/require"
)

func TestDecodeInput_NestedMembers(t *testing.T) {
	t.Parallel()
	in := map[string]any{
		"GroupId": "sg-1",
		"IpPermissions": []any{map[string]any{
			"IpProtocol": "tcp", "FromPort": 22, "ToPort": float64(22),
			"IpRanges": []any{map[string]any{"CidrIp": "10.0.0.0/8"}},
		}},
	}
	v, err := decodeInput(in, reflect.TypeFor[ec2.AuthorizeSecurityGroupIngressInput]())
	require.NoError(t, err)
	got := v.Interface().(*ec2.AuthorizeSecurityGroupIngressInput)
	require.Equal(t, "sg-1", *got.GroupId)
	require.Equal(t, int32(22), *got.IpPermissions[0].FromPort)
	require.Equal(t, int32(22), *got.IpPermissions[0].ToPort, "an integral float is an integer")
	require.Equal(t, "10.0.0.0/8", *got.IpPermissions[0].IpRanges[0].CidrIp)
}

func TestDecodeInput_ScalarsBoto3Accepts(t *testing.T) {
	t.Parallel()
	in := map[string]any{"ConfigRuleName": "r", "ResourceKeys": nil}
	_, err := decodeInput(in, reflect.TypeFor[configservice.StartRemediationExecutionInput]())
	require.NoError(t, err, "null members are absent")

	v, err := decodeInput(map[string]any{"KeyId": "k", "Plaintext": "secret"}, reflect.TypeFor[kms.EncryptInput]())
	require.NoError(t, err)
	require.Equal(t, []byte("secret"), v.Interface().(*kms.EncryptInput).Plaintext, "a string blob is sent as its bytes")

	for _, when := range []any{"2026-11-01T12:00:00Z", "2026-11-01T12:00:00", int64(1793534400), json.Number("1793534400")} {
		v, err := decodeInput(map[string]any{"Evaluations": []any{map[string]any{
			"ComplianceResourceType": "AWS::S3::Bucket", "ComplianceResourceId": "b",
			"ComplianceType": "COMPLIANT", "OrderingTimestamp": when,
		}}}, reflect.TypeFor[configservice.PutEvaluationsInput]())
		require.NoError(t, err, "%v", when)
		e := v.Interface().(*configservice.PutEvaluationsInput).Evaluations[0]
		require.Equal(t, time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC), e.OrderingTimestamp.UTC(), "%v", when)
		require.Equal(t, cstypes.ComplianceTypeCompliant, e.ComplianceType, "enums are their strings")
	}
}

func TestDecodeInput_Boto3ValidationErrors(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		in   map[string]any
		want string
	}{
		"UnknownMember": {map[string]any{"GroupNme": "x"},
			`Unknown parameter in input: "GroupNme", must be one of: `},
		"NestedUnknown": {map[string]any{"IpPermissions": []any{map[string]any{"Port": 1}}},
			`Unknown parameter in IpPermissions[0]: "Port", must be one of: FromPort, IpProtocol, IpRanges`},
		"StringForInt": {map[string]any{"IpPermissions": []any{map[string]any{"FromPort": "22"}}},
			"Invalid type for parameter IpPermissions[0].FromPort, value: 22, type: <class 'str'>, valid types: <class 'int'>"},
		"IntForString": {map[string]any{"GroupId": 7},
			"Invalid type for parameter GroupId, value: 7, type: <class 'int'>, valid types: <class 'str'>"},
		"StringForList": {map[string]any{"IpPermissions": "tcp"},
			"Invalid type for parameter IpPermissions, value: tcp, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>"},
		"FractionForInt": {map[string]any{"IpPermissions": []any{map[string]any{"ToPort": 1.5}}},
			"Invalid type for parameter IpPermissions[0].ToPort, value: 1.5, type: <class 'float'>"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := decodeInput(tc.in, reflect.TypeFor[ec2.AuthorizeSecurityGroupIngressInput]())
			require.ErrorContains(t, err, "Parameter validation failed:\n")
			require.ErrorContains(t, err, tc.want)
		})
	}
}

func TestEncodeOutput_Boto3Shape(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 11, 1, 12, 0, 0, 500_000_000, time.FixedZone("x", 3600))
	out := &configservice.DescribeConfigRulesOutput{ConfigRules: []cstypes.ConfigRule{{
		ConfigRuleName:            aws.String("r"),
		MaximumExecutionFrequency: "",
		Source:                    &cstypes.Source{Owner: cstypes.OwnerAws, SourceIdentifier: aws.String("S3")},
		InputParameters:           nil,
	}}}
	got := encodeOutput(reflect.ValueOf(out))
	require.Equal(t, map[string]any{"ConfigRules": []any{map[string]any{
		"ConfigRuleName": "r",
		"Source":         map[string]any{"Owner": "AWS", "SourceIdentifier": "S3"},
	}}}, got, "absent pointers and empty enums are left out; ResultMetadata is dropped")

	obj := encodeOutput(reflect.ValueOf(&s3.HeadObjectOutput{LastModified: &at, ContentLength: aws.Int64(5)}))
	require.Equal(t, "2026-11-01T11:00:00.5Z", obj["LastModified"], "timestamps are RFC 3339 in UTC")
	require.Equal(t, int64(5), obj["ContentLength"])

	blob := encodeOutput(reflect.ValueOf(&kms.EncryptOutput{CiphertextBlob: []byte("hi")}))
	require.Equal(t, "aGk=", blob["CiphertextBlob"], "blobs are base64")
}

func TestShape_LocalResponsesGetSDKTypes(t *testing.T) {
	t.Parallel()
	raw, err := decodeJSONObject([]byte(`{"ComplianceSummary":{"CompliantResourceCount":{"CappedCount":3,"CapExceeded":false},
		"ComplianceSummaryTimestamp":1793534400.25},"Unmodelled":1}`))
	require.NoError(t, err)
	op, ok := findOperation(sdkServices["config"].clientType, "GetComplianceSummaryByConfigRule")
	require.True(t, ok)
	got, err := shape(raw, op, "req-1", "application/x-amz-json-1.1")
	require.NoError(t, err)
	summary := got["ComplianceSummary"].(map[string]any)
	require.Equal(t, int64(3), summary["CompliantResourceCount"].(map[string]any)["CappedCount"], "integers stay integral")
	require.Equal(t, false, summary["CompliantResourceCount"].(map[string]any)["CapExceeded"])
	require.Equal(t, "2026-11-01T12:00:00.25Z", summary["ComplianceSummaryTimestamp"], "epoch seconds become RFC 3339")
	require.NotContains(t, got, "Unmodelled")
	require.Equal(t, "req-1", got["ResponseMetadata"].(map[string]any)["RequestId"])
}

func TestReadXML(t *testing.T) {
	t.Parallel()
	got, err := readXML(`<R><A>x</A><L><member><K>1</K></member><member><K>2</K></member></L><E></E></R>`)
	require.NoError(t, err)
	require.Equal(t, map[string]any{
		"A": "x", "L": []any{map[string]any{"K": "1"}, map[string]any{"K": "2"}}, "E": "",
	}, got)
}
