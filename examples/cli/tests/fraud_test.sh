#!/bin/sh
# Fraud checks through the CLI: a held conversion is listed, shown,
# explained and approved; a self-referral is rejected at once; bad review
# input and double reviews fail and change nothing; the disposable domain
# list loads from a file.
#
#   sh fraud_test.sh PATH/TO/referral
set -u
BIN=${1:?usage: fraud_test.sh PATH/TO/referral}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fraud_test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
cd "$TMP" || exit 1
tests=0
failures=0
ok() { tests=$((tests + 1)); }
fail() {
	tests=$((tests + 1))
	failures=$((failures + 1))
	echo "not ok $tests - $1"
}
DB=$TMP/f.db
run() {
	"$BIN" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
expect() { # expect STATUS WHAT
	if [ "$rc" -eq "$1" ]; then ok; else
		fail "$2: exit $rc, wanted $1"
		sed 's/^/  /' "$TMP/err" | head -5
	fi
}
contains() { # contains TEXT WHAT
	if grep -qF -- "$1" "$TMP/out"; then ok; else
		fail "$2: no '$1' in $(head -c 400 "$TMP/out")"
	fi
}
lacks() { # lacks TEXT WHAT
	if grep -qF -- "$1" "$TMP/out"; then fail "$2: '$1' in output"; else ok; fi
}

run init --quiet; expect 0 "init"
run program create spring --quiet; expect 0 "program"
run advocate add ann --quiet; expect 0 "advocate"
run code issue spring ann --json; expect 0 "code"
CODE=$(sed 's/.*"code":"\([^"]*\)".*/\1/' "$TMP/out")
run track click "$CODE" v1 --at 2026-01-01T10:00:00Z --quiet; expect 0 "click"
run convert spring v1 o1 20.00 EUR --at 2026-01-01T11:00:00Z --email "x@Mailinator.com" --quiet
expect 0 "convert held"
run track click "$CODE" v2 --at 2026-01-01T10:00:00Z --quiet; expect 0 "click 2"
run convert spring v2 o2 20.00 EUR --at 2026-01-01T11:00:00Z --quiet; expect 0 "convert clean"

run review list spring; expect 0 "review list"
contains "ORDER" "list header"
contains "o1" "held order listed"
contains "disposable-email" "signal named"
lacks "o2" "clean order not listed"
run review list spring --json; expect 0 "review list --json"
contains '"order_id":"o1"' "json item"
contains '"status":"held"' "json status"
contains '"next_cursor":0' "json cursor"

run review show spring o1; expect 0 "review show"
contains "review" "show review line"
contains "ann" "show advocate"
contains "mailinator.com" "show evidence"
run explain spring o1; expect 0 "explain"
contains "fraud check:" "explain fraud section"
contains "disposable-email" "explain signal"
run explain spring o2 --json; expect 0 "explain --json"
contains '"fraud":{' "explain json fraud"
contains '"decision":"approve"' "explain json verdict"

run review approve spring o1 --reviewer rita; expect 1 "approve without reason"
run review approve spring o1 --reviewer "" --reason x; expect 1 "approve empty reviewer"
run review approve spring o2 --reviewer rita --reason ok; expect 1 "approve an approved one"
run review show spring o1 --json; contains '"status":"held"' "still held after bad input"
run review approve spring o1 --reviewer rita --reason "known customer" --json
expect 0 "approve"
contains '"status":"approved"' "approved"
contains '"reviewer":"rita"' "reviewer kept"
run review reject spring o1 --reviewer sam --reason again; expect 1 "review twice"
run review list spring --json; contains '"items":[]' "queue empty"

# Self-referral: the advocate's own customer id rejects at once.
run advocate add bob --quiet; expect 0 "advocate bob"
run convert spring v1 o3 5.00 EUR --customer ann-customer --quiet; expect 0 "convert o3"
run review show spring o3 --json; expect 0 "show o3"
contains '"decision":"approve"' "a stranger's customer id is fine"
run convert spring v3 o4 5.00 EUR --existing-customer --quiet; expect 0 "existing"
run review show spring o4 --json; contains '"decision":"reject"' "existing customer rejected"
contains '"signal":"existing-customer"' "existing customer signal"

# Disposable domains from a file.
printf '# ours\nburner.example\n' >"$TMP/d.txt"
run fraud domains "$TMP/d.txt" --json; expect 0 "domains load"
contains '"domains":1' "domains count"
printf 'not a domain\n' >"$TMP/bad.txt"
run fraud domains "$TMP/bad.txt"; expect 1 "bad domains"
run fraud domains "$TMP/missing.txt"; expect 1 "missing file"

# A link preview's click is kept but flagged, and counts nowhere.
run track click "$CODE" v9 --ua "WhatsApp/2.23.20.0" --json; expect 0 "preview click"
contains '"bot":true' "preview flagged"
run track click "$CODE" v9 --ua "Mozilla/5.0" --json; expect 0 "person click"
contains '"bot":false' "person not flagged"
contains '"duplicate":false' "a preview is no earlier touch"
run track click "$CODE" v9 --ua "curl/8.4.0"; expect 0 "bot click text"
contains "bot or link preview" "bot click text says so"

echo "fraud_test: $tests checks, $failures failed"
[ "$failures" -eq 0 ]
