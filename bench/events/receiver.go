package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// receiver is the webhook the EventBridge rule's target POSTs to: it
// timestamps every POST on arrival and keeps the first arrival per
// resource.
type receiver struct {
	srv    *http.Server
	URL    string
	notify chan struct{}

	mu         sync.Mutex
	first      map[string]time.Time
	eventIDs   map[string]bool
	posts      int
	duplicates int
	unexpected int
}

// delivered is the part of a Config Rules Compliance Change event the
// receiver reads.
type delivered struct {
	ID         string `json:"id"`
	Source     string `json:"source"`
	DetailType string `json:"detail-type"`
	Detail     struct {
		ResourceID          string `json:"resourceId"`
		NewEvaluationResult struct {
			ComplianceType string `json:"complianceType"`
		} `json:"newEvaluationResult"`
	} `json:"detail"`
}

// startReceiver listens on a free port of 127.0.0.1 and serves the hook.
func startReceiver() (*receiver, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r := &receiver{URL: "http://" + ln.Addr().String() + "/hook", notify: make(chan struct{}, 1),
		first: map[string]time.Time{}, eventIDs: map[string]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /hook", r.hook)
	r.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = r.srv.Serve(ln) }()
	return r, nil
}

// hook timestamps the POST first, then decodes it. It always answers 200:
// a refused delivery would be retried and measured twice.
func (r *receiver) hook(w http.ResponseWriter, req *http.Request) {
	at := time.Now()
	body, err := io.ReadAll(req.Body)
	var ev delivered
	if err == nil {
		err = json.Unmarshal(body, &ev)
	}
	ok := err == nil && ev.Source == "aws.config" && ev.DetailType == "Config Rules Compliance Change" &&
		ev.Detail.NewEvaluationResult.ComplianceType == "NON_COMPLIANT" && ev.Detail.ResourceID != ""
	r.record(ev, ok, at)
	w.WriteHeader(http.StatusOK)
}

// record counts one POST.
func (r *receiver) record(ev delivered, ok bool, at time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.posts++
	switch {
	case !ok:
		r.unexpected++
		return
	case r.eventIDs[ev.ID]:
		r.duplicates++
		return
	}
	r.eventIDs[ev.ID] = true
	if _, seen := r.first[ev.Detail.ResourceID]; !seen {
		r.first[ev.Detail.ResourceID] = at
	}
	select {
	case r.notify <- struct{}{}:
	default:
	}
}

// arrived returns when the event naming resource id arrived first.
func (r *receiver) arrived(id string) (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t, ok := r.first[id]
	return t, ok
}

// counts returns the resources heard of, the POSTs, the duplicate event
// ids and the POSTs that were not the expected event.
func (r *receiver) counts() (resources, posts, duplicates, unexpected int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.first), r.posts, r.duplicates, r.unexpected
}

// wait returns once n resources have arrived, or with an error after
// timeout.
func (r *receiver) wait(n int, timeout time.Duration) error {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		if got, _, _, _ := r.counts(); got >= n {
			return nil
		}
		select {
		case <-r.notify:
		case <-timer.C:
			got, _, _, _ := r.counts()
			return fmt.Errorf("%d of %d events arrived within %s", got, n, timeout)
		}
	}
}

// Stop closes the listener and waits for the hooks under way.
func (r *receiver) Stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = r.srv.Shutdown(ctx)
}
