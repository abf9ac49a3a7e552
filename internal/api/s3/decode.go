package s3

import (
	"bytes"
	"crypto/md5"
	"encoding/base64"
	"encoding/xml"
	"io"
	"net/http"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

// decodeXML decodes a request document whose root element must be root;
// anything not well-formed (or another root) is malformed (code).
func decodeXML(body []byte, root string, v any, code string) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := d.Token()
		if err != nil {
			return s3.Err(code)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if start.Name.Local != root || d.DecodeElement(v, &start) != nil {
			return s3.Err(code)
		}
		break
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return s3.Err(code)
		}
		if _, ok := tok.(xml.StartElement); ok {
			return s3.Err(code)
		}
	}
}

// requireBody decodes a document an operation cannot do without.
func requireBody(q *request, root string, v any) error {
	if !q.hasBody() {
		return s3.Err(s3.CodeMissingRequestBody)
	}
	return decodeXML(q.body, root, v, s3.CodeMalformedXML)
}

// checkContentMD5 verifies a Content-MD5 header against the body.
func checkContentMD5(r *http.Request, body []byte) error {
	h := r.Header.Get("Content-MD5")
	if h == "" {
		return nil
	}
	want, err := base64.StdEncoding.DecodeString(h)
	if err != nil || len(want) != md5.Size {
		return s3.Err(s3.CodeInvalidDigest)
	}
	if got := md5.Sum(body); !bytes.Equal(got[:], want) {
		return s3.Err(s3.CodeBadDigest)
	}
	return nil
}
