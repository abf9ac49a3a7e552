package s3

import (
	"context"
	"net/http"
	"strconv"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

var _ = register(http.MethodGet, levelBucket, "", "ListObjects", (*api).listObjects)

// listObjectsResult is ListBucketResult of ListObjects (v1) and
// ListObjectsV2 (list-type=2); the sandbox holds no objects, so it lists
// none.
type listObjectsResult struct {
	Name              string  `xml:"Name"`
	Prefix            string  `xml:"Prefix"`
	Marker            *string `xml:"Marker"`
	Delimiter         string  `xml:"Delimiter,omitempty"`
	MaxKeys           int     `xml:"MaxKeys"`
	KeyCount          *int    `xml:"KeyCount"`
	IsTruncated       bool    `xml:"IsTruncated"`
	StartAfter        string  `xml:"StartAfter,omitempty"`
	ContinuationToken string  `xml:"ContinuationToken,omitempty"`
	EncodingType      string  `xml:"EncodingType,omitempty"`
}

// listObjects answers ListObjects and ListObjectsV2 for a bucket the
// caller owns: always empty (objects are not emulated).
func (a *api) listObjects(ctx context.Context, q *request) (*response, error) {
	if _, err := a.S3.Bucket(ctx, q.ref()); err != nil {
		return nil, err
	}
	out := listObjectsResult{Name: q.bucket, Prefix: q.query.Get("prefix"), Delimiter: q.query.Get("delimiter"),
		MaxKeys: 1000}
	if v := q.query.Get("max-keys"); q.query.Has("max-keys") {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return nil, &s3.ArgumentError{Err: s3.Errf(s3.CodeInvalidArgument,
				"Provided max-keys not an integer or within integer range"), Name: "max-keys", Value: v}
		}
		out.MaxKeys = n
	}
	out.EncodingType = q.query.Get("encoding-type")
	if out.EncodingType != "" && out.EncodingType != "url" {
		return nil, &s3.ArgumentError{Err: s3.Errf(s3.CodeInvalidArgument,
			"Invalid Encoding Method specified in Request"), Name: "encoding-type", Value: out.EncodingType}
	}
	if q.query.Get("list-type") == "2" {
		zero := 0
		out.KeyCount, out.StartAfter = &zero, q.query.Get("start-after")
		out.ContinuationToken = q.query.Get("continuation-token")
	} else {
		marker := q.query.Get("marker")
		out.Marker = &marker
	}
	return xmlDoc("ListBucketResult", out), nil
}
