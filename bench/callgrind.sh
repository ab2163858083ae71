#!/bin/sh
# Instructions per operation, library vs raw, counted by callgrind: unlike
# wall time, repeatable on a busy machine. Each benchmark runs alone, with
# collection switched on only inside the two timed phase functions.
# usage: bench/callgrind.sh path/to/bench_referral [scale [bench options...]]
set -eu
bin=${1:?usage: callgrind.sh path/to/bench_referral [scale [bench options...]]}
scale=${2:-0.1}
shift $(($# < 2 ? $# : 2))
work=$(mktemp -d "${TMPDIR:-/tmp}/referral-callgrind.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# Inclusive instruction count of one function in a callgrind profile.
cost() {
	callgrind_annotate --inclusive=yes "$1" 2>/dev/null |
		awk -v f=":$2 " 'index($0, f) { gsub(",", "", $1); print $1; exit }'
}

printf '%-14s %8s %12s %12s %7s\n' benchmark ops 'lib Ir/op' 'raw Ir/op' ratio
for pair in touch_single:touch_single touch_batched:touch_batched resolve:resolve \
	conversion:convert; do
	name=${pair%%:*} fn=${pair#*:}
	valgrind --tool=callgrind --callgrind-out-file="$work/$name.cg" --collect-atstart=no \
		--toggle-collect="lib_$fn" --toggle-collect="raw_$fn" \
		"$bin" --only "$name" --scale "$scale" --json --dir "$work" "$@" \
		>"$work/$name.json" 2>"$work/$name.log"
	ops=$(sed -n 's/.*"ops":\([0-9]*\).*/\1/p' "$work/$name.json")
	lib=$(cost "$work/$name.cg" "lib_$fn")
	raw=$(cost "$work/$name.cg" "raw_$fn")
	awk -v n="$name" -v o="$ops" -v l="$lib" -v r="$raw" 'BEGIN {
		printf "%-14s %8d %12.0f %12.0f %7.2f\n", n, o, l / o, r / o, r / l }'
done
