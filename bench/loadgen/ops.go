package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
)

// Seeded data the reads pick from, and the names writes cycle over. moto
// allows 150 Config rules per account and region, so readRules +
// putRuleNames stays below that; Salve allows 1000.
const (
	readRules    = 50
	readDocs     = 50
	putRuleNames = 90
)

func readRuleName(i int) string { return fmt.Sprintf("bench-read-%03d", i) }
func readDocName(i int) string  { return fmt.Sprintf("bench-doc-%03d", i) }

// ruleBody is a PutConfigRule request for a managed rule both Salve and
// moto know.
func ruleBody(name string) []byte {
	return mustJSON(map[string]any{"ConfigRule": map[string]any{
		"ConfigRuleName": name,
		"Description":    "load generator rule",
		"Scope":          map[string]any{"ComplianceResourceTypes": []string{"AWS::S3::Bucket"}},
		"Source":         map[string]any{"Owner": "AWS", "SourceIdentifier": "S3_BUCKET_VERSIONING_ENABLED"},
	}})
}

// docContent is a small Automation runbook (JSON), as a string member.
var docContent = string(mustJSON(map[string]any{
	"schemaVersion": "0.3",
	"description":   "load generator runbook",
	"parameters": map[string]any{
		"InstanceId": map[string]any{"type": "String", "description": "instance to act on"},
	},
	"mainSteps": []any{map[string]any{
		"name": "Wait", "action": "aws:sleep", "inputs": map[string]any{"Duration": "PT1S"},
	}},
}))

// createDocTail is the CreateDocument body after the name, encoded once.
var createDocTail = func() []byte {
	b := mustJSON(map[string]any{"Content": docContent, "DocumentType": "Automation", "DocumentFormat": "JSON"})
	return b[1:] // without the opening brace
}()

// createDocBody builds a CreateDocument request; name is [A-Za-z0-9_.-] so
// it needs no escaping.
func createDocBody(name string) []byte {
	b := make([]byte, 0, len(name)+len(createDocTail)+16)
	b = append(b, `{"Name":"`...)
	b = append(b, name...)
	b = append(b, `",`...)
	return append(b, createDocTail...)
}

// Request bodies that do not change, encoded once so that the generator
// spends its CPU on sending, not on encoding.
var (
	describeRuleBodies = bodies(readRules, func(i int) any {
		return map[string]any{"ConfigRuleNames": []string{readRuleName(i)}}
	})
	getDocBodies  = bodies(readDocs, func(i int) any { return map[string]string{"Name": readDocName(i)} })
	putRuleBodies = func() [][]byte {
		out := make([][]byte, putRuleNames)
		for i := range out {
			out[i] = ruleBody(fmt.Sprintf("bench-put-%03d", i))
		}
		return out
	}()
)

func bodies(n int, f func(int) any) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = mustJSON(f(i))
	}
	return out
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// mix is the share (in percent) of each kind of operation.
type mix struct{ describeRule, getDoc, putRule, docWrite int }

var mixes = map[string]mix{
	"read":  {describeRule: 50, getDoc: 50},
	"write": {putRule: 50, docWrite: 50},
	"mixed": {describeRule: 40, getDoc: 40, putRule: 10, docWrite: 10},
}

// worker is one connection's request loop state.
type worker struct {
	id      int
	c       *client
	rng     *rand.Rand
	mix     mix
	runID   string
	seq     int
	pending string         // a document this worker created and deletes next
	putSeq  *atomic.Uint64 // shared: spreads overwrites over all names
}

// next sends one request of the mix and returns the operation's name.
func (w *worker) next(ctx context.Context) (string, error) {
	r := w.rng.IntN(100)
	switch {
	case r < w.mix.describeRule:
		i := w.rng.IntN(readRules)
		return "DescribeConfigRules", w.describeRule(ctx, readRuleName(i), describeRuleBodies[i])
	case r < w.mix.describeRule+w.mix.getDoc:
		_, err := w.c.call(ctx, ssmService, "GetDocument", getDocBodies[w.rng.IntN(readDocs)])
		return "GetDocument", err
	case r < w.mix.describeRule+w.mix.getDoc+w.mix.putRule:
		_, err := w.c.call(ctx, configService, "PutConfigRule", putRuleBodies[w.putSeq.Add(1)%putRuleNames])
		return "PutConfigRule", err
	default:
		return w.docWrite(ctx)
	}
}

// describeRule reads one rule by name and checks the answer names it.
func (w *worker) describeRule(ctx context.Context, name string, body []byte) error {
	out, err := w.c.call(ctx, configService, "DescribeConfigRules", body)
	if err != nil {
		return err
	}
	var resp struct {
		ConfigRules []struct{ ConfigRuleName string }
	}
	if err := json.Unmarshal(out, &resp); err != nil || len(resp.ConfigRules) != 1 || resp.ConfigRules[0].ConfigRuleName != name {
		return fmt.Errorf("DescribeConfigRules %s: unexpected answer %.200s", name, out)
	}
	return nil
}

// docWrite alternates CreateDocument of a fresh name with DeleteDocument of
// that name, so the account's document count stays bounded (Salve allows
// 500 documents per account) while every call is a durable write.
func (w *worker) docWrite(ctx context.Context) (string, error) {
	if w.pending != "" {
		name := w.pending
		w.pending = ""
		_, err := w.c.call(ctx, ssmService, "DeleteDocument", mustJSON(map[string]string{"Name": name}))
		return "DeleteDocument", err
	}
	w.seq++
	name := fmt.Sprintf("bench-tmp-%s-%d-%d", w.runID, w.id, w.seq)
	_, err := w.c.call(ctx, ssmService, "CreateDocument", createDocBody(name))
	if err == nil {
		w.pending = name
	}
	return "CreateDocument", err
}
