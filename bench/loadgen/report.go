package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
)

// runKey identifies one cell of the results table.
type runKey struct {
	mix    string
	conns  int
	server string
}

// writeReport reads a JSON-lines results file and prints, per mix, a
// markdown table of connections × server with the median of repeated runs
// and the Salve/peer ratios.
func writeReport(w io.Writer, path string) error {
	runs, err := readResults(path)
	if err != nil {
		return err
	}
	cells := map[runKey][]*result{}
	var servers []string
	for _, r := range runs {
		k := runKey{r.Mix, r.Connections, r.Server}
		cells[k] = append(cells[k], r)
		if !slices.Contains(servers, r.Server) {
			servers = append(servers, r.Server)
		}
	}
	for _, mix := range []string{"read", "write", "mixed"} {
		writeMixTable(w, mix, servers, cells)
	}
	return nil
}

func readResults(path string) ([]*result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*result
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, &r)
	}
	return out, sc.Err()
}

func writeMixTable(w io.Writer, mix string, servers []string, cells map[runKey][]*result) {
	var conns []int
	for k := range cells {
		if k.mix == mix && !slices.Contains(conns, k.conns) {
			conns = append(conns, k.conns)
		}
	}
	if len(conns) == 0 {
		return
	}
	sort.Ints(conns)
	fmt.Fprintf(w, "\n### Mix: %s\n\n", mix)
	fmt.Fprintln(w, "| connections | server | runs | req/s | p50 ms | p99 ms | errors | server cores | server CPU µs/req | other cores | Salve/peer req/s | peer/Salve p99 |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, c := range conns {
		salve := median(cells[runKey{mix, c, "salve"}])
		for _, s := range servers {
			m := median(cells[runKey{mix, c, s}])
			if m == nil {
				continue
			}
			ratio, p99ratio := "", ""
			if s != "salve" && salve != nil && m.RPS > 0 && salve.P99ms > 0 {
				ratio = fmt.Sprintf("%.1f×", salve.RPS/m.RPS)
				p99ratio = fmt.Sprintf("%.1f×", m.P99ms/salve.P99ms)
			}
			perReq := 0.0
			if m.RPS > 0 {
				perReq = m.CPU.ServerCores / m.RPS * 1e6
			}
			fmt.Fprintf(w, "| %d | %s | %d | %.0f | %.2f | %.2f | %d | %.2f | %.0f | %.2f | %s | %s |\n",
				c, s, len(cells[runKey{mix, c, s}]), m.RPS, m.P50ms, m.P99ms, m.Errors,
				m.CPU.ServerCores, perReq, m.CPU.OtherCores, ratio, p99ratio)
		}
	}
}

// median returns a result whose every figure is the median over runs.
func median(runs []*result) *result {
	if len(runs) == 0 {
		return nil
	}
	pick := func(f func(*result) float64) float64 {
		v := make([]float64, len(runs))
		for i, r := range runs {
			v[i] = f(r)
		}
		sort.Float64s(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return &result{
		RPS:    pick(func(r *result) float64 { return r.RPS }),
		P50ms:  pick(func(r *result) float64 { return r.P50ms }),
		P99ms:  pick(func(r *result) float64 { return r.P99ms }),
		Errors: int(pick(func(r *result) float64 { return float64(r.Errors) })),
		CPU: cpuUsage{
			ServerCores: pick(func(r *result) float64 { return r.CPU.ServerCores }),
			LoadgenCore: pick(func(r *result) float64 { return r.CPU.LoadgenCore }),
			OtherCores:  pick(func(r *result) float64 { return r.CPU.OtherCores }),
		},
	}
}
