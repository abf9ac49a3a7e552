package awsproto

import (
	"bytes"
	"context"
	"encoding/xml"
	"net/url"
)

// QueryHandler serves one Query-protocol operation: it gets the form values
// and returns the value encoded as the <Action>Result element.
type QueryHandler func(ctx context.Context, req *Request, form url.Values) (any, error)

// QueryService is a service spoken in the AWS Query protocol (form body with
// Action=…, XML responses), told apart by its SigV4 signing name.
type QueryService struct {
	// SigningName is the SigV4 service name ("sts").
	SigningName string
	// XMLNamespace is the namespace of response documents.
	XMLNamespace string
	// Operations maps Action names to handlers.
	Operations map[string]QueryHandler
	// EC2 selects the EC2 flavour of the protocol: the result's members
	// directly under <ActionResponse> with a <requestId>, and errors as
	// <Response><Errors><Error>.
	EC2 bool
}

// encodeResult renders a result document in the service's flavour.
func (q *QueryService) encodeResult(action, requestID string, result any) ([]byte, error) {
	if !q.EC2 {
		return encodeQueryResult(q.XMLNamespace, action, requestID, result)
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	enc := xml.NewEncoder(&b)
	start := xml.StartElement{Name: xml.Name{Local: action + "Response"},
		Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: q.XMLNamespace}}}
	if err := enc.EncodeElement(result, start); err != nil {
		return nil, err
	}
	if err := enc.Flush(); err != nil {
		return nil, err
	}
	// The request id goes first inside the root element.
	doc := b.Bytes()
	head := bytes.Index(doc, []byte("<"+action+"Response"))
	end := head + bytes.IndexByte(doc[head:], '>')
	var id bytes.Buffer
	id.WriteString("<requestId>")
	xml.EscapeText(&id, []byte(requestID))
	id.WriteString("</requestId>")
	if doc[end-1] == '/' { // an empty result: <XResponse .../>
		out := append([]byte{}, doc[:end-1]...)
		out = append(out, '>')
		out = append(out, id.Bytes()...)
		return append(out, []byte("</"+action+"Response>")...), nil
	}
	out := append([]byte{}, doc[:end+1]...)
	out = append(out, id.Bytes()...)
	return append(out, doc[end+1:]...), nil
}

// encodeError renders an error document in the service's flavour (q may
// be nil: no service was found).
func (q *QueryService) encodeError(code, message, requestID string, fault bool) []byte {
	if q == nil || !q.EC2 {
		ns := ""
		if q != nil {
			ns = q.XMLNamespace
		}
		return encodeQueryError(ns, code, message, requestID, fault)
	}
	out, _ := xml.Marshal(ec2ErrorBody{Code: code, Message: message, RequestID: requestID})
	return append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"), out...)
}

type ec2ErrorBody struct {
	XMLName   xml.Name `xml:"Response"`
	Code      string   `xml:"Errors>Error>Code"`
	Message   string   `xml:"Errors>Error>Message"`
	RequestID string   `xml:"RequestID"`
}

func encodeQueryResult(ns, action, requestID string, result any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<` + action + `Response xmlns="` + ns + `">`)
	enc := xml.NewEncoder(&b)
	if err := enc.EncodeElement(result, xml.StartElement{Name: xml.Name{Local: action + "Result"}}); err != nil {
		return nil, err
	}
	if err := enc.Flush(); err != nil {
		return nil, err
	}
	b.WriteString(`<ResponseMetadata><RequestId>` + requestID + `</RequestId></ResponseMetadata>`)
	b.WriteString(`</` + action + `Response>`)
	return b.Bytes(), nil
}

type queryErrorBody struct {
	XMLName   xml.Name `xml:"ErrorResponse"`
	Xmlns     string   `xml:"xmlns,attr,omitempty"`
	Type      string   `xml:"Error>Type"`
	Code      string   `xml:"Error>Code"`
	Message   string   `xml:"Error>Message"`
	RequestID string   `xml:"RequestId"`
}

func encodeQueryError(ns, code, message, requestID string, fault bool) []byte {
	typ := "Sender"
	if fault {
		typ = "Receiver"
	}
	out, _ := xml.Marshal(queryErrorBody{Xmlns: ns, Type: typ, Code: code, Message: message, RequestID: requestID})
	return append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"), out...)
}
