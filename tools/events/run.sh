#!/usr/bin/env bash
# npm run events -- <list|replay> [--durable <consumer>] [--seq <n>]: dead letters (tools/events/events.ts).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/build.sh >&2
node dist/tools/events/events.js "$@"
