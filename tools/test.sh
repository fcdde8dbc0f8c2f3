#!/usr/bin/env bash
# Runs every test. Installs what the end-to-end tests need (tmux) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v tmux >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing tmux for the end-to-end tests" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null
  else
    echo "tmux is missing: install it (e.g. sudo apt-get install tmux) for the end-to-end tests" >&2
    exit 1
  fi
fi
cargo test --locked --workspace --all-targets
