#!/bin/sh
# Configure and build into BUILD_DIR (default: build/). Extra arguments go
# to cmake's configure step, e.g. -DRF_SANITIZE=ON or -DCMAKE_C_COMPILER=clang.
set -eu
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DRF_WERROR=ON "$@" >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)" >/dev/null
echo "built in $BUILD_DIR" >&2
