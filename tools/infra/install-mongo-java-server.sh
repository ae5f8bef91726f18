#!/usr/bin/env bash
# Ensures the dev/CI database — mongo-java-server and our launcher — and prints its folder on
# stdout: <folder>/jars (from Maven Central) and <folder>/classes (CohortMongoServer compiled).
# Idempotent: the folder is keyed by a hash of the pom and the launcher, so an edit rebuilds it.
# Installs a JDK and Maven with apt-get when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SRC="$ROOT/tools/infra/mongo-java-server"
KEY="$(cat "$SRC/pom.xml" "$SRC/CohortMongoServer.java" | sha256sum | cut -c1-12)"
OUT="$ROOT/.infra/mongo-java-server/$KEY"
if [[ -f "$OUT/ready" ]]; then echo "$OUT"; exit 0; fi

if ! command -v java >/dev/null || ! command -v javac >/dev/null || ! command -v mvn >/dev/null; then
  bash "$ROOT/tools/infra/apt-install.sh" default-jdk-headless maven
fi

echo "resolving mongo-java-server jars with Maven..." >&2
rm -rf "$OUT"
mkdir -p "$OUT/classes"
mvn -q -B -f "$SRC/pom.xml" dependency:copy-dependencies -DoutputDirectory="$OUT/jars" >&2
javac -nowarn -d "$OUT/classes" -cp "$OUT/jars/*" "$SRC/CohortMongoServer.java" >&2
touch "$OUT/ready"
echo "$OUT"
