#!/bin/sh
# Exports and imports through the CLI: a small demo database is exported
# (codes, touchpoints, conversions, attributions; CSV and JSON), imported
# into a fresh database, and everything a report shows must be identical:
# statistics of the program, of every advocate and of every week, and the
# exports themselves (row ids aside). Bad rows must fail with their line
# and column and change nothing.
#
#   sh exports_test.sh PATH/TO/referral
#   RF_CLI_VALGRIND=1 sh exports_test.sh PATH/TO/referral   # under valgrind
set -u
BIN=${1:?usage: exports_test.sh PATH/TO/referral}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/exports_test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
cd "$TMP" || exit 1
WRAP=
if [ "${RF_CLI_VALGRIND:-0}" = 1 ]; then
	WRAP="valgrind --quiet --leak-check=full --error-exitcode=99 --log-file=$TMP/valgrind.%p.log"
fi
tests=0
failures=0
ok() { tests=$((tests + 1)); }
fail() {
	tests=$((tests + 1))
	failures=$((failures + 1))
	echo "not ok $tests - $1"
}
# run DB ARGS...: stdout in $TMP/out, stderr in $TMP/err, status in $rc.
run() {
	db=$1
	shift
	$WRAP "$BIN" --db "$db" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
expect() { # expect STATUS WHAT
	if [ "$rc" -eq "$1" ]; then ok; else
		fail "$2: exit $rc, wanted $1"
		sed 's/^/  /' "$TMP/err" | head -5
	fi
}
same() { # same FILE1 FILE2 WHAT
	if cmp -s "$1" "$2"; then ok; else
		fail "$3 differ"
		diff "$1" "$2" | head -6 | sed 's/^/  /'
	fi
}
contains() { # contains FILE TEXT WHAT
	if grep -qF -- "$2" "$1"; then ok; else
		fail "$3: no '$2' in $(head -c 300 "$1")"
	fi
}

A=$TMP/a.db
B=$TMP/b.db
run "$A" demo --advocates 40 --visitors 2000 --days 14 --seed 3 --quiet
expect 0 "demo"

# Exports of the demo, to files and to standard output.
for w in codes touchpoints conversions attributions; do
	run "$A" export demo --what "$w" -o "$w.csv"
	expect 0 "export $w"
	contains "$TMP/out" "exported" "export $w summary"
	run "$A" export demo --what "$w" --format json -o "$w.json"
	expect 0 "export $w json"
	[ "$(head -c 1 "$w.json")" = "[" ] && ok || fail "$w.json is not an array"
done
run "$A" export demo --what touchpoints
expect 0 "export to stdout"
same "$TMP/out" touchpoints.csv "stdout and -o exports"
[ "$(wc -l <touchpoints.csv)" -gt 1000 ] && ok || fail "too few touchpoints exported"
if command -v python3 >/dev/null 2>&1; then
	for w in codes touchpoints conversions attributions; do
		python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$w.json" && ok ||
			fail "$w.json is not JSON"
	done
fi
# Nothing personal: the demo gave emails and names; none appear.
if grep -qiE '@example\.com|Archer|[A-Z][a-z]+ [A-Z][a-z]+' codes.csv touchpoints.csv; then
	fail "personal data in an export"
else ok; fi

# A fresh database with the same program, then the imports, in order.
run "$B" init
expect 0 "init copy"
run "$B" program create demo --name "Spring referral demo"
expect 0 "program create"
for w in codes touchpoints conversions; do
	run "$B" import demo --what "$w" "$w.csv"
	expect 0 "import $w"
	rows=$(($(wc -l <"$w.csv") - 1))
	contains "$TMP/out" "imported $rows $w from $w.csv" "import $w summary"
	[ -s "$TMP/err" ] && fail "import $w wrote to stderr (not a terminal: no progress)" || ok
done

# Identical exports (touchpoint and conversion ids are each store's own).
for w in codes attributions; do
	run "$B" export demo --what "$w" -o "b-$w.csv"
	same "$w.csv" "b-$w.csv" "$w exports"
done
for w in touchpoints conversions; do
	run "$B" export demo --what "$w" -o "b-$w.csv"
	cut -d, -f2- "$w.csv" >x
	cut -d, -f2- "b-$w.csv" >y
	same x y "$w exports"
done

# Identical report numbers: the program, each advocate, each week.
run "$A" --json stats demo
cp "$TMP/out" sa
run "$B" --json stats demo
same sa "$TMP/out" "program statistics"
advocates=$(cut -d, -f3 codes.csv | sed 1d | sort -u)
n=0
for adv in $advocates; do
	run "$A" --json stats demo --advocate "$adv"
	cp "$TMP/out" sa
	run "$B" --json stats demo --advocate "$adv"
	cmp -s sa "$TMP/out" || { fail "statistics of $adv differ"; n=$((n + 1)); }
done
[ "$n" -eq 0 ] && ok
first=$(sed -n 2p touchpoints.csv | cut -d, -f2)
week=604800000
for i in 0 1 2 3; do
	from=$((first + i * week))
	to=$((from + week))
	run "$A" --json stats demo --from "$from" --to "$to"
	cp "$TMP/out" sa
	run "$B" --json stats demo --from "$from" --to "$to"
	same sa "$TMP/out" "statistics of week $i"
	run "$A" export demo --what attributions --from "$from" --to "$to"
	cp "$TMP/out" ea
	run "$B" export demo --what attributions --from "$from" --to "$to"
	same ea "$TMP/out" "attributions of week $i"
done
# The dashboards show the same numbers (names aside: they are not exported;
# nor are scores, reward rules and the ledger, so the sections from the
# leaderboard on are left out).
run "$A" dashboard demo -o da.html
run "$B" dashboard demo -o db.html
sed '/<section id="leaderboard"/,$d' da.html | grep -o '<td class="num">[^<]*</td>' >na
sed '/<section id="leaderboard"/,$d' db.html | grep -o '<td class="num">[^<]*</td>' >nb
same na nb "dashboard numbers"

# Bad rows: line and column named, nothing written.
run "$B" export demo --what touchpoints -o before.csv
code=$(sed -n 2p codes.csv | cut -d, -f1)
printf 'code,visitor_id,at_ms\n%s,new-1,1772409772045\n%s,new-2,soon\n' "$code" "$code" >bad.csv
run "$B" import demo --what touchpoints bad.csv
expect 1 "bad row"
contains "$TMP/err" "line 3, column 'at_ms'" "bad row message"
printf 'code,visitor_id,at_ms\n%s,new-1,1\n"%s,new-2,1\n' "$code" "$code" >bad.csv
run "$B" import demo --what touchpoints bad.csv
expect 1 "unterminated quote"
contains "$TMP/err" "line 3, column 'code': unterminated quoted field" "malformed CSV message"
printf 'code,visitor,at_ms\n' >bad.csv
run "$B" --json import demo --what touchpoints bad.csv
expect 1 "unknown column"
contains "$TMP/out" '"error"' "JSON error document"
contains "$TMP/err" "line 1, column 'visitor': unknown column" "unknown column message"
run "$B" export demo --what touchpoints -o after.csv
same before.csv after.csv "touchpoints after refused imports"

# Options, --json, --quiet, usage errors.
run "$B" --json import demo --what conversions conversions.csv
expect 0 "import again (idempotent conversions)"
contains "$TMP/out" '"what":"conversions","rows":' "import JSON summary"
run "$B" --quiet export demo --what codes -o q.csv
expect 0 "quiet export"
[ -s "$TMP/out" ] && fail "--quiet printed something" || ok
run "$B" export demo --what touchpoints --json --pseudonyms --from 2026-03-03 --to 2026-03-04
expect 0 "pseudonymised json export of a day"
contains "$TMP/out" '"visitor_id":"v-' "pseudonyms"
grep -q 'visitor-0' "$TMP/out" && fail "raw visitor ids with --pseudonyms" || ok
run "$B" export demo --what rewards
expect 0 "export rewards"
contains "$TMP/out" "entry_id,at_ms,at,cause,order_id,payout,holder_kind,holder" "rewards header"
run "$B" export demo
expect 2 "export without --what"
run "$B" import demo --what attributions attributions.csv
expect 2 "import of attributions"
run "$B" export demo --what codes --format xml
expect 2 "bad format"
run "$B" import demo --what codes missing.csv
expect 1 "missing file"
run "$B" export nope --what codes
expect 1 "unknown program"
run "$B" import demo --what touchpoints - <touchpoints.csv
expect 0 "import from standard input"

if [ -n "$WRAP" ] && cat "$TMP"/valgrind.*.log 2>/dev/null | grep -q .; then
	fail "valgrind reported errors"
	cat "$TMP"/valgrind.*.log | head -20
fi
echo "exports_test: $tests checks, $failures failed"
[ "$failures" -eq 0 ]
