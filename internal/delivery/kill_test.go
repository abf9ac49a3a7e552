package delivery_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/delivery"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// Environment of the child process of TestService_SurvivesKill.
const (
	killChildDB  = "SALVE_DELIVERY_KILL_DB"
	killChildURL = "SALVE_DELIVERY_KILL_URL"
)

// TestService_SurvivesKill enqueues in a child process that starts
// POSTing, kills it with SIGKILL while the endpoint holds the first POST,
// and delivers from the same SQLite file: once the dead process's claim
// runs out, the delivery is POSTed again and delivered.
func TestService_SurvivesKill(t *testing.T) {
	if os.Getenv(killChildDB) != "" {
		killChild()
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	t.Parallel()
	e := setup(t)
	require.NoError(t, e.Store.Close())
	var n atomic.Int32
	first := make(chan struct{})
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			close(first)
			<-r.Context().Done() // hold the child's POST until it dies
		}
	}))
	t.Cleanup(rcv.Close)

	cmd := exec.Command(os.Args[0], "-test.run=^TestService_SurvivesKill$")
	cmd.Env = append(os.Environ(), killChildDB+"="+e.Path, killChildURL+"="+rcv.URL)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	id := readID(t, out)
	select {
	case <-first:
	case <-time.After(30 * time.Second):
		t.Fatal("the child never POSTed")
	}
	require.NoError(t, cmd.Process.Kill())
	cmd.Wait()

	e.open(t)
	e.tick(t, 0) // the dead process's claim still holds
	require.Equal(t, delivery.StatePending, e.get(t, id).State)
	e.Clock.Advance(delivery.DefaultTimeout + delivery.DefaultLeaseSlack)
	e.tick(t, 1)
	rec := e.get(t, id)
	require.Equal(t, delivery.StateDelivered, rec.State)
	require.Len(t, rec.Attempts, 1, "the killed attempt left no record")
	require.EqualValues(t, 2, n.Load())
}

// readID reads the "enqueued ID" line the child prints.
func readID(t *testing.T, out interface{ Read([]byte) (int, error) }) string {
	t.Helper()
	line, err := bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err, "the child's output")
	id, ok := strings.CutPrefix(strings.TrimSpace(line), "enqueued ")
	require.True(t, ok, line)
	return id
}

// killChild enqueues a delivery, says so, and delivers until killed.
func killChild() {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: os.Getenv(killChildDB)})
	if err != nil {
		panic(err)
	}
	svc := delivery.New(delivery.Params{Store: st, Clock: clock.NewFake(start)})
	var id string
	err = st.Update(ctx, func(tx store.Tx) error {
		id, err = svc.Enqueue(tx, delivery.Delivery{Scope: home, Kind: "test", URL: os.Getenv(killChildURL)})
		return err
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("enqueued %s\n", id)
	svc.Tick(ctx)
	time.Sleep(time.Hour) // until the parent kills this process
}
