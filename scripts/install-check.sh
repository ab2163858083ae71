#!/bin/sh
# Install the build into a temporary prefix, then build and run the quick
# start against it twice: with pkg-config and with find_package(referral).
set -eu
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$BUILD_DIR" --prefix "$prefix" >/dev/null
libdir=$(find "$prefix" -name 'libreferral.so' -printf '%h\n' | head -n 1)

PKG_CONFIG_PATH="$libdir/pkgconfig" cc -Wall -Werror examples/c/quickstart.c \
	$(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs referral) \
	-Wl,-rpath,"$libdir" -o "$prefix/quickstart-pc"
"$prefix/quickstart-pc" | grep -q "credited to alice"

cmake -S examples/c/consumer -B "$prefix/consumer" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$prefix/consumer" >/dev/null
"$prefix/consumer/quickstart" | grep -q "credited to alice"
echo "install check passed (pkg-config and CMake package)" >&2
