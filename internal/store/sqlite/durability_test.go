package sqlite_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// crashChildEnv, when set to a database path, turns the test binary into
// the child of TestStore_AcknowledgedWritesSurviveKill.
const crashChildEnv = "SALVE_STORE_CRASH_CHILD"

// TestStore_AcknowledgedWritesSurviveKill runs Updates in a child
// process that prints each key as soon as its Update returns, kills the
// child with SIGKILL mid-stream, reopens the database and checks that
// every acknowledged key is there.
func TestStore_AcknowledgedWritesSurviveKill(t *testing.T) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	t.Parallel()
	path := filepath.Join(t.TempDir(), "salve.db")
	acked := runAndKill(t, path, 1500)

	s := openPath(t, path)
	defer s.Close()
	err := s.View(t.Context(), func(tx store.Tx) error {
		for _, key := range acked {
			if _, err := tx.Get("crash", key); err != nil {
				return fmt.Errorf("acknowledged key %s: %w", key, err)
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.NoError(t, s.Update(t.Context(), func(tx store.Tx) error {
		return tx.Put("crash", "after-restart", []byte("v"))
	}), "the database is writable after the crash")
}

// runAndKill starts the child, kills it once it has acknowledged killAt
// keys and returns every key it acknowledged, including those printed
// between the decision and the kill.
func runAndKill(t *testing.T, path string, killAt int) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestStore_AcknowledgedWritesSurviveKill$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	lines := make(chan string, 1024)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()

	var acked []string
	deadline := time.After(2 * time.Minute)
	killed := false
read:
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				break read
			}
			if key, ok := strings.CutPrefix(line, "acked "); ok {
				acked = append(acked, key)
			}
			if !killed && len(acked) >= killAt {
				require.NoError(t, cmd.Process.Kill()) // SIGKILL: no chance to clean up
				killed = true
			}
		case <-deadline:
			_ = cmd.Process.Kill()
			require.FailNow(t, "child too slow", "%d keys acknowledged", len(acked))
		}
	}
	err = cmd.Wait()
	require.True(t, killed, "child exited on its own: %v", err)
	require.ErrorContains(t, err, "signal: killed")
	t.Logf("%d keys acknowledged before SIGKILL", len(acked))
	return acked
}

// crashChild writes forever from many goroutines, printing each key once
// its Update has returned, until the parent kills it.
func crashChild(path string) {
	// Never outlive a parent that died without killing us.
	time.AfterFunc(3*time.Minute, func() { os.Exit(3) })
	s, err := sqlite.Open(context.Background(), sqlite.OpenParams{Path: path})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	value := []byte(strings.Repeat("v", 4096)) // enough to cross WAL checkpoints
	var out sync.Mutex
	var wg sync.WaitGroup
	for w := range 32 {
		wg.Go(func() {
			for i := 0; ; i++ {
				key := fmt.Sprintf("w%02d-%06d", w, i)
				err := s.Update(context.Background(), func(tx store.Tx) error {
					return tx.Put("crash", key, value)
				})
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(2)
				}
				out.Lock()
				// os.Stdout is unbuffered: the line is in the pipe when
				// Fprintf returns.
				fmt.Fprintf(os.Stdout, "acked %s\n", key)
				out.Unlock()
			}
		})
	}
	wg.Wait()
}
