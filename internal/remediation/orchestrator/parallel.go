package orchestrator

import (
	"errors"
	"sync"
)

// width is how many executions a tick starts or settles at once: each
// start and each end is a durable transaction of its own, and the store
// commits concurrent transactions together.
const width = 32

// parallel calls fn for every item on up to width goroutines and returns
// the errors joined.
func parallel[T any](items []T, fn func(T) error) error {
	if len(items) == 1 {
		return fn(items[0])
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
		sem  = make(chan struct{}, width)
	)
	for _, it := range items {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			if err := fn(it); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
