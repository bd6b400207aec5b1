#!/usr/bin/env bash
# The benchmark matrix of docs/benchmarks.md: games x instances x bots, one JSON line per run, into
# the file given (default bench/target/matrix.jsonl), plus the echo baseline. Takes ~20 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench/target/matrix.jsonl}
mkdir -p "$(dirname "$out")"
: >"$out"
./arena bench echo 1 10 2>/dev/null | grep '^{' | sed 's/^{/{"scenario":"echo",/' >>"$out"
./arena bench echo 100 10 2>/dev/null | grep '^{' | sed 's/^{/{"scenario":"echo",/' >>"$out"
for game in simple hockey; do
  for instances in 1 2; do
    for bots in 100 500 1000; do
      echo "[matrix] $game, $instances instance(s), $bots bots" >&2
      ./arena bench load --game "$game" --instances "$instances" --bots "$bots" --warmup-s 10 --seconds 30 --json 2>/dev/null \
        | grep '^{' | sed "s/^{/{\"scenario\":\"$game\",/" >>"$out" || echo "[matrix] run failed" >&2
    done
  done
done
echo "[matrix] results in $out" >&2
