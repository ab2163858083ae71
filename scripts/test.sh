#!/bin/sh
# Set everything up on a fresh machine and run every test: the C suites,
# the CLI tests, and the Python and Ruby binding tests (all under ctest).
set -eu
cd "$(dirname "$0")/.."
./scripts/deps.sh
./scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
