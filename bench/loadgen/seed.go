package main

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// seed creates the rules and documents the reads pick from (an existing
// document is kept) and checks that each one reads back, so a peer that
// answers 200 without doing the work is caught before it is measured.
func seed(ctx context.Context, c *client) error {
	for i := range readRules {
		if _, err := c.call(ctx, configService, "PutConfigRule", ruleBody(readRuleName(i))); err != nil {
			return fmt.Errorf("seed rule %s: %w", readRuleName(i), err)
		}
	}
	for i := range readDocs {
		_, err := c.call(ctx, ssmService, "CreateDocument", createDocBody(readDocName(i)))
		var ae *apiError
		if err != nil && !(errors.As(err, &ae) && ae.Code == "DocumentAlreadyExists") {
			return fmt.Errorf("seed document %s: %w", readDocName(i), err)
		}
	}
	w := &worker{c: c}
	for i := range readRules {
		if err := w.describeRule(ctx, readRuleName(i), describeRuleBodies[i]); err != nil {
			return fmt.Errorf("read back: %w", err)
		}
	}
	for i := range readDocs {
		if _, err := c.call(ctx, ssmService, "GetDocument", getDocBodies[i]); err != nil {
			return fmt.Errorf("read back document %s: %w", readDocName(i), err)
		}
	}
	fmt.Fprintf(os.Stderr, "seeded %d rules and %d documents at %s\n", readRules, readDocs, c.endpoint)
	return nil
}
