package securityhub

import "strings"

// FilterKind says which filter type an AwsSecurityFindingFilters member
// takes.
type FilterKind int

// Filter kinds.
const (
	FilterString FilterKind = iota + 1
	FilterDate
	FilterNumber
	FilterMap
	FilterBoolean
	FilterIP
	// FilterKeyword is the deprecated Keyword filter, which Salve refuses.
	FilterKeyword
)

// field is a filterable member: its kind and where its values are in a
// finding ("[]" after a name walks a list).
type field struct {
	kind FilterKind
	path string
}

// fields maps every AwsSecurityFindingFilters member to its values.
var fields = map[string]field{
	"ProductArn":                    {FilterString, "ProductArn"},
	"AwsAccountId":                  {FilterString, "AwsAccountId"},
	"AwsAccountName":                {FilterString, "AwsAccountName"},
	"Id":                            {FilterString, "Id"},
	"GeneratorId":                   {FilterString, "GeneratorId"},
	"Region":                        {FilterString, "Region"},
	"Type":                          {FilterString, "Types[]"},
	"SeverityLabel":                 {FilterString, "Severity.Label"},
	"Title":                         {FilterString, "Title"},
	"Description":                   {FilterString, "Description"},
	"RecommendationText":            {FilterString, "Remediation.Recommendation.Text"},
	"SourceUrl":                     {FilterString, "SourceUrl"},
	"ProductName":                   {FilterString, "ProductName"},
	"CompanyName":                   {FilterString, "CompanyName"},
	"MalwareName":                   {FilterString, "Malware[].Name"},
	"MalwareType":                   {FilterString, "Malware[].Type"},
	"MalwarePath":                   {FilterString, "Malware[].Path"},
	"MalwareState":                  {FilterString, "Malware[].State"},
	"NetworkDirection":              {FilterString, "Network.Direction"},
	"NetworkProtocol":               {FilterString, "Network.Protocol"},
	"NetworkSourceDomain":           {FilterString, "Network.SourceDomain"},
	"NetworkSourceMac":              {FilterString, "Network.SourceMac"},
	"NetworkDestinationDomain":      {FilterString, "Network.DestinationDomain"},
	"ProcessName":                   {FilterString, "Process.Name"},
	"ProcessPath":                   {FilterString, "Process.Path"},
	"ThreatIntelIndicatorType":      {FilterString, "ThreatIntelIndicators[].Type"},
	"ThreatIntelIndicatorValue":     {FilterString, "ThreatIntelIndicators[].Value"},
	"ThreatIntelIndicatorCategory":  {FilterString, "ThreatIntelIndicators[].Category"},
	"ThreatIntelIndicatorSource":    {FilterString, "ThreatIntelIndicators[].Source"},
	"ThreatIntelIndicatorSourceUrl": {FilterString, "ThreatIntelIndicators[].SourceUrl"},
	"ResourceType":                  {FilterString, "Resources[].Type"},
	"ResourceId":                    {FilterString, "Resources[].Id"},
	"ResourcePartition":             {FilterString, "Resources[].Partition"},
	"ResourceRegion":                {FilterString, "Resources[].Region"},
	"ResourceApplicationName":       {FilterString, "Resources[].ApplicationName"},
	"ResourceApplicationArn":        {FilterString, "Resources[].ApplicationArn"},
	"ResourceAwsEc2InstanceType":    {FilterString, "Resources[].Details.AwsEc2Instance.Type"},
	"ResourceAwsEc2InstanceImageId": {FilterString, "Resources[].Details.AwsEc2Instance.ImageId"},
	"ResourceAwsEc2InstanceKeyName": {FilterString, "Resources[].Details.AwsEc2Instance.KeyName"},
	"ResourceAwsEc2InstanceIamInstanceProfileArn":    {FilterString, "Resources[].Details.AwsEc2Instance.IamInstanceProfileArn"},
	"ResourceAwsEc2InstanceVpcId":                    {FilterString, "Resources[].Details.AwsEc2Instance.VpcId"},
	"ResourceAwsEc2InstanceSubnetId":                 {FilterString, "Resources[].Details.AwsEc2Instance.SubnetId"},
	"ResourceAwsS3BucketOwnerId":                     {FilterString, "Resources[].Details.AwsS3Bucket.OwnerId"},
	"ResourceAwsS3BucketOwnerName":                   {FilterString, "Resources[].Details.AwsS3Bucket.OwnerName"},
	"ResourceAwsIamAccessKeyUserName":                {FilterString, "Resources[].Details.AwsIamAccessKey.UserName"},
	"ResourceAwsIamAccessKeyPrincipalName":           {FilterString, "Resources[].Details.AwsIamAccessKey.PrincipalName"},
	"ResourceAwsIamAccessKeyStatus":                  {FilterString, "Resources[].Details.AwsIamAccessKey.Status"},
	"ResourceAwsIamUserUserName":                     {FilterString, "Resources[].Details.AwsIamUser.UserName"},
	"ResourceContainerName":                          {FilterString, "Resources[].Details.Container.Name"},
	"ResourceContainerImageId":                       {FilterString, "Resources[].Details.Container.ImageId"},
	"ResourceContainerImageName":                     {FilterString, "Resources[].Details.Container.ImageName"},
	"ComplianceStatus":                               {FilterString, "Compliance.Status"},
	"ComplianceSecurityControlId":                    {FilterString, "Compliance.SecurityControlId"},
	"ComplianceAssociatedStandardsId":                {FilterString, "Compliance.AssociatedStandards[].StandardsId"},
	"ComplianceSecurityControlParametersName":        {FilterString, "Compliance.SecurityControlParameters[].Name"},
	"ComplianceSecurityControlParametersValue":       {FilterString, "Compliance.SecurityControlParameters[].Value[]"},
	"VerificationState":                              {FilterString, "VerificationState"},
	"WorkflowState":                                  {FilterString, "WorkflowState"},
	"WorkflowStatus":                                 {FilterString, "Workflow.Status"},
	"RecordState":                                    {FilterString, "RecordState"},
	"RelatedFindingsProductArn":                      {FilterString, "RelatedFindings[].ProductArn"},
	"RelatedFindingsId":                              {FilterString, "RelatedFindings[].Id"},
	"NoteText":                                       {FilterString, "Note.Text"},
	"NoteUpdatedBy":                                  {FilterString, "Note.UpdatedBy"},
	"FindingProviderFieldsRelatedFindingsId":         {FilterString, "FindingProviderFields.RelatedFindings[].Id"},
	"FindingProviderFieldsRelatedFindingsProductArn": {FilterString, "FindingProviderFields.RelatedFindings[].ProductArn"},
	"FindingProviderFieldsSeverityLabel":             {FilterString, "FindingProviderFields.Severity.Label"},
	"FindingProviderFieldsSeverityOriginal":          {FilterString, "FindingProviderFields.Severity.Original"},
	"FindingProviderFieldsTypes":                     {FilterString, "FindingProviderFields.Types[]"},
	"VulnerabilitiesExploitAvailable":                {FilterString, "Vulnerabilities[].ExploitAvailable"},
	"VulnerabilitiesFixAvailable":                    {FilterString, "Vulnerabilities[].FixAvailable"},

	"FirstObservedAt":                    {FilterDate, "FirstObservedAt"},
	"LastObservedAt":                     {FilterDate, "LastObservedAt"},
	"CreatedAt":                          {FilterDate, "CreatedAt"},
	"UpdatedAt":                          {FilterDate, "UpdatedAt"},
	"ProcessLaunchedAt":                  {FilterDate, "Process.LaunchedAt"},
	"ProcessTerminatedAt":                {FilterDate, "Process.TerminatedAt"},
	"ThreatIntelIndicatorLastObservedAt": {FilterDate, "ThreatIntelIndicators[].LastObservedAt"},
	"ResourceAwsEc2InstanceLaunchedAt":   {FilterDate, "Resources[].Details.AwsEc2Instance.LaunchedAt"},
	"ResourceAwsIamAccessKeyCreatedAt":   {FilterDate, "Resources[].Details.AwsIamAccessKey.CreatedAt"},
	"ResourceContainerLaunchedAt":        {FilterDate, "Resources[].Details.Container.LaunchedAt"},
	"NoteUpdatedAt":                      {FilterDate, "Note.UpdatedAt"},

	"SeverityProduct":                  {FilterNumber, "Severity.Product"},
	"SeverityNormalized":               {FilterNumber, "Severity.Normalized"},
	"Confidence":                       {FilterNumber, "Confidence"},
	"Criticality":                      {FilterNumber, "Criticality"},
	"NetworkSourcePort":                {FilterNumber, "Network.SourcePort"},
	"NetworkDestinationPort":           {FilterNumber, "Network.DestinationPort"},
	"ProcessPid":                       {FilterNumber, "Process.Pid"},
	"ProcessParentPid":                 {FilterNumber, "Process.ParentPid"},
	"FindingProviderFieldsConfidence":  {FilterNumber, "FindingProviderFields.Confidence"},
	"FindingProviderFieldsCriticality": {FilterNumber, "FindingProviderFields.Criticality"},

	"ProductFields":        {FilterMap, "ProductFields"},
	"UserDefinedFields":    {FilterMap, "UserDefinedFields"},
	"ResourceTags":         {FilterMap, "Resources[].Tags"},
	"ResourceDetailsOther": {FilterMap, "Resources[].Details.Other"},

	"Sample": {FilterBoolean, "Sample"},

	"NetworkSourceIpV4":                   {FilterIP, "Network.SourceIpV4"},
	"NetworkSourceIpV6":                   {FilterIP, "Network.SourceIpV6"},
	"NetworkDestinationIpV4":              {FilterIP, "Network.DestinationIpV4"},
	"NetworkDestinationIpV6":              {FilterIP, "Network.DestinationIpV6"},
	"ResourceAwsEc2InstanceIpV4Addresses": {FilterIP, "Resources[].Details.AwsEc2Instance.IpV4Addresses[]"},
	"ResourceAwsEc2InstanceIpV6Addresses": {FilterIP, "Resources[].Details.AwsEc2Instance.IpV6Addresses[]"},

	"Keyword": {FilterKeyword, ""},
}

// FilterKindOf returns the kind of a filter member; ok is false for a
// name AwsSecurityFindingFilters does not have.
func FilterKindOf(name string) (FilterKind, bool) {
	f, ok := fields[name]
	return f.kind, ok
}

// segment is one step of a path.
type segment struct {
	name string
	each bool
}

// parsePath splits a field path into its segments.
func parsePath(path string) []segment {
	parts := strings.Split(path, ".")
	out := make([]segment, len(parts))
	for i, p := range parts {
		name, each := strings.CutSuffix(p, "[]")
		out[i] = segment{name: name, each: each}
	}
	return out
}

// valuesAt returns the values at a path of a JSON document (maps, lists,
// strings, float64s, bools), walking every element of the lists it marks.
func valuesAt(doc any, path []segment) []any {
	if len(path) == 0 {
		if doc == nil {
			return nil
		}
		return []any{doc}
	}
	m, ok := doc.(map[string]any)
	if !ok {
		return nil
	}
	child, ok := m[path[0].name]
	if !ok {
		return nil
	}
	if !path[0].each {
		return valuesAt(child, path[1:])
	}
	list, _ := child.([]any)
	var out []any
	for _, el := range list {
		out = append(out, valuesAt(el, path[1:])...)
	}
	return out
}
