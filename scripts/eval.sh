#!/usr/bin/env bash
# Reproduce every accuracy figure of docs/evaluation.md in one go.
#
#   scripts/eval.sh [SHARED_DIR]
#
# SHARED_DIR (default ../shared beside the checkout) holds seeds/, seeds-gold.json,
# gold-check.py, bench/gen-corpus.py, timeml-dev/ with timeml-score.py and
# gva-dev/ with gva-score.py. A held-out twin is scored by pointing SHARED_DIR at a
# folder laid out the same way. Prints each scorer's summary line; synthetic
# corpora are generated once into $TMPDIR (seed 7 and seed 11, 300 events).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(cd "${1:-$here/../shared}" && pwd)"
tmp="${TMPDIR:-/tmp}"
cd "$here"
cargo build --release --quiet
bin="$here/target/release/crosscheck"
last() { tail -n 1; }

"$bin" check --no-progress --format json "$shared/seeds" 2>/dev/null \
  | python3 "$shared/gold-check.py" "$shared/seeds-gold.json" - | last || true
for seed in 7 11; do
  dir="$tmp/crosscheck-syn300-$seed"
  [ -f "$dir/gold.json" ] || python3 "$shared/bench/gen-corpus.py" "$dir" --events 300 --seed "$seed" >/dev/null
  "$bin" check --no-progress --format json "$dir" 2>/dev/null \
    | python3 "$shared/gold-check.py" "$dir/gold.json" - | last || true
done
"$bin" check --no-progress --format json data 2>/dev/null \
  | python3 "$shared/gold-check.py" data/gold.json - | last || true
"$bin" claims --no-progress --format json "$shared/timeml-dev/docs" 2>/dev/null \
  | python3 "$shared/timeml-score.py" "$shared/timeml-dev/gold.json" - | last
"$bin" check --no-progress --format json "$shared/gva-dev/docs" 2>/dev/null \
  | python3 "$shared/gva-score.py" "$shared/gva-dev/gold.json" - | last || true
"$bin" check --no-progress --format json "$shared/timeml-dev/docs" 2>/dev/null \
  | python3 -c 'import json,sys; print("timeml check:", len(json.load(sys.stdin)["discrepancies"]), "findings")' || true
if [ -d "$shared/ecb-dev" ]; then
  "$bin" check --no-progress --format json "$shared/ecb-dev/docs" 2>/dev/null \
    | python3 "$shared/ecb-score.py" "$shared/ecb-dev/gold.json" - | last || true
  ecbtmp="$(mktemp -d)"
  for t in $(ls "$shared/ecb-dev/docs" | sed 's/_.*//' | sort -u); do
    "$bin" check --no-progress --format json --glob "${t}_*" "$shared/ecb-dev/docs" \
      >"$ecbtmp/$t.json" 2>/dev/null || true
  done
  python3 "$shared/ecb-score.py" "$shared/ecb-dev/gold.json" "$ecbtmp"/*.json | last
  rm -rf "$ecbtmp"
fi
for story in tests/fixtures/stories/*/; do
  line=$("$bin" check --no-progress --format json "$story" 2>/dev/null \
    | python3 "$shared/gold-check.py" "$story/gold.json" - | last || true)
  echo "story $(basename "$story"): $line"
done
