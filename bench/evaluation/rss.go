package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
)

// thingType is the custom resource type the rss measurement records.
const thingType = "Salve::Bench::Thing"

// rssResult is what the rss measurement found.
type rssResult struct {
	Items        int     `json:"items"`
	Clients      int     `json:"clients"`
	Seconds      float64 `json:"seconds"`
	ItemsPerSec  float64 `json:"items_per_s"`
	ConfigBytes  int     `json:"configuration_bytes"`
	RSSBeforeMiB float64 `json:"rss_before_mib"`
	RSSMiB       float64 `json:"rss_mib"`
	HWMMiB       float64 `json:"hwm_mib"`
	DataDirMiB   float64 `json:"data_dir_mib"`
	Discovered   int64   `json:"discovered"`
	ServerCores  float64 `json:"server_cores"`
	ClientCores  float64 `json:"client_cores"`
}

// measureRSS records -items custom configuration items from -clients
// concurrent clients, then reads the server's memory and data dir.
func measureRSS(ctx context.Context, o options, s *server) (any, error) {
	res := rssResult{Items: o.items, Clients: o.clients, ConfigBytes: len(thingConfiguration(0))}
	var err error
	if res.RSSBeforeMiB, _, err = s.memory(); err != nil {
		return nil, err
	}
	srv0, self0 := s.cpu()
	start := time.Now()
	if err := putThings(ctx, o, s); err != nil {
		return nil, err
	}
	elapsed := time.Since(start)
	srv1, self1 := s.cpu()
	res.Seconds, res.ItemsPerSec = elapsed.Seconds(), float64(o.items)/elapsed.Seconds()
	res.ServerCores, res.ClientCores = (srv1-srv0).Seconds()/elapsed.Seconds(), (self1-self0).Seconds()/elapsed.Seconds()
	if res.RSSMiB, res.HWMMiB, err = s.memory(); err != nil {
		return nil, err
	}
	res.DataDirMiB = s.dataDirMiB()
	res.Discovered, err = discovered(ctx, s)
	if err == nil && res.Discovered != int64(o.items) {
		err = fmt.Errorf("GetDiscoveredResourceCounts says %d %s, want %d", res.Discovered, thingType, o.items)
	}
	return res, err
}

// putThings records items 0..o.items-1 from o.clients goroutines, each
// taking the next index; it reports progress on stderr every 10 s.
func putThings(ctx context.Context, o options, s *server) error {
	var next, done atomic.Int64
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for range o.clients {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < int64(o.items) && ctx.Err() == nil; i = next.Add(1) - 1 {
				if err := putThing(ctx, s, int(i)); err != nil {
					cancel(err)
					return
				}
				done.Add(1)
			}
		})
	}
	stop := progress(&done, o.items)
	wg.Wait()
	stop()
	return context.Cause(ctx)
}

// progress prints how many items are done every 10 s until stopped.
func progress(done *atomic.Int64, total int) func() {
	t := time.NewTicker(10 * time.Second)
	quit := make(chan struct{})
	start := time.Now()
	go func() {
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				n := done.Load()
				fmt.Fprintf(os.Stderr, "rss: %d of %d items, %.0f/s\n", n, total, float64(n)/time.Since(start).Seconds())
			}
		}
	}()
	return func() { t.Stop(); close(quit) }
}

func putThing(ctx context.Context, s *server, i int) error {
	_, err := s.config.PutResourceConfig(ctx, &configservice.PutResourceConfigInput{
		ResourceType: aws.String(thingType), SchemaVersionId: aws.String("1"),
		ResourceId: aws.String(thingID(i)), ResourceName: aws.String(thingID(i)),
		Configuration: aws.String(thingConfiguration(i))})
	if err != nil {
		return fmt.Errorf("put resource config %d: %w", i, err)
	}
	return nil
}

func thingID(i int) string { return fmt.Sprintf("thing-%07d", i) }

// thingConfiguration is a ~300-byte JSON object that differs per item.
func thingConfiguration(i int) string {
	b, _ := json.Marshal(map[string]any{
		"name": thingID(i), "owner": fmt.Sprintf("team-%02d", i%40), "environment": []string{"dev", "staging", "production"}[i%3],
		"region": "us-east-1", "sizeGiB": 8 + i%500, "encrypted": i%2 == 0, "createdAt": "2026-11-21T06:00:00Z",
		"labels":      []string{"bench", fmt.Sprintf("shard-%d", i%16), "salve"},
		"description": "A synthetic resource recorded by bench/evaluation to measure memory. " + strings.Repeat("x", 40),
	})
	return string(b)
}

// discovered is the server's count of recorded things.
func discovered(ctx context.Context, s *server) (int64, error) {
	out, err := s.config.GetDiscoveredResourceCounts(ctx, &configservice.GetDiscoveredResourceCountsInput{
		ResourceTypes: []string{thingType}})
	if err != nil {
		return 0, fmt.Errorf("get discovered resource counts: %w", err)
	}
	for _, c := range out.ResourceCounts {
		if c.ResourceType == ctypes.ResourceType(thingType) {
			return c.Count, nil
		}
	}
	return 0, nil
}
