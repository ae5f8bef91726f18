#!/usr/bin/env bash
# Compiles apps/, libs/ and tools/ with SWC into dist/ (dist/apps/<app>/src/main.js, dist/libs/...,
# dist/tools/...) through Nx: `nx run-many -t build` runs each project's build target (nx.json
# targetDefaults: `swc <projectRoot> -d dist`, libs first, cached in .nx/; the console's is a Vite build
# into dist/apps/console, which the gateway serves at /console/). The @cohort/* aliases
# are rewritten to relative paths by .swcrc; spec files are excluded there. Type checking is
# separate (npm run typecheck).
set -euo pipefail
cd "$(dirname "$0")/.."
# Nx prints every project's command; keep that in a log and show it only when the build fails.
mkdir -p .infra/logs
if ! npx --no-install nx run-many -t build --outputStyle=static > .infra/logs/build.log 2>&1; then
  cat .infra/logs/build.log >&2
  echo "build: failed (log above, also in .infra/logs/build.log)" >&2
  exit 1
fi
for f in dist/apps/*/src/main.js dist/tools/dev/start.js dist/apps/console/index.html; do
  [[ -f "$f" ]] || { echo "build: expected $f is missing" >&2; exit 1; }
done
echo "build: ok ($(find dist -name '*.js' | wc -l) files in dist/)"
