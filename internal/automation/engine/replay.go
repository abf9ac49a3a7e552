package engine

// Replayer is implemented by actions that may declare themselves
// replayable: Run reaches nothing outside the execution (no AWS call, no
// child automation, no function), so running an attempt again after a
// crash does what the lost run did. Advance does not persist around the
// attempts of a replayable action; it persists before and after every
// attempt of any other action.
type Replayer interface {
	Replayable() bool
}

// replayableActions are the actions of package action that reach
// nothing outside the execution; an action may also say so itself with
// Replayer.
var replayableActions = map[string]bool{
	"aws:branch":         true,
	"aws:updateVariable": true,
	"aws:sleep":          true,
	"aws:pause":          true,
	"aws:approve":        true,
	"aws:loop":           true,
}

// Replayable reports whether a's attempts may run again after a crash
// without effects outside the execution.
func Replayable(a Action) bool {
	if r, ok := a.(Replayer); ok {
		return r.Replayable()
	}
	return replayableActions[a.Name()]
}
