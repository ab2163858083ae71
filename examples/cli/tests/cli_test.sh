#!/bin/sh
# Tests of the referral CLI: runs the binary against temporary databases and
# checks exit codes, JSON fields and the one-line errors on stderr.
#
#   sh cli_test.sh PATH/TO/referral
#   RF_CLI_VALGRIND=1 sh cli_test.sh PATH/TO/referral   # every run under valgrind
#
# POSIX sh only; jq, when installed, also validates every JSON document.

. "$(dirname "$0")/helpers.sh"

# ---- global behaviour ------------------------------------------------------------

run_raw --version
expect_rc 0 "--version"
has "referral 0.1.0" "--version"
run_raw --version --json
json "--version --json"
has '"library":"' "--version --json"
has '"schema_version":' "--version schema"

run_raw --help
expect_rc 0 "--help"
has "usage: referral" "--help"
has "convert" "--help lists commands"
run_raw
fail_with 2 "missing command" "no arguments"
run_raw frobnicate
fail_with 2 "unknown command" "unknown command"
run_raw --bogus init
fail_with 2 "unknown option" "unknown global option"
run_raw program
fail_with 2 "missing subcommand" "group without subcommand"
run_raw program frob
fail_with 2 "unknown subcommand" "unknown subcommand"
run_raw program --help
expect_rc 0 "group --help"
has "archive" "group --help lists subcommands"

for cmd in "init" "program create" "program list" "program show" "program update" \
	"program archive" "advocate add" "advocate show" "advocate list" "advocate deactivate" \
	"code issue" "code resolve" "code show" "code disable" "track click" "track visit" \
	"track scan" "convert" "explain" "refund" "identify" "fit" "replay" "attribute" \
	"stats" "demo" "version"; do
	# shellcheck disable=SC2086
	run_raw $cmd --help
	expect_rc 0 "$cmd --help"
	has "usage: referral $cmd" "$cmd --help"
	# shellcheck disable=SC2086
	run_raw $cmd -h
	expect_rc 0 "$cmd -h"
done

# A missing database is never created by commands other than init/demo.
run_raw --db "$TMP/typo.db" program list
fail_with 1 "no such database" "missing db"
if [ -e "$TMP/typo.db" ]; then not_ok "missing db was created"; else ok; fi
run_raw --db "$TMP/typo.db" --json stats x
expect_rc 1 "missing db --json"
json "error document"
has '"error":{"kind":"library","status":"ENOTFOUND"' "error document fields"

# A file that is not a database.
echo "hello" >"$TMP/not.db"
run_raw --db "$TMP/not.db" program list
fail_with 1 "" "not a database"
if [ "$(cat "$TMP/not.db")" = hello ]; then ok; else not_ok "not-a-db file was changed"; fi

# ---- init ------------------------------------------------------------------------

run init
expect_rc 0 "init"
has "created" "init"
no_err "init"
run init --json
expect_rc 0 "init again"
json "init --json"
has '"created":false' "init again"
has '"schema_version":' "init schema"

# ---- programs -------------------------------------------------------------------

run program create spring --name "Spring 2026" --json
expect_rc 0 "program create"
json "program create"
has '"key":"spring"' "program create key"
has '"name":"Spring 2026"' "program create name"
has '"model":"last"' "default model"
has '"lookback_ms":2592000000' "default window 30 days"
has '"duplicate_window_ms":3600000' "default duplicate window"
has '"code_length":8' "default code length"
has '"lock_first_referrer":false' "default lock"
has '"half_life_ms":604800000' "default half-life 7 days"
has '"position_first_bp":4000,"position_last_bp":4000' "default position 40/40"
has '"custom_weights":[]' "no custom weights"
has '"sale_follows_lead":true' "default sale follows lead"
has '"renewal_months":12' "default renewals"
has '"rules_version":1' "rules version 1"

run program create autumn --model first --window-days 14 --code-length 10 \
	--duplicate-window-minutes 5 --lock-first-referrer --json
expect_rc 0 "program create with rules"
has '"model":"first"' "model first"
has '"lookback_ms":1209600000' "window 14 days"
has '"code_length":10' "code length 10"
has '"duplicate_window_ms":300000' "duplicate window 5 min"
has '"lock_first_referrer":true' "lock"

run program create spring
fail_with 1 "" "duplicate program"
run program create bad --model middle
fail_with 2 "--model" "bad model"
run program create bad --window-days 0
fail_with 2 "--window-days" "window 0"
run program create bad --code-length 7
fail_with 2 "--code-length" "code length 7"
run program create bad --name
fail_with 2 "needs a value" "option without value"
run program create
fail_with 2 "missing argument" "program create without key"
run program create a b
fail_with 2 "unexpected argument" "program create with two keys"
run program create "$(printf 'x%.0s' $(seq 1 300))"
fail_with 1 "" "oversized key"
run program list --json
json "program list"
has '"programs":[{' "program list"
jq_is '.programs | length' 2 "two programs"
run program list
expect_rc 0 "program list text"
has "autumn" "program list text"
run program show spring
expect_rc 0 "program show"
has "Spring 2026" "program show name"
run program show nope
fail_with 1 "" "program show unknown"
run program update spring --window-days 7 --name "Spring!" --json
expect_rc 0 "program update"
has '"lookback_ms":604800000' "updated window"
has '"rules_version":2' "rules version bumped"
has '"name":"Spring!"' "updated name"
run program update spring --name "Spring 2026" --json
has '"rules_version":2' "name change keeps rules version"
run program update spring
fail_with 2 "nothing to change" "update without changes"
run program update spring --window-days 30
expect_rc 0 "update window back"

# ---- advocates ------------------------------------------------------------------

run advocate add alice --kind employee --name "Alice Martin" --email alice@example.com --json
expect_rc 0 "advocate add"
json "advocate add"
has '"external_id":"alice"' "advocate id"
has '"kind":"employee"' "advocate kind"
has '"has_email":true' "advocate email hashed"
lacks 'alice@example.com' "email never printed"
run advocate add bob --quiet
expect_rc 0 "advocate add quiet"
if [ "$out" = bob ]; then ok; else not_ok "quiet prints the id"; fi
run advocate add carol --kind influencer --name 'Carol "C" \ Zoé 🙂'
expect_rc 0 "advocate with quotes, backslash and UTF-8 in the name"
run advocate show carol --json
json "odd name escaped"
has '"name":"Carol \"C\" \\ Zoé 🙂"' "escaped name"
run advocate add "tab	id"
fail_with 1 "" "control character refused"
run advocate add dave --kind wizard
fail_with 2 "--kind" "bad kind"
run advocate add alice
fail_with 1 "" "duplicate advocate"
run advocate show nobody
fail_with 1 "" "unknown advocate"
run advocate list --limit 2 --json
expect_rc 0 "advocate list page 1"
json "advocate list"
jq_is '.advocates | length' 2 "page of 2"
cursor=$(printf '%s' "$out" | sed -n 's/.*"next_cursor":\([0-9]*\).*/\1/p')
if [ -n "$cursor" ] && [ "$cursor" != 0 ]; then ok; else not_ok "next cursor present"; fi
run advocate list --limit 2 --cursor "$cursor" --json
expect_rc 0 "advocate list page 2"
has '"external_id":"carol"' "page 2 holds carol"
has '"next_cursor":0' "last page"
run advocate list --limit 0
fail_with 2 "--limit" "limit 0"
run advocate list
expect_rc 0 "advocate list text"
has "Alice Martin" "advocate list text"
run advocate add erin
run advocate deactivate erin --json
expect_rc 0 "deactivate"
has '"status":"inactive"' "deactivated"

# ---- codes ------------------------------------------------------------------------

run code issue spring alice --channel email --quiet
expect_rc 0 "code issue"
CODE=$out
if [ ${#CODE} -eq 9 ]; then ok; else not_ok "random code has 8 + 1 symbols: $CODE"; fi
run code issue spring bob --vanity bob-2026 --json
expect_rc 0 "vanity code"
has '"vanity":true' "vanity flag"
has '"display":"BOB-2026"' "vanity display"
has '"code":"B0B2026"' "vanity normalised"
run code issue spring alice --vanity BOB2026
fail_with 1 "" "vanity taken"
run code issue spring alice --vanity 'ab!'
fail_with 1 "" "bad vanity"
run code issue spring alice --channel pigeon
fail_with 2 "--channel" "bad channel"
run code issue spring nobody
fail_with 1 "" "code for unknown advocate"
run code issue nope alice
fail_with 1 "" "code for unknown program"
run code issue spring erin
fail_with 1 "" "code for inactive advocate"
delay=2000
[ -n "$WRAP" ] && delay=30000 # valgrind is slow to start
soon=$(( $(date +%s) * 1000 + delay ))
run code issue spring alice --expires "$soon" --quiet
expect_rc 0 "code expiring in a moment"
EXPIRED=$out
run code issue spring alice --expires 2020-01-01
fail_with 1 "" "expiry in the past"
run code issue spring alice --max-uses 1 --channel qr --quiet
ONCE=$out
run code issue spring alice --expires yesterday
fail_with 2 "--expires" "bad expiry"

run code resolve "$CODE" --json
expect_rc 0 "resolve"
has "\"code\":\"$CODE\"" "resolve code"
has '"advocate":"alice"' "resolve advocate"
has '"channel":"email"' "resolve channel"
lower=$(printf '%s' "$CODE" | tr 'A-Z' 'a-z')
run code resolve "$(printf '%s' "$lower" | cut -c1-4)-$(printf '%s' "$lower" | cut -c5-)"
expect_rc 0 "resolve lower case with hyphen"
# A single-symbol typo is caught by the check symbol.
first=$(printf '%s' "$CODE" | cut -c1)
rest=$(printf '%s' "$CODE" | cut -c2-)
if [ "$first" = 2 ]; then typo=3$rest; else typo=2$rest; fi
run code resolve "$typo" --json
expect_rc 1 "typo"
err_line "" "typo"
json "typo error document"
has '"status":"ECHECK"' "typo status"
while [ $(( $(date +%s) * 1000 )) -le "$soon" ]; do sleep 1; done
run code resolve "$EXPIRED" --json
expect_rc 1 "expired"
has '"status":"EEXPIRED"' "expired status"
run code resolve "hello world!"
fail_with 1 "" "resolve junk"
run code show "$EXPIRED" --json
expect_rc 0 "show expired code"
has "\"expires_at_ms\":$soon" "expiry shown"
run code disable "$EXPIRED"
expect_rc 0 "disable"
run code resolve "$EXPIRED" --json
has '"status":"EDISABLED"' "disabled wins"
run code show nope0000
fail_with 1 "" "show unknown code"

# ---- touchpoints ------------------------------------------------------------------

run track click "$CODE" v1 --at 2026-01-10T10:00:00Z --json
expect_rc 0 "click"
json "click"
has '"visitor_id":"v1"' "click visitor"
has '"at_ms":1768039200000' "click time"
has '"duplicate":false' "first click unique"
has '"kind":"click"' "click kind"
run track click "$CODE" v1 --at 1768039500000 --json
expect_rc 0 "repeat click"
has '"duplicate":true' "repeat is duplicate"
run track visit BOB2026 v1 --at 2026-01-11T12:00:00+02:00 --url "https://shop.example/?r=BOB2026" --ip 192.0.2.1 --ua "Mozilla/5.0" --json
expect_rc 0 "visit with offset time"
has '"at":"2026-01-11T10:00:00Z"' "offset converted to UTC"
has '"kind":"visit"' "visit kind"
has '"advocate":"bob"' "vanity resolves to bob"
run track scan "$ONCE" - --quiet
expect_rc 0 "scan with generated visitor"
GEN=$out
if [ ${#GEN} -ge 16 ]; then ok; else not_ok "generated visitor id: $GEN"; fi
run track click "$CODE" v2 --at 2026-13-01
fail_with 2 "--at" "bad month"
run track click "$CODE" v2 --at 2026-02-30
fail_with 2 "--at" "bad day"
run track click "$typo" v2
fail_with 1 "" "click on a typo"
run track click "$CODE"
fail_with 2 "missing argument" "click without visitor"

# ---- conversions ------------------------------------------------------------------

run convert spring v1 A-1 49.90 eur --at 2026-01-12T09:00:00Z --json
expect_rc 0 "convert"
json "convert"
has '"duplicate":false' "new conversion"
has '"value_minor":4990' "exact minor units"
has '"currency":"EUR"' "currency upper-cased"
has '"attributed":true' "attributed"
has '"advocate":"bob"' "last touch credits bob"
has '"weight":1' "full weight"
run convert spring v1 A-1 49.90 EUR --at 2026-01-12T09:00:00Z --json
expect_rc 0 "duplicate order"
has '"duplicate":true' "duplicate flagged"
run convert spring v1 A-1 49.90 EUR --at 2026-01-12T09:00:00Z
expect_rc 0 "duplicate order text"
has "already recorded" "duplicate message"
run convert spring v1 A-1 50.00 EUR --at 2026-01-12T09:00:00Z
fail_with 1 "" "conflicting order"
run convert spring v9 A-2 1200 JPY --at 2026-01-12T09:00:00Z --kind signup --json
expect_rc 0 "JPY unattributed"
has '"value_minor":1200' "JPY has no decimals"
has '"attributed":false' "no touchpoint: unattributed"
has '"kind":"signup"' "signup kind"
has '"credits":[]' "no credits"
run convert spring v9 A-3 1.250 KWD --json
has '"value_minor":1250' "KWD has 3 decimals"
has '"amount":"1.250"' "KWD amount"
run convert spring v9 A-4 12.5 USD --json
has '"value_minor":1250' "one decimal padded"
run convert spring v9 A-5 1200.00 JPY --json
has '"value_minor":1200' "zero decimals beyond the exponent"
run convert spring v9 A-6 49.999 EUR
fail_with 2 "decimal" "too many decimals"
run convert spring v9 A-6 12.5 JPY
fail_with 2 "decimal" "JPY with decimals"
run convert spring v9 A-6 abc EUR
fail_with 2 "not an amount" "not a number"
run convert spring v9 A-6 -5 EUR
fail_with 2 "not an amount" "negative"
run convert spring v9 A-6 99999999999999999999 EUR
fail_with 2 "too large" "overflow"
run convert spring v9 A-6 5 EURO
fail_with 2 "currency" "bad currency"
run convert spring v9 A-6 5 EUR --kind refund
fail_with 2 "--kind" "bad conversion kind"
run convert nope v9 A-6 5 EUR
fail_with 1 "" "unknown program"

run explain spring A-1 --json
expect_rc 0 "explain"
json "explain"
has '"explanation":{' "explanation present"
has '"model":"last"' "explained model"
jq_is '.explanation.touches | length' 2 "two touches considered (duplicate excluded)"
jq_is '[.explanation.touches[] | select(.credited)] | length' 1 "one credited"
jq_is '.explanation.touches[1].advocate' bob "latest credited"
run explain spring A-1
expect_rc 0 "explain text"
has "why:" "explain text"
run explain spring nope
fail_with 1 "" "explain unknown order"

# ---- stats ------------------------------------------------------------------------

run stats spring --json
expect_rc 0 "stats"
json "stats"
has '"touchpoints":4' "touchpoints counted"
has '"unique_touchpoints":3' "duplicates not unique"
has '"conversions":5' "conversions counted"
has '"attributed_conversions":1' "attributed conversions"
has '{"value_minor":4990,"currency":"EUR","amount":"49.90"}' "EUR value"
run stats spring --advocate bob --json
expect_rc 0 "stats advocate"
has '"advocate":"bob"' "advocate in stats"
has '"touchpoints":1' "bob's touches"
run stats spring --from 2026-01-11 --to 2026-02-01 --json
expect_rc 0 "stats period"
has '"from":"2026-01-11T00:00:00Z"' "from echoed"
has '"touchpoints":1' "period filters touches"
run stats spring --from 2026-02-01 --to 2026-01-01
fail_with 2 "--to" "reversed period"
run stats spring
expect_rc 0 "stats text"
has "conversion rate" "stats text"
run stats spring --advocate nobody
fail_with 1 "" "stats unknown advocate"

# max-uses: one credited conversion exhausts the code.
run convert spring "$GEN" B-1 10 EUR --json
has '"attributed":true' "conversion through the limited code"
run code resolve "$ONCE" --json
expect_rc 1 "exhausted"
has '"status":"EEXHAUSTED"' "exhausted status"

# Archiving stops new activity but keeps history.
run program archive autumn --json
expect_rc 0 "archive"
has '"status":"archived"' "archived"
run program archive autumn
expect_rc 0 "archive twice"
run program list --json
jq_is '.programs | length' 1 "archived hidden"
run program list --all --json
jq_is '.programs | length' 2 "archived listed with --all"
run convert autumn v1 Z-1 1 EUR
fail_with 1 "" "convert in archived program"

# ---- rules of the attribution engine -------------------------------------------------

run program create multi --model position --position 30/50 --half-life-days 0.5 \
	--custom-weights 3,2,1 --renewal-months 6 --no-sale-follows-lead --json
expect_rc 0 "program with every rule"
has '"model":"position"' "position model"
has '"position_first_bp":3000,"position_last_bp":5000' "position shares"
has '"half_life_ms":43200000' "half a day"
has '"custom_weights":[3,2,1]' "custom weights"
has '"sale_follows_lead":false' "sale does not follow lead"
has '"renewal_months":6' "renewal months"
run program show multi
expect_rc 0 "program show position"
has "position (30/20/50 % (first/middle/last))" "position shares shown"
has "sale follows lead   no" "lead rule shown"
run program update multi --model custom --json
expect_rc 0 "switch to custom keeps the weights"
has '"model":"custom"' "custom model"
has '"custom_weights":[3,2,1]' "weights kept"
has '"rules_version":2' "rules version bumped"
run program update multi --custom-weights 1 --sale-follows-lead --json
has '"custom_weights":[1]' "weights replaced"
has '"sale_follows_lead":true' "lead rule back on"
run program show multi
has "custom (1)" "custom weights shown"
run program update multi --sale-follows-lead --no-sale-follows-lead
fail_with 2 "conflict" "conflicting lead options"
for model in last first last-non-direct linear time-decay markov shapley; do
	run program create "m-$model" --model "$model" --json
	expect_rc 0 "model $model"
	has "\"model\":\"$model\"" "model $model stored"
done
run program create m-t --model time-decay --half-life-days 3
has "time-decay (half-life 3d)" "half-life shown"
run program create bad --position 60/50
fail_with 1 "position" "position shares above 100%"
run program create bad --position 40
fail_with 2 "--position" "position without a slash"
run program create bad --position 40/x
fail_with 2 "--position" "position not a number"
run program create bad --custom-weights 3,,1
fail_with 2 "--custom-weights" "empty weight"
run program create bad --custom-weights -1
fail_with 2 "--custom-weights" "negative weight"
run program create bad --custom-weights "$(printf '1,%.0s' $(seq 1 32))1"
fail_with 2 "--custom-weights" "33 weights"
run program create bad --model custom
fail_with 1 "custom" "custom model without weights"
run program create bad --half-life-days 0
fail_with 2 "--half-life-days" "half-life 0"
run program create bad --half-life-days 0.0001
fail_with 2 "--half-life-days" "half-life finer than the thousandth of a day"
run program create bad --renewal-months 121
fail_with 2 "--renewal-months" "renewal months too many"
run program show bad
fail_with 1 "" "no bad program was created"

# ---- direct visits, customers, checkout codes, leads and renewals --------------------

run program create att --model linear --quiet
expect_rc 0 "linear program"
run code issue att alice --channel email --quiet
C1=$out
run code issue att bob --channel qr --quiet
C2=$out
run track click "$C1" w1 --at 2026-02-01T10:00:00Z --json
has '"direct":false' "a click is not direct"
run track visit "$C2" w1 --at 2026-02-02T10:00:00Z --direct --json
expect_rc 0 "direct visit"
has '"direct":true' "direct recorded"
run track visit "$C2" w1 --direct=yes
fail_with 2 "takes no value" "--direct is a flag"
run convert att w1 R-1 10.01 EUR --at 2026-02-03 --customer cust-9 --json
expect_rc 0 "convert with a customer"
has '"customer_id":"cust-9"' "customer stored"
has '"refunded_minor":0,"refunded_amount":"0.00","follows_order":null' "nothing refunded yet"
has '{"advocate":"alice","code":"'"$C1"'","channel":"email","weight":0.5,"value_minor":501' "alice half, the odd cent"
has '{"advocate":"bob","code":"'"$C2"'","channel":"qr","weight":0.5,"value_minor":500' "bob half"

run identify w3 cust-9 --json
expect_rc 0 "identify"
if [ "$out" = '{"visitor_id":"w3","customer_id":"cust-9"}' ]; then ok; else not_ok "identify document"; fi
run identify w3 cust-9
expect_rc 0 "identify again is harmless"
has "tied to customer cust-9" "identify text"
run identify w3 someone-else --json
fail_with 1 "" "visitor tied to another customer"
has '"status":"ECONFLICT"' "identify conflict status"
run identify "" cust-9
fail_with 1 "" "empty visitor"
run identify w3
fail_with 2 "missing argument" "identify without customer"
# Cross-device: w3's touch counts for cust-9's next order (linear: 1/3 alice, 2/3 bob).
run track click "$C2" w3 --at 2026-02-04T10:00:00Z --quiet
run convert att w1 R-2 20 EUR --at 2026-02-05 --customer cust-9 --json
expect_rc 0 "cross-device conversion"
jq_is '[.conversion.credits[] | "\(.advocate)=\(.value_minor)"] | join(" ")' "bob=1333 alice=667" \
	"credit over both devices"
# A code typed at checkout is a touchpoint at the conversion's time.
run convert att w1 R-3 5 EUR --at 2026-02-05T01:00:00Z --code "$C2" --json
expect_rc 0 "checkout code"
jq_is '[.conversion.credits[] | "\(.advocate)=\(.value_minor)"] | join(" ")' "bob=375 alice=125" \
	"checkout touch counted"
run explain att R-3 --json
has '"kind":"checkout"' "checkout touch explained"
run convert att w1 R-9 5 EUR --code NOPE1234
fail_with 1 "" "unknown checkout code"
# A renewal within renewal_months is credited as the first purchase.
run convert att w1 R-4 5 EUR --kind renewal --at 2026-03-05 --json
expect_rc 0 "renewal"
has '"kind":"renewal"' "renewal kind"
has '"follows_order":"R-1"' "renewal follows the first purchase"
jq_is '[.conversion.credits[] | "\(.advocate)=\(.value_minor)"] | join(" ")' "alice=250 bob=250" \
	"renewal split as the purchase"
run explain att R-4
has "follows             order R-1 (credited as it was)" "follows shown in text"

# ---- refunds ------------------------------------------------------------------------------

run refund att R-1 3.01 --json
expect_rc 0 "partial refund"
json "refund"
has '{"duplicate":false,"refund_id":"3.01","refunded":{"value_minor":301,"currency":"EUR","amount":"3.01"}' "refund document"
has '"refunded_minor":301,"refunded_amount":"3.01"' "conversion refunded"
has '"value_minor":501,"currency":"EUR","amount":"5.01","refunded_minor":151' "alice's share of the refund"
has '"value_minor":500,"currency":"EUR","amount":"5.00","refunded_minor":150' "bob's share of the refund"
run refund att R-1 3.010 --json
expect_rc 0 "same refund again"
has '"duplicate":true' "refund duplicate (default id from the amount)"
has '"refunded":{"value_minor":0' "nothing refunded by a duplicate"
run refund att R-1 4 --refund-id r-x --at 2026-02-10 --json
expect_rc 0 "refund with an id"
has '"refund_id":"r-x"' "refund id"
has '"refunded_minor":701' "refunds add up"
run refund att R-1 3.01 --refund-id r-x
fail_with 1 "" "refund id with another amount"
run refund att R-1 3.01 --refund-id r-x --json
has '"status":"ECONFLICT"' "refund conflict status"
run refund att R-1 5
fail_with 1 "" "refund above what is left"
run refund att R-1 0
fail_with 2 "more than 0" "refund 0"
run refund att R-1 abc
fail_with 2 "not an amount" "refund not a number"
run refund att R-1 1.001
fail_with 2 "decimal" "refund with too many decimals"
run refund att nope
fail_with 1 "" "refund of an unknown order"
run refund att R-1 --at never
fail_with 2 "--at" "refund with a bad time"
run refund att R-1
expect_rc 0 "refund the rest"
has "refund full: 3.00 EUR refunded (in all 10.01 EUR of 10.01 EUR)" "full refund text"
has "REFUNDED" "refund column"
run refund att R-1 --json
has '"duplicate":true' "full refund again"
run stats att --advocate alice --json
has '"value_minor":1042' "stats net of refunds (alice: 0 + 667 + 125 + 250)"
run explain att R-1 --json
expect_rc 0 "explain a refunded conversion"
has '"refunded_minor":1001' "explain shows refunds"
has '"currency":"EUR","touches"' "explanation currency"
has '"parameters":"' "explanation parameters"
run explain att R-1
has "currency            EUR" "explain text currency"

# ---- fit --------------------------------------------------------------------------------

run fit att --model markov --json
expect_rc 0 "fit markov"
json "fit"
has '"program":"att"' "fit program"
has '"model":"markov"' "fit model"
has '"elapsed_ms":' "fit time"
jq_is '.values | length' 2 "two advocates fitted"
jq_is '[.values[].weight] | add | . * 1000 | round' 1000 "weights sum to 1"
run fit att --model shapley
expect_rc 0 "fit shapley text"
has "TOP 2 ADVOCATES" "fit table"
has "fitted in" "fit time shown"
run fit att --model markov --top 1 --quiet
if [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ]; then ok; else not_ok "fit --top 1 --quiet: one advocate"; fi
run fit att --model linear
fail_with 2 "markov or shapley" "fit a heuristic model"
run fit att
fail_with 2 "--model" "fit without a model"
run fit nope --model markov
fail_with 1 "" "fit an unknown program"
run fit multi --model shapley --json
fail_with 1 "" "fit with nothing converting"
has '"status":"ERROR"' "nothing to fit"

# ---- replay -------------------------------------------------------------------------------

run replay att --json
expect_rc 0 "replay the same rules"
jq_is '.changed' 0 "same rules change nothing"
jq_is '.conversions' 4 "every conversion replayed"
run replay att --model first --json
expect_rc 0 "replay first touch"
json "replay"
has '"rules":{"model":"first"' "replayed rules"
jq_is '.changed' 4 "first touch changes every split"
jq_is '[.advocates[] | "\(.name):\(.current_value_minor)>\(.replay_value_minor)"] | join(" ")' \
	"alice:1543>4001 bob:2458>0" "advocates now and replayed"
jq_is '[.channels[] | "\(.name):\(.delta_value_minor)"] | join(" ")' "email:2458 qr:-2458" \
	"channel deltas"
jq_is '.advocates[1].delta_amount' "-24.58" "delta amount"
run replay att --model first
expect_rc 0 "replay text"
has "BY ADVOCATE" "replay advocate table"
has "BY CHANNEL" "replay channel table"
has "+24.58 EUR" "replay delta shown"
has "nothing was changed" "replay writes nothing"
run program show att --json
has '"model":"linear"' "replay left the rules alone"
run replay att --model last --window-days 1 --from 2026-02-05 --to 2026-03-01 --json
expect_rc 0 "replay a period with a window"
jq_is '.conversions' 2 "two conversions in the period"
has '"lookback_ms":86400000' "replayed window"
run replay att --model time-decay --half-life-days 2 --lock-first-referrer --json
has '"half_life_ms":172800000' "replayed half-life"
has '"lock_first_referrer":true' "replayed lock"
run replay att --from 2026-03-01 --to 2026-02-01
fail_with 2 "--to" "replay reversed period"
run replay att --model bogus
fail_with 2 "--model" "replay bad model"
run replay nope --model first
fail_with 1 "" "replay unknown program"

# ---- attribute (offline path files) ----------------------------------------------------

# Serhii Puzyrov's Markov example (tests/vectors/vectors.json): the removal effects are
# 0.75 and 0.5, weights 0.6 and 0.4 of 4 conversions; values split the same way (350).
printf 'path,conversions,value,nulls\ngoogle ads,2,200,0\nmailing,1,50,0\ngoogle ads > mailing,1,100,0\ngoogle ads,0,0,1\n' >"$TMP/puz.csv"
expected_markov='channel,conversions,value
google ads,2.400000,210.000000
mailing,1.600000,140.000000'
run_raw attribute --model markov "$TMP/puz.csv"
expect_rc 0 "attribute markov"
no_err "attribute markov"
if [ "$out" = "$expected_markov" ]; then ok; else not_ok "markov output"; fi
# Shapley, v(S) = conversions of paths within S: google ads 1/2(2 + 3), mailing 1/2(1 + 2);
# value: 1/2(200 + 300), 1/2(50 + 150).
run_raw attribute --model shapley "$TMP/puz.csv"
if [ "$out" = 'channel,conversions,value
google ads,2.500000,250.000000
mailing,1.500000,100.000000' ]; then ok; else not_ok "shapley output"; fi
run_raw attribute --model first "$TMP/puz.csv"
if [ "$out" = 'channel,conversions,value
google ads,3.000000,300.000000
mailing,1.000000,50.000000' ]; then ok; else not_ok "first-touch output"; fi
run_raw attribute --model last "$TMP/puz.csv"
if [ "$out" = 'channel,conversions,value
google ads,2.000000,200.000000
mailing,2.000000,150.000000' ]; then ok; else not_ok "last-touch output"; fi
# The same file with a BOM, CRLF, quotes, spaces around names and a blank line.
printf '\357\273\277path,conversions,value,nulls\r\n"google ads",2,200,0\r\n\r\n  mailing  ,"1",50,0\r\n"google ads>mailing",1,100.0,0\r\ngoogle ads,0,0,1e0' >"$TMP/puz2.csv"
run_raw attribute --model markov "$TMP/puz2.csv"
expect_rc 0 "attribute CRLF file"
if [ "$out" = "$expected_markov" ]; then ok; else not_ok "same result from CRLF, quotes and BOM"; fi
run_raw attribute --model markov - <"$TMP/puz.csv"
if [ "$out" = "$expected_markov" ]; then ok; else not_ok "attribute from stdin"; fi
run_raw attribute --model markov "$TMP/puz.csv" --json
json "attribute --json"
has '{"model":"markov","channels":[{"channel":"google ads","conversions":2.4,"value":210},' "attribute JSON"
# Linear credits each occurrence (ChannelAttribution): a > a > b gives a 2/3.
printf 'path,conversions,value,nulls\na > a > b,1,30,0\n"x, y",1,1,0\n' >"$TMP/lin.csv"
run_raw attribute --model linear "$TMP/lin.csv"
if [ "$out" = 'channel,conversions,value
a,0.666667,20.000000
b,0.333333,10.000000
"x, y",1.000000,1.000000' ]; then ok; else not_ok "linear output, quoted channel"; fi
# Time decay: path steps are a day apart; half-life 1 day gives b twice a's weight.
printf 'path,conversions,value,nulls\na > b,3,0,0\n' >"$TMP/td.csv"
run_raw attribute --model time-decay --half-life-days 1 "$TMP/td.csv"
if [ "$out" = 'channel,conversions,value
a,1.000000,0.000000
b,2.000000,0.000000' ]; then ok; else not_ok "time-decay output"; fi
run_raw attribute --model position --position 50/30 "$TMP/lin.csv"
has "a,0.700000,21.000000" "position shares (a first and middle)"

# Malformed files: FILE:LINE: reason, exit 1.
printf 'path,conv,value,nulls\na,1,1,0\n' >"$TMP/bad1.csv"
run_raw attribute --model linear "$TMP/bad1.csv"
fail_with 1 "bad1.csv:1: the header must be path,conversions,value,nulls" "bad header"
printf 'path,conversions,value,nulls\na,1,1,0\nb,1,1\n' >"$TMP/bad2.csv"
run_raw attribute --model linear "$TMP/bad2.csv"
fail_with 1 "bad2.csv:3: expected 4 fields" "missing field"
printf 'path,conversions,value,nulls\na,-1,1,0\n' >"$TMP/bad3.csv"
run_raw attribute --model linear "$TMP/bad3.csv"
fail_with 1 "bad3.csv:2: conversions" "negative count"
printf 'path,conversions,value,nulls\na,1,nan,0\n' >"$TMP/bad4.csv"
run_raw attribute --model linear "$TMP/bad4.csv"
fail_with 1 "bad4.csv:2: value" "nan"
printf 'path,conversions,value,nulls\na,1,1,0\n"b > c,1,1,0\nd,1,1,0\n' >"$TMP/bad5.csv"
run_raw attribute --model linear "$TMP/bad5.csv"
fail_with 1 "bad5.csv:3: unterminated quoted field" "unterminated quote"
printf 'path,conversions,value,nulls\na >  > b,1,1,0\n' >"$TMP/bad6.csv"
run_raw attribute --model linear "$TMP/bad6.csv"
fail_with 1 "bad6.csv:2: " "empty channel name"
printf 'path,conversions,value,nulls\na"b,1,1,0\n' >"$TMP/bad7.csv"
run_raw attribute --model linear "$TMP/bad7.csv"
fail_with 1 "bad7.csv:2: quote inside an unquoted field" "stray quote"
: >"$TMP/empty.csv"
run_raw attribute --model linear "$TMP/empty.csv"
fail_with 1 "empty.csv:1: empty file" "empty file"
printf 'path,conversions,value,nulls\na,0,0,3\n' >"$TMP/null.csv"
run_raw attribute --model markov "$TMP/null.csv"
fail_with 1 "" "nothing converts"
run_raw attribute --model markov "$TMP/missing.csv"
fail_with 1 "missing.csv: No such file" "missing file"
run_raw attribute --model custom "$TMP/puz.csv"
fail_with 2 "--model" "custom cannot attribute paths"
run_raw attribute "$TMP/puz.csv"
fail_with 2 "--model" "attribute without a model"
run_raw attribute --model markov --order 2 "$TMP/puz.csv"
fail_with 1 "" "markov order 2"
run_raw attribute --model markov --order 0 "$TMP/puz.csv"
fail_with 2 "--order" "markov order 0"
run_raw attribute --model markov
fail_with 2 "missing argument" "attribute without a file"

# ---- demo -------------------------------------------------------------------------

DEMO=$TMP/demo.db
run_raw --db "$DEMO" demo --advocates 40 --visitors 3000 --seed 7 --json
expect_rc 0 "demo"
json "demo"
has '"top_advocates":[{' "demo top advocates"
has '"by_channel":[{' "demo channels"
has '"weekly":[{' "demo weeks"
has '"example":{"conversion":{' "demo example"
jq_is '.top_advocates | length' 10 "ten top advocates"
jq_is '.totals.unique_visitors' 3000 "every visitor touched"
totals1=$(printf '%s' "$out" | sed 's/.*"totals":\({[^}]*}\).*/\1/')
run_raw --db "$DEMO" demo --advocates 40 --visitors 3000 --seed 7 --json
expect_rc 0 "demo again replaces its database"
totals2=$(printf '%s' "$out" | sed 's/.*"totals":\({[^}]*}\).*/\1/')
if [ -n "$totals1" ] && [ "$totals1" = "$totals2" ]; then ok; else not_ok "same seed, same totals"; fi
run_raw --db "$DEMO" demo --advocates 40 --visitors 3000 --seed 8 --json
totals3=$(printf '%s' "$out" | sed 's/.*"totals":\({[^}]*}\).*/\1/')
if [ "$totals1" != "$totals3" ]; then ok; else not_ok "another seed, other totals"; fi
run_raw --db "$DEMO" demo --advocates 20 --visitors 500
expect_rc 0 "demo text"
has "HEADLINE" "demo headline"
has "TOP 10 ADVOCATES" "demo top table"
has "BY CHANNEL" "demo channel table"
has "WHY ORDER" "demo explanation"
run_raw --db "$DEMO" stats demo --json
expect_rc 0 "stats on the demo database"
run_raw --db "$DB" demo --visitors 10
fail_with 1 "not a demo database" "demo refuses to replace other data"
run program show spring
expect_rc 0 "refused demo left the database intact"
run_raw --db "$DEMO" demo --visitors 0
fail_with 2 "--visitors" "demo bad visitors"

echo "1..$tests"
if [ "$failures" -ne 0 ]; then
	echo "# $failures of $tests checks failed"
	exit 1
fi
echo "# all $tests checks passed"
