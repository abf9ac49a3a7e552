package s3

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"net/http"
	"time"
)

// response is an operation's answer: a status, headers, and an XML
// document (root element name and value) or a raw body.
type response struct {
	status      int
	header      http.Header
	root        string
	doc         any
	raw         []byte
	contentType string
}

// ok returns an empty 200 answer.
func ok() *response { return &response{status: http.StatusOK} }

// noContent returns a 204 answer.
func noContent() *response { return &response{status: http.StatusNoContent} }

// xmlDoc returns a 200 answer carrying the XML document root.
func xmlDoc(root string, doc any) *response {
	return &response{status: http.StatusOK, root: root, doc: doc}
}

// withHeader adds a response header.
func (resp *response) withHeader(name, value string) *response {
	if resp.header == nil {
		resp.header = http.Header{}
	}
	resp.header.Set(name, value)
	return resp
}

// encode returns the answer's body and content type.
func (resp *response) encode() ([]byte, string, error) {
	if resp.doc == nil {
		return resp.raw, resp.contentType, nil
	}
	body, err := encodeXML(resp.root, resp.doc)
	return body, "application/xml", err
}

// write sends the answer with its encoded body; a HEAD answer has no body.
func (resp *response) write(w http.ResponseWriter, r *http.Request, body []byte, contentType, requestID string) {
	h := w.Header()
	for k, v := range resp.header {
		h[k] = v
	}
	setRequestHeaders(h, requestID)
	if len(body) > 0 {
		h.Set("Content-Type", contentType)
	}
	w.WriteHeader(resp.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// setRequestHeaders sets S3's request id headers (x-amz-request-id and
// x-amz-id-2, the "host id").
func setRequestHeaders(h http.Header, requestID string) {
	h.Set("X-Amz-Request-Id", requestID)
	h.Set("X-Amz-Id-2", hostID(requestID))
}

// hostID returns the x-amz-id-2 / HostId of a request.
func hostID(requestID string) string {
	return base64.StdEncoding.EncodeToString([]byte("salve/" + requestID))
}

// encodeXML renders a document with S3's namespace on its root element.
func encodeXML(root string, doc any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	start := xml.StartElement{Name: xml.Name{Local: root},
		Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: XMLNamespace}}}
	if err := enc.EncodeElement(doc, start); err != nil {
		return nil, fmt.Errorf("encode %s: %w", root, err)
	}
	if err := enc.Flush(); err != nil {
		return nil, fmt.Errorf("encode %s: %w", root, err)
	}
	return b.Bytes(), nil
}

// timestamp formats a time as S3 does in XML: ISO 8601, UTC, milliseconds.
func timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }
