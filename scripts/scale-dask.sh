#!/usr/bin/env bash
# Run crosscheck's partitioned run (map, stats, shuffle, reduce, merge) on Dask and fail
# unless the merged report is byte for byte the single-process `check --format json`'s.
#
#   scripts/scale-dask.sh [--docs N] [--workers 2] [--parts 8] [--shards 16] [--seed 7]
#                         [--work DIR] [--keep] [--bin PATH] [--scheduler ADDRESS]
#                         [--task-threads 1] [--self-test-drop-partition P]
#
# Takes: the crosscheck binary (--bin, else `cargo build --release` here), a synthetic corpus
# of N documents (default 40,000: N/4 events x 4 sources) made by ../shared/bench/gen-corpus.py
# beside this repo, and Dask: a LocalCluster of --workers processes x 1 thread, or the running
# `dask scheduler` at --scheduler (its workers must see --work and --bin at the same paths).
# Installs dask[distributed] with pip when `import dask.distributed` fails.
# Hands on: the timings per phase and whether the two reports are equal (scripts/scale_dask.py
# prints them); exit 0 equal, 1 not equal, 2 trouble. Files go under --work (default a
# mktemp -d, removed at the end unless --keep); with --work DIR the corpus stays in DIR for
# the next run and only the run's folder (DIR/run.*) is removed unless --keep.
# --self-test-drop-partition P leaves partition P's report out of the merge: a self-test
# that the comparison fails (exit 1) when the reports differ.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(dirname "$repo")/shared"
docs=40000
workers=2
parts=8
shards=16
seed=7
work=""
keep=0
bin=""
scheduler=""
task_threads=1
drop=""
usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --parts) parts="$2"; shift 2 ;;
    --shards) shards="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --bin) bin="$2"; shift 2 ;;
    --scheduler) scheduler="$2"; shift 2 ;;
    --task-threads) task_threads="$2"; shift 2 ;;
    --self-test-drop-partition) drop="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "scale-dask: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$docs" "$workers" "$parts" "$shards" "$seed" "$task_threads"; do
  case "$n" in ''|*[!0-9]*) echo "scale-dask: not a number: '$n'" >&2; exit 2 ;; esac
done
[ "$docs" -ge 4 ] || { echo "scale-dask: --docs must be at least 4" >&2; exit 2; }
gen="$shared/bench/gen-corpus.py"
[ -f "$gen" ] || { echo "scale-dask: $gen not found (shared/ must sit beside the repo)" >&2; exit 2; }

# dask[distributed], with pip: as is, else --user, else past an externally managed Python
if ! python3 -c 'import dask.distributed' 2>/dev/null; then
  echo "scale-dask: installing dask[distributed] with pip" >&2
  python3 -m pip install --quiet "dask[distributed]" 2>/dev/null \
    || python3 -m pip install --quiet --user "dask[distributed]" 2>/dev/null \
    || python3 -m pip install --quiet --user --break-system-packages "dask[distributed]"
  python3 -c 'import dask.distributed' \
    || { echo "scale-dask: dask.distributed still cannot be imported after pip install" >&2; exit 2; }
fi

if [ -z "$bin" ]; then
  (cd "$repo" && cargo build --release --quiet)
  bin="$repo/target/release/crosscheck"
fi
[ -x "$bin" ] || { echo "scale-dask: $bin is not an executable" >&2; exit 2; }
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

made_work=0
if [ -z "$work" ]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/scale-dask.XXXXXX")"
  made_work=1
fi
mkdir -p "$work"
work="$(cd "$work" && pwd)"
run="$(mktemp -d "$work/run.XXXXXX")"
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  if [ "$keep" -eq 1 ]; then
    echo "scale-dask: kept $work (this run's files: $run)" >&2
  elif [ "$made_work" -eq 1 ]; then
    rm -rf "$work"
  else
    rm -rf "$run"
  fi
}
trap cleanup EXIT

events=$((docs / 4))
corpus="$work/corpus-${events}x4-s$seed"
if [ ! -f "$corpus/gold.json" ]; then
  rm -rf "$corpus"
  t0=$(date +%s.%N)
  python3 "$gen" "$corpus" --events "$events" --sources 4 --seed "$seed" >&2
  t1=$(date +%s.%N)
  echo "scale-dask: corpus generated in $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s" >&2
fi

args=(--corpus "$corpus" --run "$run" --bin "$bin" --workers "$workers" --parts "$parts"
      --shards "$shards" --task-threads "$task_threads")
[ -z "$scheduler" ] || args+=(--scheduler "$scheduler")
[ -z "$drop" ] || args+=(--self-test-drop-partition "$drop")
status=0
python3 "$repo/scripts/scale_dask.py" "${args[@]}" || status=$?
if [ "$status" -ne 0 ] && [ "$keep" -eq 0 ]; then
  echo "scale-dask: the run's files are removed; --keep keeps them to look at" >&2
fi
exit "$status"
