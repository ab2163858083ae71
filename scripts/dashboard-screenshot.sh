#!/bin/sh
# Write the HTML dashboard of PROGRAM in DB and take a screenshot of it with
# headless Chromium (Debian's `chromium`), for a person to look at.
#
#   scripts/dashboard-screenshot.sh DB PROGRAM OUT.png
#
# REFERRAL=path/to/referral overrides the binary (default: build/referral).
set -eu
DB=${1:?usage: dashboard-screenshot.sh DB PROGRAM OUT.png}
PROGRAM=${2:?usage: dashboard-screenshot.sh DB PROGRAM OUT.png}
OUT=${3:?usage: dashboard-screenshot.sh DB PROGRAM OUT.png}
BIN=${REFERRAL:-build/referral}
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "dashboard-screenshot: chromium is not installed" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dashshot.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
"$BIN" --db "$DB" --quiet dashboard "$PROGRAM" -o "$TMP/dashboard.html"
case $OUT in /*) ;; *) OUT=$(pwd)/$OUT ;; esac
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --disable-sync --no-first-run --hide-scrollbars \
	--user-data-dir="$TMP/profile" --window-size=1280,2000 \
	--screenshot="$OUT" "file://$TMP/dashboard.html" >"$TMP/log" 2>&1 ||
	{ cat "$TMP/log" >&2; exit 1; }
[ -s "$OUT" ] || { cat "$TMP/log" >&2; echo "dashboard-screenshot: no image written" >&2; exit 1; }
echo "$OUT"
