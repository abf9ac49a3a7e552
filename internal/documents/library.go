package documents

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// libraryFS holds Salve's runbook library: read-only Automation documents
// owned by Amazon and visible to every account and Region. They are written
// for Salve, with the names, parameters and behaviour of AWS's documents.
//
//go:embed library/*.yaml
var libraryFS embed.FS

// LibraryCreated is the CreatedDate of every library document.
var LibraryCreated = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// libraryTargetTypes gives each library document the TargetType AWS gives
// its document of that name ("" = none).
var libraryTargetTypes = map[string]string{
	"AWS-AttachIAMPolicy":                                    "/AWS::IAM::Role",
	"AWS-ConfigureS3BucketEncryption":                        "/AWS::S3::Bucket",
	"AWS-ConfigureS3BucketVersioning":                        "/AWS::S3::Bucket",
	"AWS-DisablePublicAccessForSecurityGroup":                "/AWS::EC2::SecurityGroup",
	"AWS-DisableS3BucketPublicReadWrite":                     "/AWS::S3::Bucket",
	"AWS-EnableCloudTrail":                                   "",
	"AWS-EnableEBSVolumeEncryption":                          "/AWS::EC2::Volume",
	"AWS-EnableS3BucketEncryption":                           "/AWS::S3::Bucket",
	"AWS-EnableVPCFlowLogs":                                  "",
	"AWS-PublishSNSNotification":                             "/AWS::SNS::Topic",
	"AWS-StopEC2Instance":                                    "/AWS::EC2::Instance",
	"AWSConfigRemediation-EnableCloudTrailLogFileValidation": "/AWS::CloudTrail::Trail",
	"AWSConfigRemediation-EnableEbsEncryptionByDefault":      "/AWS::::Account",
}

// library returns the parsed library, by name. The files are compiled in
// and checked by tests, so a broken one is a programming error.
var library = sync.OnceValue(func() map[string]*Document {
	lib, err := loadLibrary()
	if err != nil {
		panic(err)
	}
	return lib
})

// loadLibrary parses and validates every embedded runbook.
func loadLibrary() (map[string]*Document, error) {
	entries, err := libraryFS.ReadDir("library")
	if err != nil {
		return nil, fmt.Errorf("read runbook library: %w", err)
	}
	lib := make(map[string]*Document, len(entries))
	for _, e := range entries {
		d, err := loadLibraryDocument(e.Name())
		if err != nil {
			return nil, err
		}
		lib[d.Name] = d
	}
	return lib, nil
}

// loadLibraryDocument reads one embedded runbook.
func loadLibraryDocument(file string) (*Document, error) {
	name := strings.TrimSuffix(file, path.Ext(file))
	target, ok := libraryTargetTypes[name]
	if !ok {
		return nil, fmt.Errorf("runbook library: %s has no entry in libraryTargetTypes", file)
	}
	b, err := libraryFS.ReadFile("library/" + file)
	if err != nil {
		return nil, fmt.Errorf("runbook library: %w", err)
	}
	content := string(b)
	a, err := analyse(content, TypeAutomation, FormatYAML)
	if err != nil {
		return nil, fmt.Errorf("runbook library: %s: %w", file, err)
	}
	return &Document{Name: name, Owner: OwnerAmazon, DocumentType: TypeAutomation, DocumentVersion: "1",
		Content: content, Format: FormatYAML, SchemaVersion: a.SchemaVersion, Description: a.Description,
		Parameters: a.Parameters, PlatformTypes: a.PlatformTypes, Hash: hashOf(content),
		CreatedDate: LibraryCreated, Status: StatusActive, TargetType: target,
		LatestVersion: "1", DefaultVersion: "1"}, nil
}

// libraryDocument returns the library document of that name, if any.
func libraryDocument(name string) (*Document, bool) {
	d, ok := library()[name]
	return d, ok
}

// libraryDocuments returns copies of every library document.
func libraryDocuments() []*Document {
	lib := library()
	out := make([]*Document, 0, len(lib))
	for _, d := range lib {
		c := *d
		out = append(out, &c)
	}
	return out
}

// LibraryNames lists the names of the library documents, sorted.
func LibraryNames() []string {
	names := make([]string, 0, len(library()))
	for n := range library() {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// selectLibrary applies a selector to a library document (all version 1).
func selectLibrary(d *Document, sel Selector) (*Document, error) {
	switch sel.Version {
	case "", VersionDefault, VersionLatest, "1":
	default:
		return nil, errNoVersion()
	}
	if sel.VersionName != "" && sel.VersionName != d.VersionName {
		return nil, errNoVersion()
	}
	c := *d
	return &c, nil
}
