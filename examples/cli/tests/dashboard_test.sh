#!/bin/sh
# Browser test of 'referral dashboard': builds a small demo database, writes
# the dashboard, renders it in headless Chromium and checks that every
# section is in the DOM and that the page fetches nothing. Also checks that
# strings from the database are escaped. Exit 77 (skipped) without chromium.
#
#   sh dashboard_test.sh PATH/TO/referral
set -u
BIN=${1:?usage: dashboard_test.sh PATH/TO/referral}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	echo "skipped: chromium is not installed (Debian package 'chromium')"
	exit 77
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dashboard_test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
failures=0
fail() { failures=$((failures + 1)); echo "not ok - $1"; }

SECTIONS="headline time-series funnel channels advocate-kinds top-advocates leaderboard top-content rewards fraud"

# dump HTML: the DOM after Chromium loaded the page.
dump() {
	"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run \
		--user-data-dir="$(mktemp -d "$TMP/profile.XXXXXX")" --dump-dom "file://$1" \
		>"$TMP/dom" 2>"$TMP/chromium.log"
}

# check_page HTML WHAT [loose]: the checks every dashboard must pass. Strict:
# no "http://", "https://" or "src=" anywhere; loose (for pages showing
# hostile names, escaped): none inside a tag.
check_page() {
	[ -s "$1" ] || { fail "$2: no file written"; return; }
	pattern='https?://|src=|<script|@import|url\('
	[ "${3:-}" = loose ] && pattern='<[^>]*(https?://|[[:space:]](src|href)=)|<script|@import|url\('
	if grep -Eqi "$pattern" "$1"; then
		fail "$2: external reference or script in the page"
		grep -Eoi ".{0,40}($pattern).{0,40}" "$1" | head -5
	fi
	dump "$1" || { fail "$2: chromium failed"; cat "$TMP/chromium.log"; return; }
	grep -q '</html>' "$TMP/dom" || fail "$2: no DOM dumped"
	for id in $SECTIONS; do
		grep -q "<section id=\"$id\"" "$TMP/dom" || fail "$2: section #$id missing from the DOM"
	done
	[ "$(grep -o '<svg ' "$TMP/dom" | wc -l)" -ge 5 ] || fail "$2: fewer than 5 charts"
	[ "$(grep -o '<title id=' "$TMP/dom" | wc -l)" -ge 5 ] || fail "$2: charts without <title>"
	[ "$(grep -o '<desc id=' "$TMP/dom" | wc -l)" -ge 5 ] || fail "$2: charts without <desc>"
	grep -q '@media print' "$TMP/dom" || fail "$2: no print layout"
}

# 1. The demo writes the dashboard next to its database and prints the path.
"$BIN" --db "$TMP/demo.db" demo --advocates 50 --visitors 2000 --days 14 >"$TMP/out" 2>&1 ||
	{ fail "demo exited $?"; cat "$TMP/out"; }
grep -q "^Dashboard: $TMP/demo.html\$" "$TMP/out" || fail "demo does not print the dashboard path"
check_page "$TMP/demo.html" "demo dashboard"
grep -q '<dt>Clicks (all touchpoints)</dt><dd>[0-9]' "$TMP/demo.html" || fail "no click count"
grep -q '<dt>Returning customers</dt><dd>[0-9]' "$TMP/demo.html" || fail "no returning customers"
grep -Eq '<dt>K-factor</dt><dd>[0-9]+\.[0-9]{2}</dd>' "$TMP/demo.html" && ! grep -q '<dt>K-factor</dt><dd>0.00</dd>' "$TMP/demo.html" ||
	fail "K-factor: the demo's advocates invite, so it must be above 0"
grep -Eq '<dt>Reward cost</dt><dd>[1-9][0-9,.]* EUR</dd>' "$TMP/demo.html" || fail "no EUR reward cost"
grep -Eq '<dt>Return on reward spend</dt><dd>[0-9.]+ x \(EUR\)</dd>' "$TMP/demo.html" ||
	fail "no return on reward spend"
grep -q '<tr><th scope="row">EUR</th><td>cash</td><td class="num">[1-9]' "$TMP/demo.html" ||
	fail "reward liabilities: no EUR cash row"
sed -n '/<section id="leaderboard"/,/<\/section>/p' "$TMP/demo.html" >"$TMP/board"
[ "$(grep -c '^<tr><td class="num">[0-9]*</td><th scope="row">' "$TMP/board")" = 10 ] ||
	fail "leaderboard: not 10 rows"
grep -q 'first-referral' "$TMP/board" || fail "leaderboard: no badges shown"
sed -n '/<section id="top-content"/,/<\/section>/p' "$TMP/demo.html" >"$TMP/content"
[ "$(grep -c '^<tr><th scope="row">' "$TMP/content")" = 4 ] || fail "top content: not the demo's 4 items"
grep -q '<tr><th scope="row">Spring launch video <span class="id">launch-video</span></th><td>video</td>' \
	"$TMP/content" || fail "top content: the launch video is not listed with its kind"
grep -Eq '<td class="num">[1-9][0-9,.]* EUR</td></tr>' "$TMP/content" || fail "top content: no item brought value"
grep -q '<p>4 conversions held for review' "$TMP/demo.html" ||
	fail "fraud holds: the demo's 4 staged suspicious orders are not held"
grep -q '<tr><th scope="row">suspect-order-1</th>' "$TMP/demo.html" ||
	fail "fraud holds: the oldest held order is not listed"
grep -q '<tr><th scope="row">EUR</th><td>credit</td>' "$TMP/demo.html" ||
	fail "reward liabilities: no EUR credit row (referees' welcome credit)"
sed -n '/<section id="top-advocates"/,/<\/section>/p' "$TMP/demo.html" >"$TMP/top"
[ "$(grep -c '<tr><td class="num">[0-9]*</td><th scope="row">' "$TMP/top")" = 10 ] ||
	fail "top advocates: not 10 rows"

# 1b. 'referral report' gives the same headline numbers, as text and JSON.
"$BIN" --db "$TMP/demo.db" --json report demo >"$TMP/report.json" 2>&1 || fail "report --json exited $?"
conversions=$(sed -n 's/.*"conversions": *\([0-9]*\).*/\1/p' "$TMP/report.json" | head -1)
shown=$(sed -n 's/.*<dt>Conversions<\/dt><dd>\([0-9,]*\)<\/dd>.*/\1/p' "$TMP/demo.html" | tr -d ,)
[ -n "$conversions" ] && [ "$conversions" = "$shown" ] ||
	fail "report: $conversions conversions, the dashboard shows $shown"
grep -q '"returning_customers": *[0-9]' "$TMP/report.json" || fail "report: no returning customers"
grep -q '"currency": *"EUR"' "$TMP/report.json" || fail "report: no EUR money"
"$BIN" --db "$TMP/demo.db" report demo --from 2026-01-01 >"$TMP/report.txt" 2>&1 || fail "report exited $?"
grep -q '^customers  *[0-9]* new, [0-9]* returning$' "$TMP/report.txt" || fail "report: no customers line"
"$BIN" --db "$TMP/demo.db" report nosuch >/dev/null 2>&1
[ $? = 1 ] || fail "report: unknown program is not an error"
"$BIN" --db "$TMP/demo.db" report demo --from 2026-02-01 --to 2026-01-01 >/dev/null 2>&1
[ $? = 2 ] || fail "report: --to before --from is not a usage error"

# 2. The command, with a period and each granularity.
for g in day week month; do
	"$BIN" --db "$TMP/demo.db" dashboard demo -o "$TMP/$g.html" --granularity "$g" \
		--from 2026-01-01 >"$TMP/out" 2>&1 || { fail "dashboard --granularity $g"; cat "$TMP/out"; }
	grep -q "per $g (UTC)" "$TMP/$g.html" || fail "$g: granularity not shown"
done
check_page "$TMP/week.html" "weekly dashboard"
"$BIN" --db "$TMP/demo.db" dashboard demo -o "$TMP/x.html" --granularity hour >/dev/null 2>&1
[ $? = 2 ] || fail "bad --granularity is not a usage error"
"$BIN" --db "$TMP/demo.db" dashboard demo >/dev/null 2>&1
[ $? = 2 ] || fail "missing -o is not a usage error"
"$BIN" --db "$TMP/demo.db" dashboard nosuch -o "$TMP/n.html" >/dev/null 2>&1
[ $? = 1 ] || fail "unknown program is not an error"
[ ! -e "$TMP/n.html" ] || fail "a failed dashboard left a file"

# 3. An empty program still renders; strings from the database are escaped.
DB=$TMP/evil.db
EVIL='<script>alert(1)</script> & "x" '"'"'y'"'"
"$BIN" --db "$DB" init >/dev/null 2>&1
"$BIN" --db "$DB" program create evil --name "$EVIL" >"$TMP/out" 2>&1 ||
	{ fail "program create"; cat "$TMP/out"; }
"$BIN" --db "$DB" advocate add a1 --name "<img src=x onerror=alert(2)>" >"$TMP/out" 2>&1 ||
	{ fail "advocate add"; cat "$TMP/out"; }
"$BIN" --db "$DB" --quiet code issue evil a1 >"$TMP/code" 2>&1 || { fail "code issue"; cat "$TMP/code"; }
"$BIN" --db "$DB" track click "$(cat "$TMP/code")" v1 >"$TMP/out" 2>&1 ||
	{ fail "track click"; cat "$TMP/out"; }
"$BIN" --db "$DB" convert evil v1 o1 10.00 EUR >"$TMP/out" 2>&1 || { fail "convert"; cat "$TMP/out"; }
"$BIN" --db "$DB" program create empty >/dev/null 2>&1
"$BIN" --db "$DB" dashboard empty -o "$TMP/empty.html" >"$TMP/out" 2>&1 ||
	{ fail "dashboard of an empty program"; cat "$TMP/out"; }
check_page "$TMP/empty.html" "empty dashboard"
grep -q 'No data in this period' "$TMP/empty.html" || fail "empty charts not labelled"
"$BIN" --db "$DB" dashboard evil -o "$TMP/evil.html" >"$TMP/out" 2>&1 ||
	{ fail "dashboard with markup in names"; cat "$TMP/out"; }
check_page "$TMP/evil.html" "escaped dashboard" loose
grep -q '<script>\|<img' "$TMP/evil.html" && fail "unescaped markup from the database"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;' "$TMP/evil.html" ||
	fail "program name not escaped as expected"
grep -q '&lt;img src=x onerror=alert(2)&gt;' "$TMP/evil.html" || fail "advocate name not shown escaped"

if [ "$failures" -gt 0 ]; then
	echo "$failures failure(s)"
	exit 1
fi
echo "ok - dashboard"
