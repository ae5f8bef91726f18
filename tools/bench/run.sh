#!/usr/bin/env bash
# npm run bench: the routes table (default: bare Fastify, then the issue's routes through the stack
# as `npm start` runs it, with req/s, p50, p99, ratio, bus requests and CPU per request per process).
# BENCH="routes profile group-info member-list send-decision webhooks" picks benchmarks (any of them, in
# order); see tools/bench/README.md for each and for the BENCH_* knobs.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/ensure-deps.sh
bash tools/build.sh
for bench in ${BENCH:-routes}; do
  if [ "$bench" = profile ]; then
    # GET /group/info under load with every app under `node --cpu-prof`, then its top frames.
    dir=.infra/bench-profile
    rm -rf "$dir" && mkdir -p "$dir"
    BENCH_ROUTES="${BENCH_ROUTES:-group-info}" BENCH_SKIP_BARE=1 BENCH_CPU_PROF_DIR="$dir" node dist/tools/bench/routes.bench.js
    node dist/tools/bench/cpu-profile-top.js "$dir" "${BENCH_PROFILE_FRAMES:-10}"
  else
    node "dist/tools/bench/${bench}.bench.js"
  fi
done
