#!/usr/bin/env bash
# npm run fuzz: schemathesis, driven by /openapi.json, against the whole built stack. Installs
# schemathesis (PyPI, pinned in requirements.txt) into .infra/fuzz/venv the first time.
# Extra arguments go to `st run` (e.g. --max-examples 50 --include-path-regex '^/group/info').
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/ensure-deps.sh
VENV=.infra/fuzz/venv
if [[ ! -x "$VENV/bin/st" || tools/fuzz/requirements.txt -nt "$VENV/bin/st" ]]; then
  echo "fuzz: installing schemathesis into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r tools/fuzz/requirements.txt
  touch "$VENV/bin/st"
fi
bash tools/build.sh
exec node dist/tools/fuzz/fuzz.js "$(pwd)/$VENV/bin/st" "$@"
