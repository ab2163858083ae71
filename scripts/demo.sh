#!/bin/sh
# Set everything up on a fresh machine and run the CLI demo.
set -eu
cd "$(dirname "$0")/.."
./scripts/deps.sh
./scripts/build.sh
exec ./build/referral demo "$@"
