#!/bin/sh
# Install the Debian packages libreferral needs to build and test, if any
# are missing. Safe to run repeatedly; needs root (or sudo) only to install.
set -eu

PACKAGES="cmake make gcc clang pkg-config libsqlite3-dev libsodium-dev uuid-dev
libcmocka-dev python3 python3-venv python3-setuptools python3-wheel ruby ruby-ffi valgrind
chromium"

missing=""
for p in $PACKAGES; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "installing:$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
