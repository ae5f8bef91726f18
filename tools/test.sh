#!/usr/bin/env bash
# `npm test`: install what is missing, then lint, typecheck, build and the three jest tiers
# (unit, integration, e2e — e2e runs the built apps). Stops at the first failure. The fault
# injection tier is `npm run test:faults` (kill -9 timings are not reproducible run to run).
set -euo pipefail
cd "$(dirname "$0")/.."
JEST_WORKERS="${JEST_WORKERS:-2}"
# Suites isolate request/reply subjects by each starting their own NATS; a NATS given through
# NATS_URL is shared, so suites then run one at a time.
if [[ -n "${NATS_URL:-}" ]]; then JEST_WORKERS=1; fi
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "dependencies";  bash tools/ensure-deps.sh
# Every Nx project's lint and typecheck targets (nx.json targetDefaults; cached in .nx/), then
# its build (tools/build.sh: nx run-many -t build; e2e runs the built dist/apps/*/src/main.js).
step "format";      npx --no-install prettier --check "**/*.{ts,tsx}" --log-level warn
step "lint, typecheck"; npx --no-install nx run-many -t lint typecheck --nxBail --outputStyle=static
step "build";         bash tools/build.sh
for tier in unit integration e2e; do
  step "jest $tier"
  npx --no-install jest --selectProjects "$tier" --ci --maxWorkers="$JEST_WORKERS"
done
step "all tests passed"
