#!/usr/bin/env bash
# npm run bench: bare Fastify vs GET /group/info through gateway → NATS → groups → membership → DB.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/ensure-deps.sh
bash tools/build.sh
exec node dist/tools/bench/group-info.bench.js
