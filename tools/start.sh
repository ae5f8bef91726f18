#!/usr/bin/env bash
# `npm start`: install what is missing, build, then run everything until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-deps.sh
bash tools/build.sh
exec node --enable-source-maps dist/tools/dev/start.js
