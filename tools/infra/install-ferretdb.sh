#!/usr/bin/env bash
# Builds FerretDB v1 from its Go module into .infra/bin (cached; skipped when present).
# A plain `go install` binary panics at start (FerretDB#2982: empty build/version/version.txt),
# so we copy the module source, write the version file and build it ourselves.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="${FERRETDB_VERSION:-v1.24.2}"
BIN_DIR="$ROOT/.infra/bin"
BIN="$BIN_DIR/ferretdb-$VERSION"
if [[ -x "$BIN" ]]; then echo "$BIN"; exit 0; fi
command -v go >/dev/null || { echo "go toolchain is required to build FerretDB" >&2; exit 1; }
mkdir -p "$BIN_DIR"
SRC_DIR="$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
[[ -d "$SRC_DIR" ]] || { echo "could not download FerretDB $VERSION module" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
cp -r "$SRC_DIR/." "$WORK/"
chmod -R u+w "$WORK"
echo -n "$VERSION" > "$WORK/build/version/version.txt"
( cd "$WORK" && CGO_ENABLED=0 go build -o "$BIN.tmp" ./cmd/ferretdb ) >&2
mv "$BIN.tmp" "$BIN"
echo "$BIN"
