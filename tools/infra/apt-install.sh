#!/usr/bin/env bash
# apt-get installs the given Debian packages (as root, or through sudo -n), running
# `apt-get update` first only when the package lists are too old to find them. Output to stderr.
set -euo pipefail
(( $# > 0 )) || { echo "usage: apt-install.sh PACKAGE..." >&2; exit 2; }
SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  command -v sudo >/dev/null || { echo "need $* and we are not root (no sudo) to apt-get install them" >&2; exit 1; }
  SUDO="sudo -n"
fi
command -v apt-get >/dev/null || { echo "need $* and apt-get is not available: install them manually" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
echo "installing $* with apt-get..." >&2
if ! $SUDO apt-get install -y "$@" >&2; then
  $SUDO apt-get update >&2
  $SUDO apt-get install -y "$@" >&2
fi
