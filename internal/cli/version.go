package cli

import (
	"runtime"
	"runtime/debug"
)

// Version is set at build time with -ldflags "-X github.com/salvehq/salve/internal/cli.Version=v1.2.3".
var Version = "dev"

// VersionString describes the binary: version, VCS revision when known, Go version.
func VersionString() string {
	s := "salve " + Version
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, kv := range info.Settings {
			if kv.Key == "vcs.revision" && len(kv.Value) >= 12 {
				s += " (" + kv.Value[:12] + ")"
			}
		}
	}
	return s + " " + runtime.Version()
}
