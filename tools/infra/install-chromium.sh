#!/usr/bin/env bash
# Ensures Debian's Chromium (package `chromium`), which the console's browser tests drive through
# playwright-core (Playwright's own browser download does not work offline), and prints its path.
# Idempotent: prints the existing binary when there is one.
set -euo pipefail
find_bin() {
  for b in /usr/bin/chromium /usr/bin/chromium-browser; do
    [[ -x "$b" ]] && { echo "$b"; return 0; }
  done
  return 1
}
if BIN="$(find_bin)"; then echo "$BIN"; exit 0; fi
bash "$(dirname "$0")/apt-install.sh" chromium
BIN="$(find_bin)" || { echo "chromium still not found after apt-get install" >&2; exit 1; }
echo "$BIN"
