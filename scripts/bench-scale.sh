#!/usr/bin/env bash
# Measure how `crosscheck check` scales with corpus size.
#
#   scripts/bench-scale.sh [--max DOCS] [--work DIR] [--bin PATH]
#
# Generates synthetic corpora of 2,500 / 10,000 / 40,000 / 160,000 documents
# with ../shared/bench/gen-corpus.py (4 sources per event; stops after --max),
# runs `crosscheck check --format json` on each (release build, output to
# /dev/null) and prints one Markdown table row per size: documents, MB, wall
# seconds, CPU seconds (user + system, less disturbed by a busy machine), MB/s, claims/s, peak RSS, and how long `rg -c '[0-9]'` takes to read
# the same files (the I/O floor); 640,000 documents run with --max 640000.
# Then two one-document cases: a 1.5 MB single-line report with tens of
# thousands of figures, and the same text 12 times over (18 MB, one line),
# with the clustering stage's seconds from --timings. Corpora are kept in
# --work (default /tmp/crosscheck-scale) and reused when present.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
max=160000
work=/tmp/crosscheck-scale
bin="$here/target/release/crosscheck"
gen="$here/../shared/bench/gen-corpus.py"
while [ $# -gt 0 ]; do
  case "$1" in
    --max) max="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "bench-scale: unknown argument $1" >&2; exit 2 ;;
  esac
done

need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "bench-scale: installing $2" >&2
  apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$2" >/dev/null; }
}
need rg ripgrep
[ -x /usr/bin/time ] || need /usr/bin/time time
[ -f "$gen" ] || { echo "bench-scale: $gen not found" >&2; exit 2; }
if [ "$bin" = "$here/target/release/crosscheck" ]; then
  (cd "$here" && cargo build --release --quiet)
fi
mkdir -p "$work"

echo "| documents | MB | wall s | CPU s | MB/s | claims | claims/s | peak RSS MB | rg s | × rg |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in 2500 10000 40000 160000 640000; do
  [ "$n" -le "$max" ] || break
  dir="$work/c$n"
  if [ ! -f "$dir/gold.json" ]; then
    rm -rf "$dir"
    python3 "$gen" "$dir" --events $((n / 4)) --sources 4 >/dev/null
  fi
  bytes=$(find "$dir" -type f \( -name '*.md' -o -name '*.txt' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
  # warm the page cache so both tools read from memory
  rg -c '[0-9]' "$dir" >/dev/null || true
  t0=$(date +%s.%N)
  rg -c '[0-9]' "$dir" >/dev/null || true
  t1=$(date +%s.%N)
  rg_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
  log="$work/time-$n.log"
  json="$work/out-$n.json"
  t0=$(date +%s.%N)
  /usr/bin/time -v "$bin" check --format json --no-progress "$dir" >"$json" 2>"$log" || true
  t1=$(date +%s.%N)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
  cpu=$(awk -F: '/User time|System time/ {s += $2} END {print s}' "$log")
  rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$log")
  claims=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["claims"])' "$json" 2>/dev/null || echo 0)
  rm -f "$json"
  awk -v n="$n" -v b="$bytes" -v w="$wall" -v c="$claims" -v r="$rss_kb" -v g="$rg_s" -v u="$cpu" 'BEGIN {
    mb = b / 1e6
    printf "| %d | %.1f | %.2f | %.2f | %.2f | %d | %.0f | %.0f | %.2f | %.1f |\n", n, mb, w, u, mb / w, c, c / w, r / 1024, g, w / g
  }'
done

echo
echo "| one document | MB | claims | clustering s | CPU s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"
python3 - "$work" <<'PY'
import os, random, sys
work = sys.argv[1]
random.seed(3)
said = ["were killed", "were injured", "were evacuated", "homes were destroyed", "people were arrested"]
parts, size = [], 0
while size < 1_500_000:
    s = (f"Officials said {random.randint(2, 900)} people {random.choice(said)} on Monday "
         f"in the district of Varn, and {random.randint(2, 90)} more were missing.")
    parts.append(s)
    size += len(s) + 1
one = " ".join(parts)
for name, text in (("one-1.5mb.txt", one), ("one-18mb.txt", " ".join([one] * 12))):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        with open(path, "w") as f:
            f.write(text + "\n")
PY
for f in one-1.5mb.txt one-18mb.txt; do
  log="$work/time-$f.log"
  json="$work/out-$f.json"
  /usr/bin/time -v "$bin" check --format json --no-progress --timings --max-file-size 100000000 \
    "$work/$f" >"$json" 2>"$log" || true
  cpu=$(awk -F: '/User time|System time/ {s += $2} END {print s}' "$log")
  rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$log")
  clus=$(awk '/timing: clustering/ {print $4}' "$log")
  claims=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["claims"])' "$json" 2>/dev/null || echo 0)
  rm -f "$json"
  bytes=$(stat -c %s "$work/$f")
  awk -v f="$f" -v b="$bytes" -v c="$claims" -v k="$clus" -v u="$cpu" -v r="$rss_kb" 'BEGIN {
    printf "| %s | %.1f | %d | %s | %.2f | %.0f |\n", f, b / 1e6, c, k, u, r / 1024
  }'
done
