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
