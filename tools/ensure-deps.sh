#!/usr/bin/env bash
# Installs what is missing, idempotently: npm packages (npm ci when node_modules is absent or
# package-lock.json changed since the last install), nats-server (apt) and the dev database,
# mongo-java-server (JDK and Maven from apt, jars from Maven Central into .infra/), Chromium (apt). The same
# scripts are what local-infra runs when it needs them.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "ensure-deps: npm ci" >&2
  npm ci --no-audit --no-fund
fi
NATS_BIN="$(bash tools/infra/install-nats.sh)"
MONGO_DIR="$(bash tools/infra/install-mongo-java-server.sh)"
# The console's browser tests drive Debian's Chromium.
CHROMIUM_BIN="$(bash tools/infra/install-chromium.sh)"
echo "ensure-deps: node_modules ok, nats-server: $NATS_BIN, mongo-java-server: $MONGO_DIR, chromium: $CHROMIUM_BIN" >&2
