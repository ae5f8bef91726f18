#!/usr/bin/env bash
# Ensures a nats-server binary (Debian package `nats-server`) and prints its path on stdout.
# Idempotent: prints the existing binary when one is on PATH or in /usr/sbin.
set -euo pipefail
find_bin() {
  command -v nats-server 2>/dev/null && return 0
  for d in /usr/sbin /usr/local/sbin /usr/local/bin /usr/bin; do
    [[ -x "$d/nats-server" ]] && { echo "$d/nats-server"; return 0; }
  done
  return 1
}
if BIN="$(find_bin)"; then echo "$BIN"; exit 0; fi
bash "$(dirname "$0")/apt-install.sh" nats-server
BIN="$(find_bin)" || { echo "nats-server still not found after apt-get install" >&2; exit 1; }
echo "$BIN"
