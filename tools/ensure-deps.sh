#!/usr/bin/env bash
# Installs what is missing, idempotently: npm packages (npm ci when node_modules is absent or
# package-lock.json changed since the last install), nats-server (apt) and FerretDB (built with Go
# into .infra/bin). The binaries are found/installed by the same scripts local-infra uses.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "ensure-deps: npm ci" >&2
  npm ci --no-audit --no-fund
fi
NATS_BIN="$(bash tools/infra/install-nats.sh)"
FERRET_BIN="$(bash tools/infra/install-ferretdb.sh)"
echo "ensure-deps: node_modules ok, nats-server: $NATS_BIN, ferretdb: $FERRET_BIN" >&2
