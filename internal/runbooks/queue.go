package runbooks

import (
	"context"
	"sync"
)

// queue is the unbounded, de-duplicated work list of the workers. It
// counts work queued or in progress so Drain can wait for quiet.
type queue struct {
	mu      sync.Mutex
	cond    *sync.Cond
	jobs    []job
	queued  map[job]bool
	busy    int
	stopped bool
	// recovering is true until Run has recovered and queued the
	// executions left by a previous process: the service is not idle yet.
	recovering bool
}

// newQueue returns an empty queue.
func newQueue() *queue {
	q := &queue{queued: map[job]bool{}, recovering: true}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// push adds j unless it is already waiting.
func (q *queue) push(j job) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.queued[j] {
		return
	}
	q.queued[j] = true
	q.jobs = append(q.jobs, j)
	q.cond.Broadcast()
}

// pop takes the next job, blocking until there is one; ok is false once
// the queue is stopped.
func (q *queue) pop() (j job, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.jobs) == 0 && !q.stopped {
		q.cond.Wait()
	}
	if q.stopped {
		return job{}, false
	}
	j, q.jobs = q.jobs[0], q.jobs[1:]
	delete(q.queued, j)
	q.busy++
	return j, true
}

// done marks a popped job finished.
func (q *queue) done() {
	q.mu.Lock()
	q.busy--
	q.cond.Broadcast()
	q.mu.Unlock()
}

// stop wakes every pop with ok false; start makes the queue usable again.
func (q *queue) stop() {
	q.mu.Lock()
	q.stopped = true
	q.cond.Broadcast()
	q.mu.Unlock()
}

// start reopens a stopped queue.
func (q *queue) start() {
	q.mu.Lock()
	q.stopped = false
	q.mu.Unlock()
}

// recovered marks the start-up recovery done.
func (q *queue) recovered() {
	q.mu.Lock()
	q.recovering = false
	q.cond.Broadcast()
	q.mu.Unlock()
}

// wait blocks until no job is queued or in progress, or ctx ends.
func (q *queue) wait(ctx context.Context) error {
	stop := context.AfterFunc(ctx, func() {
		q.mu.Lock()
		q.cond.Broadcast()
		q.mu.Unlock()
	})
	defer stop()
	q.mu.Lock()
	defer q.mu.Unlock()
	for (q.recovering || len(q.jobs) > 0 || q.busy > 0) && ctx.Err() == nil {
		q.cond.Wait()
	}
	return ctx.Err()
}
