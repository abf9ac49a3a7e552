package s3

import "github.com/salvehq/salve/internal/sandbox/s3"

// tagXML is a Tag element; Key and Value are both required.
type tagXML struct {
	Key   *string `xml:"Key"`
	Value *string `xml:"Value"`
}

// domainTags converts Tag elements; a tag without Key or Value is
// malformed.
func domainTags(in []tagXML) ([]s3.Tag, error) {
	out := make([]s3.Tag, 0, len(in))
	for _, t := range in {
		if t.Key == nil || t.Value == nil {
			return nil, s3.Err(s3.CodeMalformedXML)
		}
		out = append(out, s3.Tag{Key: *t.Key, Value: *t.Value})
	}
	return out, nil
}

// tagResult is a Tag element of a response.
type tagResult struct {
	Key   string `xml:"Key"`
	Value string `xml:"Value"`
}
