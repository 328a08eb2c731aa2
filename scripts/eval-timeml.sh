#!/usr/bin/env bash
# Build crosscheck (release) and score its date/duration claims on a TimeML corpus.
# Usage: scripts/eval-timeml.sh [CORPUS_DIR] [extra scorer args, e.g. --errors 40]
# CORPUS_DIR holds docs/ and gold.json; the scorer is timeml-score.py next to it.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$here/../shared/timeml-dev}"
shift || true
scorer="$(dirname "$corpus")/timeml-score.py"
cd "$here"
cargo build --release --quiet
./target/release/crosscheck claims --format json "$corpus/docs" \
  | python3 "$scorer" "$corpus/gold.json" - "$@"
