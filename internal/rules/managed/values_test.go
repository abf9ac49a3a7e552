package managed

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

func TestNumber(t *testing.T) {
	t.Parallel()
	for _, v := range []any{float64(22), float32(22), 22, int32(22), int64(22), json.Number("22"), "22"} {
		n, ok := number(v)
		require.True(t, ok, "%T", v)
		require.Equal(t, float64(22), n, "%T", v)
	}
	for _, v := range []any{nil, "x", true, json.Number("x"), []any{}} {
		_, ok := number(v)
		require.False(t, ok, "%T %v", v, v)
	}
}

func TestScalars(t *testing.T) {
	t.Parallel()
	require.True(t, boolean(true))
	require.True(t, boolean("true"))
	require.False(t, boolean("True"))
	require.False(t, boolean(1))
	require.False(t, boolean(nil))
	require.Equal(t, "1.2", text(1.2))
	require.Equal(t, "false", text(false))
	require.Equal(t, "x", text("x"))
	require.Equal(t, "", text(map[string]any{}))
	require.Equal(t, "b", path(map[string]any{"a": map[string]any{"b": "b"}}, "a", "b"))
	require.Nil(t, path(map[string]any{"a": "not an object"}, "a", "b"))
	require.Equal(t, []string{"a", "1"}, stringsOf([]any{"a", 1, nil, map[string]any{}}))
}

func TestJoinList(t *testing.T) {
	t.Parallel()
	require.Equal(t, "", joinList(nil))
	require.Equal(t, "a", joinList([]string{"a"}))
	require.Equal(t, "a and b", joinList([]string{"a", "b"}))
	require.Equal(t, "a, b and c", joinList([]string{"a", "b", "c"}))
}

func TestItemHelpers(t *testing.T) {
	t.Parallel()
	empty := &configitem.Item{ResourceType: bucketType, ResourceID: "b"}
	require.NotNil(t, configuration(empty))
	require.Equal(t, "arn:aws:s3:::b", bucketARN(empty))
	require.Nil(t, supplementary(empty, "BucketPolicy"))
	require.Equal(t, "x", firstNonEmpty("", "x"))
	require.Equal(t, "", firstNonEmpty())
	require.Equal(t, "main", trail{raw: map[string]any{"Name": "main"}}.id(), "a trail without an ARN is named")
}
