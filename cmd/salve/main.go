// Command salve runs the AWS Config remediation loop on one machine.
package main

import (
	"context"
	"os"

	"github.com/salvehq/salve/internal/cli"
)

func main() {
	os.Exit(cli.Main(context.Background(), os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}))
}
