#!/usr/bin/env bash
# bench/run.sh measures Salve against moto (the peer) with bench/loadgen:
# for each mix (read, write, mixed), each connection count and each server,
# a warm-up and then BENCH_SECONDS of SigV4-signed requests. Both servers
# run on this machine next to the load generator, so they share its cores.
#
#   make bench                          # 10 s per cell, 1 repeat
#   BENCH_SECONDS=5 BENCH_REPEATS=3 bash bench/run.sh
#   BENCH_CONNS="16 64" BENCH_MIXES=read bash bench/run.sh
#   BENCH_PEER=none bash bench/run.sh   # Salve only (no moto_server)
#   BENCH_SALVE_LOG_LEVEL=warn bash bench/run.sh   # without per-request log lines
#   BENCH_PIN=1 bash bench/run.sh       # servers on CPU 0, load generator on CPU 1 (taskset)
#
# Results: $BENCH_OUT/results.jsonl (one JSON object per run) and
# $BENCH_OUT/results.md (machine facts and tables: medians over repeats).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${BENCH_SECONDS:-10}
repeats=${BENCH_REPEATS:-1}
conns=${BENCH_CONNS:-"1 16 64"}
mixes=${BENCH_MIXES:-"read write mixed"}
peer=${BENCH_PEER:-moto}
out=${BENCH_OUT:-bench/out}
log_level=${BENCH_SALVE_LOG_LEVEL:-info}
pin=${BENCH_PIN:-0}

# With BENCH_PIN=1 the servers get CPU 0 and the load generator CPU 1, so
# they do not preempt each other; otherwise the scheduler shares both cores.
server_cpu=() gen_cpu=() placement="load generator and servers share all $(nproc) CPUs"
if [[ $pin == 1 ]]; then
  command -v taskset >/dev/null 2>&1 || { echo "bench: BENCH_PIN=1 needs taskset (util-linux)" >&2; exit 1; }
  server_cpu=(taskset -c 0) gen_cpu=(taskset -c 1)
  placement="servers pinned to CPU 0, load generator to CPU 1 (BENCH_PIN=1)"
fi

if [[ $peer == moto ]] && ! command -v moto_server >/dev/null 2>&1; then
  echo "bench: moto_server not found; install it with this machine's Python" \
    "(pip install 'moto[server]') or run with BENCH_PEER=none for Salve alone" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/salve-bench.XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

# wait_http URL LOG PID: poll URL until it answers, with a 60 s deadline.
wait_http() {
  local url=$1 log=$2 pid=$3 deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    kill -0 "$pid" 2>/dev/null || { echo "bench: server exited; log:" >&2; cat "$log" >&2; return 1; }
    python3 -c 'import sys,urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "bench: $url did not answer within 60 s; log:" >&2
  cat "$log" >&2
  return 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

echo "bench: building salve and loadgen"
go build -o "$tmp/salve" ./cmd/salve
go build -o "$tmp/loadgen" ./bench/loadgen

declare -A endpoint pid
# A free port chosen up front: the "salve listening" line that names the
# port is not logged at --log-level warn.
port=$(free_port)
"${server_cpu[@]}" "$tmp/salve" serve --listen "127.0.0.1:$port" --data-dir "$tmp/salve-data" \
  --log-level "$log_level" >"$tmp/salve.log" 2>&1 &
pids+=($!)
pid[salve]=$!
endpoint[salve]="http://127.0.0.1:$port"
wait_http "${endpoint[salve]}/_salve/health" "$tmp/salve.log" "${pid[salve]}"
servers=(salve)

if [[ $peer == moto ]]; then
  port=$(free_port)
  "${server_cpu[@]}" moto_server -H 127.0.0.1 -p "$port" >"$tmp/moto.log" 2>&1 &
  pids+=($!)
  pid[moto]=$!
  endpoint[moto]="http://127.0.0.1:$port"
  wait_http "${endpoint[moto]}/moto-api/" "$tmp/moto.log" "$!"
  servers+=(moto)
fi

for s in "${servers[@]}"; do
  "$tmp/loadgen" -endpoint "${endpoint[$s]}" -server "$s" -seed
done

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$out"
results="$out/results.jsonl"
: >"$results"
echo "bench: ${seconds}s per run, repeats $repeats, connections: $conns, mixes: $mixes, servers: ${servers[*]}"
for ((r = 1; r <= repeats; r++)); do
  for mix in $mixes; do
    for c in $conns; do
      for s in "${servers[@]}"; do
        "${gen_cpu[@]}" "$tmp/loadgen" -endpoint "${endpoint[$s]}" -server "$s" -mix "$mix" -c "$c" \
          -duration "${seconds}s" -server-pid "${pid[$s]}" >>"$results"
      done
    done
  done
done

{
  echo "# Salve vs ${servers[*]:1} — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- command: \`BENCH_SECONDS=$seconds BENCH_REPEATS=$repeats BENCH_PIN=$pin BENCH_CONNS=\"$conns\" BENCH_MIXES=\"$mixes\" bash bench/run.sh\`"
  echo "- machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(uname -sr)"
  echo "- $(go version); moto $(python3 -c 'import moto; print(moto.__version__)' 2>/dev/null || echo n/a)"
  echo "- salve log level: $log_level; $placement"
  echo "- load average at start: $load_start; at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- cores = CPU cores kept busy during the measurement (/proc); \"other\" is everything else on the machine (a busy neighbour)"
  "$tmp/loadgen" -report "$results"
} >"$out/results.md"
cat "$out/results.md"
