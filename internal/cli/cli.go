// Package cli holds Salve's subcommands; cmd/salve only calls Main.
package cli

import (
	"context"
	"fmt"
	"io"
	"os"
)

// Env is what a subcommand may touch of the process.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// Main runs the subcommand named by args[0] and returns the exit code.
func Main(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = Serve(ctx, args[1:], env)
	case "remediation":
		err = Remediation(ctx, args[1:], env)
	case "plan":
		err = Plan(ctx, args[1:], env)
	case "audit":
		err = Audit(ctx, args[1:], env)
	case "demo":
		err = Demo(ctx, args[1:], env)
	case "version", "--version", "-v":
		fmt.Fprintln(env.Stdout, VersionString())
	case "help", "--help", "-h":
		fmt.Fprintln(env.Stdout, usage)
	default:
		fmt.Fprintf(env.Stderr, "salve: unknown command %q\n%s\n", args[0], usage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "salve:", err)
		return 1
	}
	return 0
}

const usage = `salve — the AWS Config remediation loop in one binary

usage:
  salve serve [flags]   run the server (salve serve --help for flags)
  salve remediation approve|reject --rule R --resource-type T --resource-id I
                        decide an execution awaiting approval
  salve plan [--rule R] dry run: what remediation would do now, and what blocks it
  salve audit [--event-name N] [--resource-name N] [--automation-execution ID] [--since 2h] [--json]
                        the audit trail: who changed what, when, with which result
  salve demo [--keep]   play the product's test flow on a temporary Salve: an unencrypted
                        bucket found NON_COMPLIANT, remediated, and COMPLIANT again
  salve version         print the version`
