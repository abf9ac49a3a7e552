package memstore_test

import (
	"testing"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/memstore"
	"github.com/salvehq/salve/internal/store/storetest"
)

func TestStore_Conformance(t *testing.T) {
	t.Parallel()
	storetest.Run(t, func(t *testing.T) store.Store { return memstore.New() })
}
