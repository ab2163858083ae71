#!/bin/sh
# Tests of the privacy commands of the referral CLI (erase, person export,
# retention purge, privacy policy, secret rotate|list) on a temporary database.
#
#   sh privacy_test.sh PATH/TO/referral
#   RF_CLI_VALGRIND=1 sh privacy_test.sh PATH/TO/referral   # every run under valgrind
#
# POSIX sh only; jq, when installed, also validates every JSON document.

RF_CLI_TEST_NAME=privacy_test
. "$(dirname "$0")/helpers.sh"

# ---- global behaviour ------------------------------------------------------------

# ---- a scene --------------------------------------------------------------------

DAY=86400000
NOW=$(($(date -u +%s) * 1000))
ago() { echo $((NOW - $1 * DAY)); }

run init --quiet
expect_rc 0 "init"
run program create spring --quiet
run advocate add adv-alice-4417 --name "Alice Erasable" --email alice.cli@example.org --quiet
expect_rc 0 "advocate add"
run code issue spring adv-alice-4417 --quiet
CODE=$out
run track click "$CODE" visitor-cli-8812 --at "$(ago 45)" --ip 203.0.113.9 \
	--url "https://shop.example/?who=cli-landing-3391" --quiet
expect_rc 0 "click"
run identify visitor-cli-8812 cust-cli-5520 --quiet
run convert spring visitor-cli-8812 order-1 25.00 EUR --customer cust-cli-5520 \
	--at "$(ago 44)" --quiet
expect_rc 0 "convert"
for d in 40 39 38 10; do
	run track click "$CODE" "v-$d" --at "$(ago "$d")" --quiet
done

# ---- person export ----------------------------------------------------------------

run person export advocate adv-alice-4417
expect_rc 0 "export advocate"
json "export advocate"
has '"display_name":"Alice Erasable"' "export advocate name"
has '"email":"held as a keyed hash"' "export says the email is hashed"
lacks "alice.cli@example.org" "export never shows the email"
has '"order_id":"order-1"' "export advocate credits"
jq_is '.codes[0].code' "$CODE" "export advocate code"
run person export customer cust-cli-5520 --json
expect_rc 0 "export customer"
json "export customer"
jq_is '.visitors[0]' "visitor-cli-8812" "export customer visitors"
jq_is '.conversions[0].value_minor' "2500" "export customer conversion"
jq_is '.touchpoints[0].ip' "held as a keyed hash" "export customer ip"
run person export visitor x
fail_with 2 "not 'advocate' or 'customer'" "export bad kind"
run person export advocate nobody
fail_with 1 "nobody" "export unknown advocate"

# ---- privacy policy and retention -------------------------------------------------

run privacy policy spring --json
expect_rc 0 "policy show"
jq_is '.revision' "0" "policy defaults"
run privacy policy spring --ip-truncate on --retention-days 30 --json
expect_rc 0 "policy set"
json "policy set"
jq_is '.revision' "1" "policy revision"
jq_is '.ip_truncate' "true" "policy truncation"
jq_is '.retention_ms' "2592000000" "policy retention"
run privacy policy spring --ip-truncate maybe
fail_with 2 "on" "policy bad truncation"
run privacy policy spring
expect_rc 0 "policy text"
has "on (/24, /48)" "policy text truncation"
has "30 days" "policy text retention"

run stats spring --json
TOUCHES_BEFORE=$(printf '%s\n' "$out" | sed -n 's/.*"touchpoints":\([0-9]*\).*/\1/p')
run retention purge spring --json
expect_rc 0 "purge"
json "purge"
jq_is '.touchpoints' "4" "purge removes the days before the cutoff"
jq_is '.cutoff | type' "string" "purge cutoff"
run retention purge spring
expect_rc 0 "purge again"
has "0 touchpoints" "second purge removes nothing"
run stats spring --json
TOUCHES_AFTER=$(printf '%s\n' "$out" | sed -n 's/.*"touchpoints":\([0-9]*\).*/\1/p')
if [ -n "$TOUCHES_BEFORE" ] && [ "$TOUCHES_BEFORE" = "$TOUCHES_AFTER" ]; then ok; else
	not_ok "stats keep touchpoints after a purge ($TOUCHES_BEFORE -> $TOUCHES_AFTER)"; fi
run retention purge nope
fail_with 1 "nope" "purge unknown program"

# ---- secrets --------------------------------------------------------------------------

run secret rotate --overlap-days 7 --json
expect_rc 0 "rotate"
json "rotate"
jq_is '.key_id' "2" "rotate gives key 2"
run secret list --json
expect_rc 0 "secret list"
jq_is '.keys | length' "2" "two keys"
jq_is '.keys[0].live' "true" "old key live in the overlap"
run secret list
expect_rc 0 "secret list text"
has "SECRET" "secret list table"
run secret rotate --overlap-days -1
fail_with 2 "--overlap-days" "rotate bad overlap"

# ---- erase ------------------------------------------------------------------------------

run erase advocate adv-alice-4417 --json
expect_rc 0 "erase advocate"
json "erase advocate"
jq_is '.erased' "advocate" "erase advocate json"
run erase customer cust-cli-5520
expect_rc 0 "erase customer"
has "customer cust-cli-5520 erased" "erase customer text"
run erase advocate adv-alice-4417
fail_with 1 "adv-alice-4417" "erase twice"
run person export customer cust-cli-5520
fail_with 1 "cust-cli-5520" "erased customer has nothing to export"
run stats spring --json
has '"conversions":1' "erasure keeps conversions"
for needle in adv-alice-4417 "Alice Erasable" cust-cli-5520 visitor-cli-8812 cli-landing-3391; do
	if grep -a -q -F "$needle" "$DB" "$DB-wal" 2>/dev/null; then
		not_ok "erased '$needle' is still in the database file"
	else
		ok
	fi
done

echo "1..$tests"
if [ "$failures" -ne 0 ]; then
	echo "# $failures of $tests checks failed"
	exit 1
fi
echo "# all $tests checks passed"
