// Command salveprof runs `salve serve` exactly as the salve binary does,
// plus net/http/pprof on a separate listener, for profiling under load.
// It exists only for benchmarking; the salve binary has no pprof endpoint.
//
//	go run ./bench/salveprof -pprof 127.0.0.1:6061 serve --listen 127.0.0.1:4580 --data-dir /tmp/d
//	go tool pprof -top 'http://127.0.0.1:6061/debug/pprof/profile?seconds=10'
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	_ "net/http/pprof" // registers /debug/pprof on http.DefaultServeMux
	"os"

	"github.com/salvehq/salve/internal/cli"
)

func main() {
	fs := flag.NewFlagSet("salveprof", flag.ExitOnError)
	addr := fs.String("pprof", "127.0.0.1:6061", "address of the pprof listener")
	_ = fs.Parse(os.Args[1:])
	go func() {
		if err := http.ListenAndServe(*addr, nil); err != nil {
			fmt.Fprintln(os.Stderr, "salveprof: pprof listener:", err)
		}
	}()
	os.Exit(cli.Main(context.Background(), fs.Args(), cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}))
}
