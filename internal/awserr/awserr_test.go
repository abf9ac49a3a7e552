package awserr

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCodes_EveryConstantHasAStatus parses codes.go so that a code added
// without a status fails here instead of silently answering 400.
func TestCodes_EveryConstantHasAStatus(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", nil, 0)
	require.NoError(t, err)
	n := 0
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for _, v := range vs.Values {
				code, err := strconv.Unquote(v.(*ast.BasicLit).Value)
				require.NoError(t, err)
				status, ok := statuses[code]
				require.True(t, ok, "code %s has no status in the table", code)
				require.GreaterOrEqual(t, status, 400, code)
				require.Less(t, status, 600, code)
				n++
			}
		}
	}
	require.Equal(t, len(statuses), n, "the status table has codes that are not declared constants")
}

func TestError_StatusAndMatching(t *testing.T) {
	err := New(NoSuchConfigRuleException, "rule %q not found", "r")
	require.Equal(t, 400, err.HTTPStatus())
	require.True(t, Is(err, NoSuchConfigRuleException))
	require.False(t, Is(err, ValidationException))
	require.Equal(t, 500, New(InternalServerError, "x").HTTPStatus())
	require.Equal(t, `NoSuchConfigRuleException: rule "r" not found`, err.Error())
}
