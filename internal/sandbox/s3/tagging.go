package s3

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/salvehq/salve/internal/store"
)

// Tag limits of a bucket.
const (
	maxTags        = 50
	maxTagKeyLen   = 128
	maxTagValueLen = 256
)

// PutTagging replaces the bucket's tag set; an empty set removes it.
func (s *Service) PutTagging(ctx context.Context, ref Ref, tags []Tag) error {
	return s.mutate(ctx, ref, func(_ store.Tx, b *Bucket) error {
		if err := validateTags(tags); err != nil {
			return err
		}
		b.Tags = nil
		if len(tags) > 0 {
			b.Tags = append([]Tag(nil), tags...)
		}
		return nil
	})
}

// Tagging returns the bucket's tag set, or NoSuchTagSet.
func (s *Service) Tagging(ctx context.Context, ref Ref) ([]Tag, error) {
	b, err := s.Bucket(ctx, ref)
	if err != nil {
		return nil, err
	}
	if len(b.Tags) == 0 {
		return nil, Err(CodeNoSuchTagSet)
	}
	return b.Tags, nil
}

// DeleteTagging removes the bucket's tag set.
func (s *Service) DeleteTagging(ctx context.Context, ref Ref) error {
	return s.mutate(ctx, ref, func(_ store.Tx, b *Bucket) error {
		b.Tags = nil
		return nil
	})
}

// validateTags checks a tag set as S3 does (InvalidTag).
func validateTags(tags []Tag) error {
	if len(tags) > maxTags {
		return Errf(CodeInvalidTag, "Bucket tag count cannot be greater than %d", maxTags)
	}
	seen := make(map[string]bool, len(tags))
	for _, t := range tags {
		if err := validateTag(t); err != nil {
			return err
		}
		if seen[t.Key] {
			return Errf(CodeInvalidTag, "Cannot provide multiple Tags with the same key")
		}
		seen[t.Key] = true
	}
	return nil
}

func validateTag(t Tag) error {
	switch {
	case strings.HasPrefix(strings.ToLower(t.Key), "aws:"):
		return Errf(CodeInvalidTag, "System tags cannot be added/updated by requester")
	case utf8.RuneCountInString(t.Key) > maxTagKeyLen:
		return Errf(CodeInvalidTag, "The TagKey you have provided is too long, max %d", maxTagKeyLen)
	case utf8.RuneCountInString(t.Value) > maxTagValueLen:
		return Errf(CodeInvalidTag, "The TagValue you have provided is too long, max %d", maxTagValueLen)
	case t.Key == "" || !validTagText(t.Key):
		return Errf(CodeInvalidTag, "The TagKey you have provided is invalid")
	case !validTagText(t.Value):
		return Errf(CodeInvalidTag, "The TagValue you have provided is invalid")
	}
	return nil
}

// validTagText reports whether s holds only what tags allow: letters,
// digits, white space and + - = . _ : / @.
func validTagText(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsSpace(r) && !strings.ContainsRune("+-=._:/@", r) {
			return false
		}
	}
	return utf8.ValidString(s)
}
