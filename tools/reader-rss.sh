#!/usr/bin/env bash
# Peak RSS of the real reader on the libbench library (a benchmark, not a test).
#
#   cargo run --release --example libbench -- 100000   # builds the library and its index
#   bash tools/reader-rss.sh [N]                       # N = 100000 by default
#
# Starts the release binary in a tmux pane (160x45) with the library and the index that
# libbench made, waits until the article list is drawn and the background pass has had time
# to run, then reads VmHWM (peak) and VmRSS from /proc, opens the Speakers view on the
# speaker with the most quotes, reads them again, and quits.
set -euo pipefail
n="${1:-100000}"
dir="${TMPDIR:-/tmp}/onrecord-bench-$n"
[ -f "$dir/index.sqlite3" ] || { echo "no $dir/index.sqlite3: run libbench first" >&2; exit 1; }
cd "$(dirname "$0")/.."
cargo build --release --locked --bin onrecord >/dev/null 2>&1
cfg="$(mktemp -d)/config.toml"
printf '[library]\npaths = ["%s/library"]\nindex = "%s/index.sqlite3"\n' "$dir" "$dir" > "$cfg"
session="onrecord-rss-$$"
tmux new-session -d -s "$session" -x 160 -y 45 "$PWD/target/release/onrecord --config $cfg"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  tmux capture-pane -p -t "$session" | grep -q "articles ·" && break
  sleep 0.1
done
sleep 3
pid="$(tmux display-message -p -t "$session" '#{pane_pid}')"
mem() { grep -E 'VmHWM|VmRSS' "/proc/$pid/status" | tr -s ' \n' ' '; echo; }
echo "list shown, index pass done: $(mem)"
tmux send-keys -t "$session" w
sleep 1
tmux send-keys -t "$session" Enter
sleep 1
for _ in $(seq 1 20); do tmux send-keys -t "$session" G; sleep 0.1; done
sleep 1
echo "after paging a big speaker's quotes: $(mem)"
tmux capture-pane -p -t "$session" | tail -1
tmux send-keys -t "$session" q q q
