//go:build !unix

package script

import "os/exec"

// ownGroup leaves cmd as it is: without process groups, cancellation
// kills the interpreter only.
func ownGroup(*exec.Cmd) {}
