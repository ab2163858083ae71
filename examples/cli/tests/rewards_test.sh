#!/bin/sh
# Tests of the reward commands: rules, policy, code banks, rewards and
# balances, settle, payout (and its retry), refunds that claw back, and the
# rewards section of explain.
#
#   sh rewards_test.sh PATH/TO/referral
set -u
BIN=${1:?usage: rewards_test.sh PATH/TO/referral}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/rewards_test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
cd "$TMP" || exit 1
HAVE_JQ=0
command -v jq >/dev/null 2>&1 && HAVE_JQ=1
tests=0
failures=0

not_ok() {
	failures=$((failures + 1))
	echo "not ok $tests - $1"
	echo "  command: $last_cmd"
	echo "  exit: $rc"
	echo "  stdout: $(printf '%s' "$out" | head -c 600)"
	echo "  stderr: $(printf '%s' "$err" | head -c 600)"
}
# run ARGS...: the CLI on the test database; sets rc, out, err.
run() {
	last_cmd="referral $*"
	"$BIN" --db "$TMP/t.db" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	out=$(cat "$TMP/out")
	err=$(cat "$TMP/err")
}
expect_rc() { tests=$((tests + 1)); [ "$rc" = "$1" ] || not_ok "$2: exit $rc, expected $1"; }
has() { tests=$((tests + 1)); case $out in *"$1"*) ;; *) not_ok "$2: stdout lacks $1" ;; esac; }
err_has() { tests=$((tests + 1)); case $err in "referral: "*"$1"*) ;; *) not_ok "$2: stderr lacks $1" ;; esac; }
jq_is() {
	[ "$HAVE_JQ" = 1 ] || return 0
	tests=$((tests + 1))
	got=$(printf '%s\n' "$out" | jq -r "$1" 2>/dev/null)
	[ "$got" = "$2" ] || not_ok "$3: $1 is '$got', expected '$2'"
}

run init; expect_rc 0 "init"
run program create spring; expect_rc 0 "program"
run advocate add ann; expect_rc 0 "advocate"
run --quiet code issue spring ann; expect_rc 0 "code"
CODE=$out

run reward rules spring --json; expect_rc 0 "rules, none"
has '"version":0' "no configuration yet"
run reward rule-add spring --percent 1000 --max-referrals 5 --min-referrals 1 --label ten
expect_rc 0 "rule-add percent"; has "rule 1 added" "rule id"; has "10.00 %" "percent shown"
run reward rule-add spring --side referee --kind coupon --code-bank welcome --json
expect_rc 0 "rule-add coupon"; jq_is '.rules[1].kind' coupon "coupon rule"
run reward rule-add spring --event milestone --nth 2 --amount 2500 --at-once --quiet
expect_rc 0 "rule-add milestone"; has 3 "milestone id"
run reward rule-add spring; expect_rc 2 "rule-add needs an amount"
run reward rule-add spring --amount 5 --side sideways; expect_rc 2 "bad side"
run reward rule-add nope --amount 5; expect_rc 1 "unknown program"; err_has "no program 'nope'" "named"
run reward rule-add spring --percent 20000; expect_rc 2 "percent out of range"
run reward policy spring --holding-days 7 --min-payout 500 --day-amount 100000 --json
expect_rc 0 "policy"; jq_is '.policy.holding_ms' 604800000 "holding"; jq_is '.version' 4 "version"
printf 'W-1\nW-2\n\nW-1\n' >codes.txt
run reward codes spring welcome codes.txt --json; expect_rc 0 "codes"
jq_is '.added' 2 "two new codes"
run reward codes spring welcome missing.txt; expect_rc 1 "codes file missing"

run track click "$CODE" v1 --at 2026-01-01T00:00:00Z; expect_rc 0 "click"
run convert spring v1 o1 100.00 EUR --at 2026-01-01T01:00:00Z; expect_rc 0 "convert"
run track click "$CODE" v2 --at 2026-01-02T00:00:00Z
run convert spring v2 o2 50.00 EUR --at 2026-01-02T01:00:00Z; expect_rc 0 "convert 2"
run rewards spring; expect_rc 0 "rewards"
has "pending" "pending state"; has "W-1" "coupon code shown"; has "balances:" "balances"
run rewards spring --advocate ann --json; expect_rc 0 "rewards json"
jq_is '.rewards | length' 3 "ann's rewards: two shares and a milestone"
jq_is '.balances[0].pending' 1500 "pending balance"
jq_is '.balances[0].approved' 2500 "milestone approved at once"
run rewards spring --order o1 --json; jq_is '.rewards | length' 2 "o1's rewards"
run rewards spring --advocate nobody; expect_rc 1 "unknown advocate"

run explain spring o1; expect_rc 0 "explain"; has "rewards:" "rewards section"
run explain spring o1 --json; jq_is '.rewards[0].amount' 1000 "explain json rewards"

run reward settle spring --at 2026-01-05T00:00:00Z --json; jq_is '.approved' 0 "nothing due yet"
run payout spring p1 --at 2026-01-20T00:00:00Z --json; expect_rc 0 "payout"
jq_is '.duplicate' false "first run"
jq_is '[.lines[] | select(.recipient == "ann")][0].amount' 4000 "ann paid 10 + 5 + 25"
run payout spring p1 --at 2026-02-20T00:00:00Z --json; expect_rc 0 "payout retry"
jq_is '.duplicate' true "retry pays nothing"
run payout spring p1; has "already made" "retry in words"

run refund spring o1 --json; expect_rc 0 "refund after payout"
jq_is '.clawbacks[0].clawed' 1000 "clawed back from ann"
jq_is '.clawbacks | length' 2 "the coupon too"
run rewards spring --advocate ann --json
jq_is '.balances[0].owed' 1000 "owed after payment"
jq_is '.rewards[0].state' reversed "reversed"
run refund spring o2 10.00; expect_rc 0 "partial refund"; has "clawed back 1.00 EUR" "in words"

run reward rule-remove spring 1; expect_rc 0 "rule-remove"
run reward rule-remove spring 1; expect_rc 1 "rule-remove again"
run reward rules spring --json; jq_is '.rules | length' 2 "two rules left"

echo "1..$tests"
[ "$failures" = 0 ] || { echo "$failures of $tests failed"; exit 1; }
