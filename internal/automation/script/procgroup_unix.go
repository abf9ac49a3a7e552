//go:build unix

package script

import (
	"os/exec"
	"syscall"
)

// ownGroup starts cmd in a new process group and makes cancellation kill
// the whole group, so processes the script started die with it.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
