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
SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  command -v sudo >/dev/null || { echo "nats-server is missing and we are not root (no sudo) to apt-get install it" >&2; exit 1; }
  SUDO="sudo -n"
fi
command -v apt-get >/dev/null || { echo "nats-server is missing and apt-get is not available; install nats-server 2.9+ manually" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
echo "installing nats-server with apt-get..." >&2
if ! $SUDO apt-get install -y nats-server >&2; then
  $SUDO apt-get update >&2
  $SUDO apt-get install -y nats-server >&2
fi
BIN="$(find_bin)" || { echo "nats-server still not found after apt-get install" >&2; exit 1; }
echo "$BIN"
