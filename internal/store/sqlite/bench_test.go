package sqlite_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
)

// benchValue is a typical record: a few hundred bytes of JSON.
var benchValue = fmt.Appendf(nil, `{"ConfigRuleName":"s3-bucket-versioning","State":"ACTIVE","Pad":"%0200d"}`, 0)

// BenchmarkUpdateSerial is one caller: one commit, one fsync per Update.
func BenchmarkUpdateSerial(b *testing.B) {
	s, _ := openTemp(b)
	i := 0
	for b.Loop() {
		i++
		err := s.Update(b.Context(), func(tx store.Tx) error {
			return tx.Put("bench", fmt.Sprintf("k%09d", i), benchValue)
		})
		require.NoError(b, err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "writes/s")
}

// BenchmarkUpdateParallel is many concurrent callers, as on a busy
// server: group commit shares each fsync among them.
func BenchmarkUpdateParallel(b *testing.B) {
	for _, callers := range []int{8, 64, 256} {
		b.Run(fmt.Sprintf("callers=%d", callers), func(b *testing.B) {
			s, _ := openTemp(b)
			var next atomic.Int64
			b.SetParallelism(max(1, callers/runtime.GOMAXPROCS(0)))
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					key := fmt.Sprintf("k%09d", next.Add(1))
					err := s.Update(b.Context(), func(tx store.Tx) error {
						return tx.Put("bench", key, benchValue)
					})
					if err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "writes/s")
		})
	}
}

// BenchmarkUpdateParallelReadModifyWrite is the common domain shape: read
// a record, change it, write it back.
func BenchmarkUpdateParallelReadModifyWrite(b *testing.B) {
	s, _ := openTemp(b)
	const records = 10_000
	preload(b, s, records)
	b.SetParallelism(max(1, 64/runtime.GOMAXPROCS(0)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		rng := rand.New(rand.NewPCG(rand.Uint64(), 0))
		for pb.Next() {
			key := fmt.Sprintf("k%09d", rng.IntN(records))
			err := s.Update(b.Context(), func(tx store.Tx) error {
				v, err := tx.Get("bench", key)
				if err != nil {
					return err
				}
				return tx.Put("bench", key, v)
			})
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "writes/s")
}

// BenchmarkViewParallel reads one random record per View.
func BenchmarkViewParallel(b *testing.B) {
	s, _ := openTemp(b)
	const records = 10_000
	preload(b, s, records)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		rng := rand.New(rand.NewPCG(rand.Uint64(), 0))
		for pb.Next() {
			key := fmt.Sprintf("k%09d", rng.IntN(records))
			err := s.View(b.Context(), func(tx store.Tx) error {
				_, err := tx.Get("bench", key)
				return err
			})
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reads/s")
}

// BenchmarkViewScanParallel lists a page of 50 records per View.
func BenchmarkViewScanParallel(b *testing.B) {
	s, _ := openTemp(b)
	const records = 10_000
	preload(b, s, records)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		rng := rand.New(rand.NewPCG(rand.Uint64(), 0))
		for pb.Next() {
			after := fmt.Sprintf("k%09d", rng.IntN(records-50))
			err := s.View(b.Context(), func(tx store.Tx) error {
				_, err := tx.Scan(store.ScanParams{Bucket: "bench", After: after, Limit: 50})
				return err
			})
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "scans/s")
}

// preload writes n records in batches.
func preload(b *testing.B, s store.Store, n int) {
	b.Helper()
	for start := 0; start < n; start += 1000 {
		err := s.Update(b.Context(), func(tx store.Tx) error {
			for i := start; i < min(start+1000, n); i++ {
				if err := tx.Put("bench", fmt.Sprintf("k%09d", i), benchValue); err != nil {
					return err
				}
			}
			return nil
		})
		require.NoError(b, err)
	}
}
