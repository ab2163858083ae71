#!/bin/sh
# Tests of the engagement commands (content, outbox, stage, stages) of the
# referral CLI, against a temporary database. Same helpers as cli_test.sh.
#
#   sh engagement_test.sh PATH/TO/referral
#   RF_CLI_VALGRIND=1 sh engagement_test.sh PATH/TO/referral   # every run under valgrind
#
# POSIX sh only; jq, when installed, also validates every JSON document.

RF_CLI_TEST_NAME=engagement_test
. "$(dirname "$0")/helpers.sh"

# ---- scene ----------------------------------------------------------------------

run init
run program create spring
for who in ann bob cat; do run advocate add $who; done
run consent ann tracking grant --source signup
run consent ann messages grant --source signup
run consent bob tracking grant --source signup
expect_rc 0 "scene"

# ---- content ----------------------------------------------------------------------

run content add spring kit --title "Starter kit" --url https://shop.example/kit --stages active,champion --json
expect_rc 0 "content add"
json "content add json"
jq_is '.stages | length' 2 "two stages"
jq_is '.stages[1]' champion "stage names"
jq_is '.kind' article "default kind"
run content add spring deck --title "Sales deck" --url doc:decks/2026.pdf --kind document
expect_rc 0 "content add deck"
has "all" "deck offered to all stages"
run content add spring kit --title t --url u
fail_with 1 "already" "content key taken"
run content add spring x --title t --url u --stages nope
fail_with 2 "--stages" "unknown stage"
run content add spring x --title t --url u --min-tier platinum
fail_with 1 "platinum" "unknown tier"
run content add spring x --url u
fail_with 1 "title" "title required"
run content list spring --json
expect_rc 0 "content list"
json "content list json"
jq_is '.items | length' 2 "two items"
jq_is '.items[0].key' deck "newest first"
run content list spring
has "Sales deck" "content list text"
has "min tier" "content list header"

# invited: only what targets every stage
run content for spring ann --json
expect_rc 0 "content for"
json "content for json"
jq_is '.items | length' 1 "invited sees one"
jq_is '.items[0].key' deck "invited sees the deck"

# ---- stages ---------------------------------------------------------------------------

run activity spring ann share
expect_rc 0 "activity"
run stage spring ann --json
expect_rc 0 "stage"
json "stage json"
jq_is '.stage' active "active after an activity"
jq_is '.history[0].previous' null "first placement"
jq_is '.history[0].stage' active "history"
run stage spring ann
has "active" "stage text"
has "config" "stage history table"
run content for spring ann --json
jq_is '.items | length' 2 "active sees both"
run content for spring ann --limit 1 --json
jq_is '.items | length' 1 "limit"

run code issue spring ann --content kit --json
expect_rc 0 "code bound to content"
json "code json"
jq_is '.content' kit "code content"
CODE=$(printf '%s\n' "$out" | sed -n 's/.*"code":"\([^"]*\)".*/\1/p')
run code issue spring ann --content nope
fail_with 1 "nope" "unknown content"
run track click "$CODE" v1 --quiet
expect_rc 0 "click"
run convert spring v1 o1 20.00 EUR --quiet
expect_rc 0 "convert"
run stage spring ann --json
jq_is '.stage' referring "referring after a referral"
jq_is '.referrals' 1 "referral counted"

run stages spring --json
expect_rc 0 "stages"
json "stages json"
jq_is '.referring' 1 "one referring"
jq_is '.advocates' 1 "one placed"
run stages spring
has "referring" "stages text"
has "total" "stages total"
run stages spring --refresh --at 2099-01-01 --json
expect_rc 0 "stages refresh"
jq_is '.changed' 1 "one went dormant"
jq_is '.dormant' 1 "dormant counted"
run stages spring --at 2099-01-01
fail_with 2 "--refresh" "--at needs --refresh"
run stages nope
fail_with 1 "nope" "stages unknown program"
run stage spring nobody
fail_with 1 "nobody" "stage unknown advocate"

# ---- content performance ----------------------------------------------------------------

run content stats spring --json
expect_rc 0 "content stats"
json "content stats json"
jq_is '.currency' EUR "currency"
jq_is '.items[0].key' kit "best first"
jq_is '.items[0].clicks' 1 "clicks"
jq_is '.items[0].unique_visitors' 1 "visitors"
jq_is '.items[0].conversions' 1 "conversions"
jq_is '.items[0].value_minor' 2000 "value"
jq_is '.items[1].value_minor' 0 "nothing for the deck"
run content stats spring --top 1
has "kit" "stats text"
lacks "Sales deck" "top 1"
run content stats spring --currency EURO
fail_with 1 "currency" "bad currency"

# ---- outbox -------------------------------------------------------------------------------

run outbox list --json
expect_rc 0 "outbox list"
json "outbox json"
jq_is '.messages[0].kind' new_content "new content for the stage"
jq_is '.messages[0].automated' true "automated"
jq_is '.messages | length' 3 "three queued: the weekly cap"
lacks '"kind":"dormant_nudge"' "the nudge is not queued"
run outbox list --all --json
jq_is '.messages[3].kind' dormant_nudge "the nudge was asked for"
jq_is '.messages[3].reason' frequency-cap "and held by the cap"
run outbox list
has "new_content" "outbox text"
has "next cursor" "outbox cursor"
run outbox drain --limit 1 --json
expect_rc 0 "drain one"
jq_is '.messages | length' 1 "one drained"
jq_is '.acknowledged' 1 "one acknowledged"
NEXT=$(printf '%s\n' "$out" | sed -n 's/.*"next_cursor":\([0-9]*\).*/\1/p')
run outbox drain --cursor "$NEXT" --json
expect_rc 0 "drain the rest"
jq_is '.messages | length' 2 "the rest"
jq_is '.acknowledged' 2 "the rest acknowledged"
NEXT=$(printf '%s\n' "$out" | sed -n 's/.*"next_cursor":\([0-9]*\).*/\1/p')
run outbox drain --cursor "$NEXT" --json
jq_is '.messages | length' 0 "nothing left"
jq_is '.acknowledged' 0 "nothing acknowledged"
run outbox list --json
jq_is '.messages | length' 0 "no queued message"
run outbox list --all --json
jq_is '.messages[0].status' delivered "delivered"
run outbox list --limit 0
fail_with 2 "--limit" "limit range"
run outbox drain --all
fail_with 2 "--all" "drain has no --all"

# ---- archive --------------------------------------------------------------------------------

run content archive spring kit --json
expect_rc 0 "archive"
run content list spring --json
jq_is '.items | length' 1 "archived hidden"
run content list spring --all --json
jq_is '.items[1].status' archived "archived shown with --all"
run code issue spring ann --content kit
fail_with 1 "archived" "no code for archived content"

echo "1..$tests"
if [ "$failures" -ne 0 ]; then
	echo "# $failures of $tests checks failed"
	exit 1
fi
echo "# all $tests checks passed"
