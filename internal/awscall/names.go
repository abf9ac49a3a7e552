package awscall

import (
	"context"
	"reflect"
	"strings"
	"sync"

	"github.com/salvehq/salve/internal/automation/engine"
)

// serviceAliases maps other spellings of a service (SDK package names,
// signing names) to its boto3 client name.
var serviceAliases = map[string]string{
	"configservice":  "config",
	"cloudwatchlogs": "logs",
	"awslambda":      "lambda",
	"sfn":            "stepfunctions",
}

// ServiceName returns the boto3 client name of service: lower-cased, with
// SDK package names ("configservice", "cloudwatchlogs") mapped to boto3's
// ("config", "logs").
func ServiceName(service string) string {
	s := strings.ToLower(strings.TrimSpace(service))
	if alias, ok := serviceAliases[s]; ok {
		return alias
	}
	return s
}

// operationKey is the case- and underscore-insensitive form of an
// operation name: boto3's snake_case loses the SDK's acronym casing
// (describe_db_instances vs DescribeDBInstances), so names are compared by
// this key.
func operationKey(api string) string {
	return strings.ToLower(strings.ReplaceAll(engine.NormalizeAPI(api), "_", ""))
}

// operation is one SDK client method: func(ctx, *In, ...optFns) (*Out, error).
type operation struct {
	Name   string
	Input  reflect.Type // the input struct type (not a pointer)
	Output reflect.Type // the output struct type (not a pointer)
}

var (
	contextType = reflect.TypeFor[context.Context]()
	errorType   = reflect.TypeFor[error]()
	opIndexes   sync.Map // reflect.Type (client pointer) → map[string]operation
)

// findOperation returns the method of clientType (a *Client type) named
// api in any spelling.
func findOperation(clientType reflect.Type, api string) (operation, bool) {
	idx, ok := opIndexes.Load(clientType)
	if !ok {
		idx, _ = opIndexes.LoadOrStore(clientType, indexOperations(clientType))
	}
	op, ok := idx.(map[string]operation)[operationKey(api)]
	return op, ok
}

// indexOperations lists the methods of clientType shaped like operations.
func indexOperations(clientType reflect.Type) map[string]operation {
	out := map[string]operation{}
	for i := range clientType.NumMethod() {
		m := clientType.Method(i)
		if op, ok := asOperation(m); ok {
			out[strings.ToLower(m.Name)] = op
		}
	}
	return out
}

// asOperation reports whether m is func(recv, ctx, *In, ...opt) (*Out, error).
func asOperation(m reflect.Method) (operation, bool) {
	t := m.Type
	if t.NumIn() != 4 || !t.IsVariadic() || t.NumOut() != 2 || t.Out(1) != errorType {
		return operation{}, false
	}
	if t.In(1) != contextType || t.In(2).Kind() != reflect.Pointer || t.Out(0).Kind() != reflect.Pointer {
		return operation{}, false
	}
	in, out := t.In(2).Elem(), t.Out(0).Elem()
	if in.Kind() != reflect.Struct || out.Kind() != reflect.Struct {
		return operation{}, false
	}
	return operation{Name: m.Name, Input: in, Output: out}, true
}

// outputNames maps, per service, the SDK field names of output members
// whose model (and so boto3) name is not the field name: aws-sdk-go-v2
// capitalises every member, while a few models name members in
// lowerCamel. Only top-level members are listed; add more as runbooks and
// managed rules need them.
var outputNames = map[string]map[string]string{
	"cloudtrail": {"TrailList": "trailList"},
}

// renameOutput gives an encoded output's top-level members their boto3
// names.
func renameOutput(service string, out map[string]any) {
	for field, name := range outputNames[service] {
		if v, ok := out[field]; ok {
			delete(out, field)
			out[name] = v
		}
	}
}
