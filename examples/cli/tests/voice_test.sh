#!/bin/sh
# Tests of the voice commands (segment, testimonial, reference) of
# the referral CLI, against a temporary database. Same helpers as cli_test.sh.
#
#   sh voice_test.sh PATH/TO/referral
#   RF_CLI_VALGRIND=1 sh voice_test.sh PATH/TO/referral   # every run under valgrind
#
# POSIX sh only; jq, when installed, also validates every JSON document.

RF_CLI_TEST_NAME=voice_test
. "$(dirname "$0")/helpers.sh"

# ---- scene ----------------------------------------------------------------------

run init
run program create spring
run advocate add ann --kind customer
run advocate add bob --kind employee
run advocate add cat --kind partner
expect_rc 0 "scene"
for who in ann bob cat; do
	run consent $who tracking grant --source signup-form
	run consent $who messages grant
done
expect_rc 0 "consent grant"

# ---- segments --------------------------------------------------------------------------

run segment ann enterprise --json
expect_rc 0 "segment set"
json "segment --json"
has '"segment":"enterprise"' "segment value"
run segment bob enterprise
run segment cat smb
expect_rc 0 "segment set text"
has "smb" "segment text"
run segment ann "Not Valid"
fail_with 1 "segment" "segment bad"
run segment bob --clear --json
has '"segment":null' "segment cleared"
run segment bob enterprise
run segment bob x --clear
fail_with 2 "not both" "segment and --clear"

# ---- testimonials -------------------------------------------------------------------

run testimonial add spring ann --rating 5 --product crm --publish --text "Great program.
Two lines." --json
expect_rc 0 "testimonial add"
json "testimonial add --json"
has '"id":1' "testimonial id"
has '"status":"pending"' "testimonial pending"
has '"segment":"enterprise"' "testimonial segment"
has '"advocate_kind":"customer"' "testimonial kind"
has '"publish_consent":true' "testimonial consent"
has '"decided_at":null' "testimonial undecided"
has 'Two lines.' "testimonial text"
run activity spring ann share
run score spring ann --json
jq_is '.activities' 2 "testimonial counted as activity"
run testimonial add spring bob --rating 3 --product erp --text "Fine"
expect_rc 0 "testimonial add text"
has "pending" "testimonial text output"
run testimonial add spring cat --rating 4 --product crm --publish --text "Good" --quiet
expect_rc 0 "testimonial add quiet"
[ "$out" = 3 ] && ok || not_ok "testimonial quiet prints the id"
run testimonial add spring ann --rating 6 --text x
fail_with 2 "--rating" "rating out of range"
run testimonial add spring ann --text x
fail_with 2 "--rating" "rating required"
run testimonial add spring ann --rating 3
fail_with 2 "--text" "text required"
run testimonial add spring nobody --rating 3 --text x
fail_with 1 "nobody" "testimonial unknown advocate"
run testimonial add spring ann --rating 3 --text ""
fail_with 1 "text" "testimonial empty text"

run testimonial list spring --json
expect_rc 0 "list publishable (none yet)"
json "list --json"
jq_is '.testimonials | length' 0 "nothing approved"
has '"next_cursor":0' "list cursor"
run testimonial list spring --status pending
expect_rc 0 "list pending"
has "ann" "pending ann"
has "Great program. Two lines." "one-line excerpt"
for id in 1 2 3; do run testimonial approve spring $id; done
expect_rc 0 "approve"
has "approved" "approve text"
run testimonial list spring --json
jq_is '[.testimonials[].id] | join(",")' "1,3" "publishable: consented ones"
run testimonial list spring --status approved --json
jq_is '.testimonials | length' 3 "approved: all three"
run testimonial list spring --product crm --segment enterprise --json
jq_is '[.testimonials[].advocate] | join(",")' "ann" "by product and segment"
run testimonial list spring --kind partner --json
jq_is '[.testimonials[].advocate] | join(",")' "cat" "by kind"
run testimonial list spring --min-rating 5 --json
jq_is '.testimonials | length' 1 "by rating"
run testimonial list spring --limit 1 --json
jq_is '.next_cursor' 1 "paged"
run testimonial list spring --limit 1 --cursor 1 --json
jq_is '[.testimonials[].id, .next_cursor] | join(",")' "3,0" "second page"
run testimonial list spring --limit 1
has "more: --cursor 1" "text paging hint"
run testimonial reject spring 1 --json
has '"status":"rejected"' "reject"
run testimonial list spring --quiet
[ "$out" = 3 ] && ok || not_ok "quiet list prints ids"
run testimonial approve spring 99
fail_with 1 "99" "approve unknown id"
run testimonial approve spring abc
fail_with 2 "ID" "approve bad id"
run testimonial list spring --status maybe
fail_with 2 "--status" "list bad status"
run testimonial list spring --kind robot
fail_with 2 "--kind" "list bad kind"
run testimonial list nope
fail_with 1 "nope" "list unknown program"

# ---- references -------------------------------------------------------------------------

run activity spring ann invite
run reference find spring --json
expect_rc 0 "reference find"
json "find --json"
jq_is '[.candidates[].advocate] | join(",")' "ann,cat,bob" "best score first"
has '"config_version":0' "find config version"
has '"last_asked_at":null' "never asked"
run reference find spring --kind employee --json
jq_is '[.candidates[].advocate] | join(",")' "bob" "find by kind"
run reference find spring --segment smb
expect_rc 0 "find text"
has "cat" "find by segment"
lacks "ann" "find by segment excludes"
run reference find spring --min-score 101
fail_with 2 "--min-score" "find bad score"

run reference ask spring ann "Acme Corp, Jane Roe" --json
expect_rc 0 "ask"
json "ask --json"
has '"outcome":"open"' "ask open"
has '"prospect":"Acme Corp, Jane Roe"' "ask prospect"
run reference ask spring ann "Globex"
expect_rc 0 "second ask"
has "open" "ask text"
run reference ask spring ann "Initech" --json
fail_with 1 "ask cap" "ask over the cap"
has '"error"' "ask over the cap: JSON error document"
run reference find spring --json
jq_is '[.candidates[].advocate] | join(",")' "cat,bob" "capped advocate left out"
run consent bob messages withdraw
run reference ask spring bob "Acme"
fail_with 1 "consent" "ask without consent"
run reference find spring --quiet
[ "$out" = cat ] && ok || not_ok "find quiet: only cat"

run reference close spring 1 accepted --json
expect_rc 0 "close accepted"
has '"outcome":"accepted"' "accepted"
has '"accepted_at":"' "accepted time"
run reference close spring 1 completed
expect_rc 0 "close completed"
has "completed" "completed text"
run reference close spring 1 declined
fail_with 1 "already closed" "final outcome stays"
run reference close spring 2 no-response --json
has '"outcome":"no-response"' "no-response"
run reference close spring 2 maybe
fail_with 2 "OUTCOME" "close bad outcome"
run reference close spring 9 accepted
fail_with 1 "9" "close unknown ask"
run activity spring ann share
run score spring ann --explain --json
jq_is '[.events[].kind] | map(select(. == "reference")) | length' 1 "reference counted once"

# ---- erasure ---------------------------------------------------------------------------------

run person export advocate ann
has "Jane Roe" "export has the prospect"
has "Great program." "export has the testimonial"
run erase advocate ann
expect_rc 0 "erase"
run testimonial list spring --status rejected --json
jq_is '.testimonials | length' 0 "erased testimonial gone"

echo "voice_test: $tests checks, $failures failed"
[ "$failures" -eq 0 ]
