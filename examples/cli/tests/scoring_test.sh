#!/bin/sh
# Tests of the scoring commands (activity, score, leaderboard, tiers) of the
# referral CLI, against a temporary database. Same helpers as cli_test.sh.
#
#   sh scoring_test.sh PATH/TO/referral
#   RF_CLI_VALGRIND=1 sh scoring_test.sh PATH/TO/referral   # every run under valgrind
#
# POSIX sh only; jq, when installed, also validates every JSON document.

RF_CLI_TEST_NAME=scoring_test
. "$(dirname "$0")/helpers.sh"

# ---- scene ----------------------------------------------------------------------

run init
run program create spring
for who in ann bob cat dan; do run advocate add $who; done
expect_rc 0 "scene"
# activities are recorded only with tracking consent
run activity spring dan share
fail_with 1 "consented to tracking" "activity without consent"
run activity spring dan share --json
has "\"status\":\"ECONSENT\"" "ECONSENT status"
run consent dan --json
jq_is '.tracking' false "no consent yet"
for who in ann bob cat; do run consent $who tracking grant --source signup; done
expect_rc 0 "consent granted"
run consent ann --json
jq_is '.tracking' true "consent shown"
jq_is '.history[0].source' signup "consent source"
run consent ann tracking maybe
fail_with 2 "" "consent: grant or withdraw"

# ---- activity -----------------------------------------------------------------------

run activity spring ann review --json
expect_rc 0 "activity review"
json "activity --json"
has '"type":"review"' "activity type"
run activity spring ann invite --channel email --content post-1
expect_rc 0 "activity invite"
has "invite" "activity text"
run activity spring bob share
expect_rc 0 "activity share"
run activity spring cat survey --answer 9
expect_rc 0 "activity survey"
run activity spring cat survey
fail_with 1 "survey" "survey needs an answer"
run activity spring ann dancing
fail_with 2 "TYPE" "unknown activity type"
run activity spring nobody share
fail_with 1 "nobody" "unknown advocate"
run activity spring ann share --answer 11
fail_with 2 "--answer" "answer out of range"

# ---- score ----------------------------------------------------------------------------

run score spring ann --explain --json
expect_rc 0 "score --explain --json"
json "score json"
has '"config_version":0' "score config version"
has '"name":"activity"' "score components"
has '"kind":"invite"' "score events"
has '"badge":"first-review"' "score badges"
jq_is '.components[0].raw | round' 18 "activity points (decayed a few ms)"
jq_is '.events | length' 2 "two events"
run score spring ann --explain
expect_rc 0 "score text"
has "component" "score table"
has "invite" "score events table"
has "first-review" "score badges text"
run score spring nobody
fail_with 1 "nobody" "score unknown advocate"
run score spring
fail_with 2 "" "score needs an advocate"

# ---- leaderboard ------------------------------------------------------------------------

run leaderboard spring --json --advocate bob
expect_rc 0 "leaderboard json"
json "leaderboard json"
jq_is '.entries[0].advocate' ann "ann leads"
jq_is '.entries[0].rank' 1 "rank 1"
jq_is '.advocate.advocate' bob "bob asked"
jq_is '.ranked' 3 "three ranked"
run leaderboard spring --period this-month --by score --top 1
expect_rc 0 "leaderboard this month"
has "ann" "leaderboard text"
has "3 ranked (this-month, by score)" "leaderboard summary"
lacks "bob" "top 1 only"
run leaderboard spring --by referrals --json
expect_rc 0 "leaderboard referrals"
jq_is '.ranked' 0 "no referrals"
jq_is '.advocate' null "no advocate asked"
run leaderboard spring --period yesterday
fail_with 2 "--period" "bad period"
run leaderboard spring --by clicks
fail_with 2 "--by" "bad by"
run leaderboard spring --top 0
fail_with 2 "--top" "bad top"

# ---- tiers ------------------------------------------------------------------------------

run tiers spring
expect_rc 0 "tiers"
has "bronze" "default tiers"
has "demote below" "tiers header"
run tiers spring --refresh --json
expect_rc 0 "tiers refresh"
json "tiers json"
jq_is '.tiers | length' 3 "three tiers"
jq_is '.tiers[2].name' gold "gold last"
jq_is '.changed' 0 "nothing changed"
run tiers nope
fail_with 1 "nope" "tiers unknown program"

# ---- recompute ---------------------------------------------------------------------------

# The CLI's clock is the wall clock: scores decay between two calls, so
# compare them to three decimals (a second moves them by about 1e-6).
score3() { run score spring ann --json; printf '%s' "$out" | sed -n 's/^{[^}]*"score":\([0-9.]*\).*/\1/p' | xargs printf '%.3f'; }
before=$(score3)
run recompute spring --json
expect_rc 0 "recompute"
jq_is '.recomputed' true "recompute json"
after=$(score3)
[ -n "$before" ] && [ "$after" = "$before" ] && ok || not_ok "recompute moved ann's score: $before -> $after"
run recompute spring
has "recomputed the scores of program spring" "recompute text"
run recompute nope
fail_with 1 "nope" "recompute unknown program"

# ---- scores export ------------------------------------------------------------------------

run export spring --what scores --json
expect_rc 0 "export scores json"
[ "$HAVE_JQ" = 1 ] && { printf '%s\n' "$out" | jq -e . >/dev/null && ok || not_ok "scores export: invalid JSON"; }
jq_is '.[0].advocate' ann "scores export by advocate"
jq_is '.[0].config_version' 0 "scores export config version"
jq_is '[.[] | .advocate] | join(" ")' "ann bob cat" "one row per scored advocate"
jq_is '.[0] | (.activity_points + .value_points + .quality_points + .network_points - .score) as $d | ($d < 1e-9 and $d > -1e-9)' true "points add up (no risk)"
run export spring --what scores
expect_rc 0 "export scores csv"
has "advocate,score,activity_points,value_points,quality_points,network_points,activity_raw" "scores csv header"
has "ann," "scores csv row"
run import spring --what scores /dev/null
fail_with 2 "--what" "scores cannot be imported"

echo "1..$tests"
if [ "$failures" -ne 0 ]; then
	echo "# $failures of $tests checks failed"
	exit 1
fi
echo "# all $tests checks passed"
