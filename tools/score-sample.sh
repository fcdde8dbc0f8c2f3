#!/usr/bin/env bash
# Scores the extractor on the bundled sample library against its hand-labelled
# assets/library/*.expected.json, with the evaluation's scorer (../shared/eval).
# Usage: bash tools/score-sample.sh [--details]
set -euo pipefail
cd "$(dirname "$0")/.."
scorer=../shared/eval/score_quotes.py
if [ ! -f "$scorer" ]; then
  echo "score-sample: $scorer not found (the shared evaluation data is not here)" >&2
  exit 2
fi
cargo build --release --quiet --bin onrecord
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The scorer pairs predictions with <id>.gold.json by file stem.
for f in assets/library/*.expected.json; do
  cp "$f" "$work/$(basename "$f" .expected.json).gold.json"
done
shopt -s nullglob
files=(assets/library/*.txt assets/library/*.md assets/library/*.markdown assets/library/*.html assets/library/*.htm)
target/release/onrecord extract --format json "${files[@]}" >"$work/pred.jsonl"
python3 "$scorer" --gold "$work" --pred "$work/pred.jsonl" "$@"
