package s3

import (
	"context"
	"net/http"
	"strconv"

	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/sandbox/s3"
)

var _ = register(http.MethodGet, levelService, "", "ListBuckets", (*api).listBuckets)

// maxBuckets is the largest max-buckets ListBuckets takes.
const maxBuckets = 10000

type listBucketsResult struct {
	Owner             owner          `xml:"Owner"`
	Buckets           []bucketResult `xml:"Buckets>Bucket"`
	ContinuationToken string         `xml:"ContinuationToken,omitempty"`
	Prefix            string         `xml:"Prefix,omitempty"`
}

type owner struct {
	ID string `xml:"ID"`
}

type bucketResult struct {
	Name         string `xml:"Name"`
	CreationDate string `xml:"CreationDate"`
	BucketRegion string `xml:"BucketRegion,omitempty"`
}

// listBuckets lists the caller's buckets of every region, in name order.
// BucketRegion is answered when the request has a listing parameter, as
// S3 does.
func (a *api) listBuckets(ctx context.Context, q *request) (*response, error) {
	p, err := listBucketsParams(q)
	if err != nil {
		return nil, err
	}
	buckets, more, err := a.S3.ListBuckets(ctx, p)
	if err != nil {
		return nil, err
	}
	withRegion := q.query.Has("max-buckets") || q.query.Has("continuation-token") ||
		q.query.Has("prefix") || q.query.Has("bucket-region")
	out := listBucketsResult{Owner: owner{ID: s3.CanonicalUserID(q.caller.AccountID)}, Prefix: p.Prefix,
		Buckets: []bucketResult{}}
	for _, b := range buckets {
		br := bucketResult{Name: b.Name, CreationDate: timestamp(b.CreationDate)}
		if withRegion {
			br.BucketRegion = b.Region
		}
		out.Buckets = append(out.Buckets, br)
	}
	if more {
		out.ContinuationToken = pagetoken.Encode("s3-list-buckets", buckets[len(buckets)-1].Name)
	}
	return xmlDoc("ListAllMyBucketsResult", out), nil
}

// listBucketsParams decodes ListBuckets' query parameters.
func listBucketsParams(q *request) (s3.ListBucketsParams, error) {
	p := s3.ListBucketsParams{AccountID: q.caller.AccountID, Prefix: q.query.Get("prefix"),
		BucketRegion: q.query.Get("bucket-region"), Max: maxBuckets}
	if v := q.query.Get("max-buckets"); q.query.Has("max-buckets") {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxBuckets {
			return p, &s3.ArgumentError{Err: s3.Errf(s3.CodeInvalidArgument,
				"Argument max-buckets must be an integer between 1 and %d", maxBuckets), Name: "max-buckets", Value: v}
		}
		p.Max = n
	}
	if tok := q.query.Get("continuation-token"); tok != "" {
		after, err := pagetoken.Decode("s3-list-buckets", tok)
		if err != nil {
			return p, &s3.ArgumentError{Err: s3.Errf(s3.CodeInvalidArgument,
				"The continuation token provided is incorrect"), Name: "continuation-token", Value: tok}
		}
		p.After = after
	}
	return p, nil
}
