package ssm_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestCreateDocument_Automation(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	out, err := env.SSM.CreateDocument(context.Background(), &ssm.CreateDocumentInput{
		Name: aws.String("My-Runbook_1.0"), Content: aws.String(docRunbookJSON),
		DocumentType: types.DocumentTypeAutomation, VersionName: aws.String("first"),
		DisplayName: aws.String("My runbook"), TargetType: aws.String("/AWS::S3::Bucket"),
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("sec")}},
	})
	require.NoError(t, err)
	d := out.DocumentDescription
	require.Equal(t, "My-Runbook_1.0", *d.Name)
	require.Equal(t, docSHA256(docRunbookJSON), *d.Hash)
	require.Equal(t, types.DocumentHashTypeSha256, d.HashType)
	require.Nil(t, d.Sha1)
	require.Equal(t, docAccount, *d.Owner)
	require.Equal(t, salvetest.Start, d.CreatedDate.UTC())
	require.Equal(t, types.DocumentStatusActive, d.Status)
	require.Equal(t, "1", *d.DocumentVersion)
	require.Equal(t, "1", *d.LatestVersion)
	require.Equal(t, "1", *d.DefaultVersion)
	require.Equal(t, "first", *d.VersionName)
	require.Equal(t, "My runbook", *d.DisplayName)
	require.Equal(t, "Turns on bucket versioning.", *d.Description)
	require.Equal(t, types.DocumentTypeAutomation, d.DocumentType)
	require.Equal(t, "0.3", *d.SchemaVersion)
	require.Equal(t, types.DocumentFormatJson, d.DocumentFormat)
	require.Equal(t, "/AWS::S3::Bucket", *d.TargetType)
	require.ElementsMatch(t, []types.PlatformType{"Windows", "Linux", "MacOS"}, d.PlatformTypes)
	require.Equal(t, []types.Tag{{Key: aws.String("team"), Value: aws.String("sec")}}, d.Tags)

	params := map[string]types.DocumentParameter{}
	var order []string
	for _, p := range d.Parameters {
		params[*p.Name] = p
		order = append(order, *p.Name)
	}
	require.Equal(t, []string{"BucketName", "Tags", "Retries", "DryRun", "Extra", "AutomationAssumeRole"}, order)
	require.Nil(t, params["BucketName"].DefaultValue, "a required parameter has no default")
	require.Equal(t, "The bucket.", *params["BucketName"].Description)
	require.Equal(t, types.DocumentParameterType("String"), params["BucketName"].Type)
	require.Equal(t, `["a","b"]`, *params["Tags"].DefaultValue)
	require.Equal(t, "3", *params["Retries"].DefaultValue)
	require.Equal(t, types.DocumentParameterType("Integer"), params["Retries"].Type)
	require.Equal(t, "false", *params["DryRun"].DefaultValue)
	require.Equal(t, `{"k":"v"}`, *params["Extra"].DefaultValue)
	require.Equal(t, "", *params["AutomationAssumeRole"].DefaultValue)
	require.Equal(t, types.DocumentParameterType("AWS::IAM::Role::Arn"), params["AutomationAssumeRole"].Type)
}

func TestCreateDocument_YAMLAndCommand(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	y, err := env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String("yaml-runbook"),
		Content: aws.String(docRunbookYAML), DocumentType: types.DocumentTypeAutomation,
		DocumentFormat: types.DocumentFormatYaml})
	require.NoError(t, err)
	require.Equal(t, types.DocumentFormatYaml, y.DocumentDescription.DocumentFormat)
	require.Equal(t, docSHA256(docRunbookYAML), *y.DocumentDescription.Hash)
	require.Equal(t, "Stops an instance.", *y.DocumentDescription.Description)

	c, err := env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String("hello-command"),
		Content: aws.String(docCommandJSON)})
	require.NoError(t, err, "DocumentType defaults to Command")
	require.Equal(t, types.DocumentTypeCommand, c.DocumentDescription.DocumentType)
	require.Equal(t, "2.2", *c.DocumentDescription.SchemaVersion)
	require.ElementsMatch(t, []types.PlatformType{"Linux", "MacOS"}, c.DocumentDescription.PlatformTypes)
	require.Equal(t, "hello", *c.DocumentDescription.Parameters[0].DefaultValue)
	require.Empty(t, c.DocumentDescription.Tags)
}

func TestCreateDocument_RequiresAndAttachments(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	out, err := env.SSM.CreateDocument(context.Background(), &ssm.CreateDocumentInput{
		Name: aws.String("with-extras"), Content: aws.String(docRunbookJSON), DocumentType: types.DocumentTypeAutomation,
		Requires: []types.DocumentRequires{{Name: aws.String("other-doc"), Version: aws.String("$LATEST")}},
		Attachments: []types.AttachmentsSource{{Key: types.AttachmentsSourceKeySourceUrl,
			Values: []string{"https://example.com/files/"}, Name: aws.String("script.zip")}},
	})
	require.NoError(t, err)
	d := out.DocumentDescription
	require.Equal(t, "other-doc", *d.Requires[0].Name)
	require.Equal(t, "$LATEST", *d.Requires[0].Version)
	require.Equal(t, "script.zip", *d.AttachmentsInformation[0].Name)

	got, err := env.SSM.GetDocument(context.Background(), &ssm.GetDocumentInput{Name: aws.String("with-extras")})
	require.NoError(t, err)
	require.Equal(t, "other-doc", *got.Requires[0].Name)
	require.Equal(t, "script.zip", *got.AttachmentsContent[0].Name)
	require.Equal(t, "https://example.com/files/", *got.AttachmentsContent[0].Url)
}

func TestCreateDocument_AlreadyExists(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	docCreate(t, env.SSM, "dup-doc", docRunbookJSON)
	_, err := env.SSM.CreateDocument(context.Background(), &ssm.CreateDocumentInput{
		Name: aws.String("dup-doc"), Content: aws.String(docRunbook("other")), DocumentType: types.DocumentTypeAutomation})
	require.Contains(t, docErr(t, err, "DocumentAlreadyExists"), "dup-doc")
}

func TestCreateDocument_ReservedNames(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	for _, name := range []string{"AWS-Mine", "aws-mine", "Amazon-X", "amznthing", "AWSEC2-X",
		"AWSConfigRemediation-X", "awssupport-x", "AWS-ConfigureS3BucketEncryption"} {
		t.Run(name, func(t *testing.T) {
			_, err := env.SSM.CreateDocument(context.Background(), &ssm.CreateDocumentInput{
				Name: aws.String(name), Content: aws.String(docRunbookJSON), DocumentType: types.DocumentTypeAutomation})
			msg := docErr(t, err, "ValidationException")
			require.Contains(t, msg, "Value '"+name+"' at 'name'")
			require.Contains(t, msg, "reserved prefix")
		})
	}
}

func TestCreateDocument_ContentErrors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	tests := []struct {
		name, content, docType, format, code, want string
	}{
		{"BadJSON", "{\n  \"schemaVersion\": \"0.3\",\n  \"mainSteps\": [\n}", "Automation", "", "InvalidDocumentContent", "line 4"},
		{"BadYAML", "schemaVersion: '0.3'\nmainSteps:\n  - name: [x\n", "Automation", "YAML", "InvalidDocumentContent", "YAML syntax error"},
		{"YAMLSentAsJSON", docRunbookYAML, "Automation", "JSON", "InvalidDocumentContent", "JSON syntax error"},
		{"TextAutomation", docRunbookJSON, "Automation", "TEXT", "InvalidDocumentContent", "TEXT"},
		{"SchemaForCommand", docRunbookJSON, "Command", "", "InvalidDocumentContent", "DocumentType Automation"},
		{"DefaultTypeIsCommand", docRunbookJSON, "", "", "InvalidDocumentContent", "DocumentType Automation"},
		{"NoSchemaVersion", `{"mainSteps": []}`, "Command", "", "InvalidDocumentContent", "schemaVersion"},
		{"AutomationWrongSchema", docCommandJSON, "Automation", "", "InvalidDocumentSchemaVersion", "2.2"},
		{"UnknownAction", `{"schemaVersion":"0.3","mainSteps":[{"name":"a","action":"aws:fly","inputs":{}}]}`,
			"Automation", "", "InvalidDocumentContent", `mainSteps[0].action "aws:fly" of step "a" is not a supported action`},
		{"BadNextStep", `{"schemaVersion":"0.3","mainSteps":[{"name":"a","action":"aws:pause","inputs":{},"nextStep":"X"}]}`,
			"Automation", "", "InvalidDocumentContent", `mainSteps[0].nextStep refers to step "X" which does not exist`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := env.SSM.CreateDocument(context.Background(), &ssm.CreateDocumentInput{
				Name: aws.String("doc-" + tt.name), Content: aws.String(tt.content),
				DocumentType: types.DocumentType(tt.docType), DocumentFormat: types.DocumentFormat(tt.format)})
			require.Contains(t, docErr(t, err, tt.code), tt.want)
		})
	}
}

func TestCreateDocument_SizeLimit(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	// pad returns a Command document of exactly n bytes.
	pad := func(n int) string {
		prefix, suffix := `{"schemaVersion":"2.2","description":"`, `","mainSteps":[]}`
		return prefix + repeat("x", n-len(prefix)-len(suffix)) + suffix
	}
	fits := pad(64 * 1024)
	require.Len(t, fits, 64*1024)
	_, err := env.SSM.CreateDocument(context.Background(), &ssm.CreateDocumentInput{
		Name: aws.String("just-fits"), Content: aws.String(fits)})
	require.NoError(t, err)
	_, err = env.SSM.CreateDocument(context.Background(), &ssm.CreateDocumentInput{
		Name: aws.String("too-big"), Content: aws.String(pad(64*1024 + 1))})
	require.Contains(t, docErr(t, err, "MaxDocumentSizeExceeded"), "64 KB")
}

// repeat is strings.Repeat under a short name.
func repeat(s string, n int) string { return strings.Repeat(s, n) }

func TestCreateDocument_Validation(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	long := repeat("a", 129)
	tests := []struct {
		name string
		in   ssm.CreateDocumentInput
		want string
	}{
		{"ShortName", ssm.CreateDocumentInput{Name: aws.String("ab")}, "at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern"},
		{"LongName", ssm.CreateDocumentInput{Name: aws.String(long)}, "at 'name'"},
		{"BadChars", ssm.CreateDocumentInput{Name: aws.String("my doc")}, "at 'name'"},
		{"DocumentType", ssm.CreateDocumentInput{DocumentType: "Runbook"}, "at 'documentType' failed to satisfy constraint: Member must satisfy enum value set"},
		{"DocumentFormat", ssm.CreateDocumentInput{DocumentFormat: "XML"}, "at 'documentFormat'"},
		{"VersionName", ssm.CreateDocumentInput{VersionName: aws.String("v 1")}, "at 'versionName'"},
		{"DisplayName", ssm.CreateDocumentInput{DisplayName: aws.String("bad*name")}, "at 'displayName'"},
		{"TargetType", ssm.CreateDocumentInput{TargetType: aws.String("AWS::S3::Bucket")}, "at 'targetType'"},
		{"TagKey", ssm.CreateDocumentInput{Tags: []types.Tag{{Key: aws.String("bad*key"), Value: aws.String("v")}}}, "at 'tags.1.member.key'"},
		{"TagValueLength", ssm.CreateDocumentInput{Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String(repeat("v", 257))}}}, "at 'tags.1.member.value'"},
		{"RequiresName", ssm.CreateDocumentInput{Requires: []types.DocumentRequires{{Name: aws.String("x")}}}, "at 'requires.1.member.name'"},
		{"RequiresVersion", ssm.CreateDocumentInput{Requires: []types.DocumentRequires{{Name: aws.String("abc"), Version: aws.String("v1")}}}, "at 'requires.1.member.version'"},
		{"AttachmentKey", ssm.CreateDocumentInput{Attachments: []types.AttachmentsSource{{Key: "Ftp", Values: []string{"x"}}}}, "at 'attachments.1.member.key'"},
		{"AttachmentValues", ssm.CreateDocumentInput{Attachments: []types.AttachmentsSource{{Key: "SourceUrl", Values: []string{"a", "b"}}}}, "at 'attachments.1.member.values'"},
		{"AttachmentName", ssm.CreateDocumentInput{Attachments: []types.AttachmentsSource{{Values: []string{"a"}, Name: aws.String("x")}}}, "at 'attachments.1.member.name'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			if in.Name == nil {
				in.Name = aws.String("valid-name")
			}
			in.Content = aws.String(docRunbookJSON)
			_, err := env.SSM.CreateDocument(context.Background(), &in)
			require.Contains(t, docErr(t, err, "ValidationException"), tt.want)
		})
	}
}

func TestCreateDocument_TooManyTags(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	tags := make([]types.Tag, 1001)
	for i := range tags {
		tags[i] = types.Tag{Key: aws.String("k" + repeat("x", i%100)), Value: aws.String("v")}
	}
	_, err := env.SSM.CreateDocument(context.Background(), &ssm.CreateDocumentInput{
		Name: aws.String("tagged"), Content: aws.String(docRunbookJSON), Tags: tags})
	require.Contains(t, docErr(t, err, "ValidationException"), "at 'tags'")
}

func TestCreateDocument_RequiredMembers(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	status, body := docRaw(t, env, "CreateDocument", `{"Name":"no-content"}`)
	require.Equal(t, 400, status)
	require.Contains(t, body, "ValidationException")
	require.Contains(t, body, "at 'content' failed to satisfy constraint: Member must not be null")
	status, body = docRaw(t, env, "CreateDocument", `{"Content":"{}"}`)
	require.Equal(t, 400, status)
	require.Contains(t, body, "at 'name' failed to satisfy constraint: Member must not be null")
	status, body = docRaw(t, env, "CreateDocument", `{"Name":"empty-content","Content":""}`)
	require.Equal(t, 400, status)
	require.Contains(t, body, "at 'content' failed to satisfy constraint: Member must have length greater than or equal to 1")
}

func TestCreateDocument_LimitExceeded(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	for i := range 500 {
		_, err := env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{
			Name: aws.String(docName(i)), Content: aws.String(docCommandJSON)})
		require.NoError(t, err)
	}
	_, err := env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String("one-too-many"), Content: aws.String(docCommandJSON)})
	require.Contains(t, docErr(t, err, "DocumentLimitExceeded"), "500")

	_, ssm2, _ := env.Clients("111122223333", "secret", "us-east-1")
	_, err = ssm2.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String("one-too-many"), Content: aws.String(docCommandJSON)})
	require.NoError(t, err, "the limit is per account")
}

// docName returns a distinct document name for i.
func docName(i int) string {
	return "doc-" + string(rune('a'+i/100)) + "-" + string(rune('a'+(i/10)%10)) + string(rune('a'+i%10))
}
