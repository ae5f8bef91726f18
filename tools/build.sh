#!/usr/bin/env bash
# Compiles apps/, libs/ and tools/ with SWC into dist/ (dist/apps/<app>/src/main.js, dist/libs/...,
# dist/tools/...). The @cohort/* aliases are rewritten to relative paths by .swcrc; spec files
# are excluded there. Type checking is separate (npm run typecheck).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
npx --no-install swc apps libs tools -d dist --config-file .swcrc --quiet
for f in dist/apps/*/src/main.js dist/tools/dev/start.js; do
  [[ -f "$f" ]] || { echo "build: expected $f is missing" >&2; exit 1; }
done
echo "build: ok ($(find dist -name '*.js' | wc -l) files in dist/)"
