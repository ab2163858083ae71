# Shared helpers of the CLI test scripts (sourced): a temporary directory,
# invoke/run and the checks (expect_rc, has, lacks, no_err, err_line, json,
# jq_is, fail_with). The sourcing script passes the binary as $1.
set -u
BIN=${1:?usage: $0 PATH/TO/referral}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/${RF_CLI_TEST_NAME:-cli_test}.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
cd "$TMP" || exit 1

WRAP=
if [ "${RF_CLI_VALGRIND:-0}" = 1 ]; then
	WRAP="valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 --log-file=$TMP/valgrind.%p.log"
fi
HAVE_JQ=0
command -v jq >/dev/null 2>&1 && HAVE_JQ=1

DB=$TMP/t.db
tests=0
failures=0
rc=0
out=
err=

ok() { tests=$((tests + 1)); }
not_ok() {
	tests=$((tests + 1))
	failures=$((failures + 1))
	echo "not ok $tests - $1"
	echo "  command: $last_cmd"
	echo "  exit: $rc"
	echo "  stdout: $(printf '%s' "$out" | head -c 600)"
	echo "  stderr: $(printf '%s' "$err" | head -c 600)"
}

# invoke ARGS...: run the CLI; sets rc, out, err.
invoke() {
	last_cmd="referral $*"
	$WRAP "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	out=$(cat "$TMP/out")
	err=$(cat "$TMP/err")
	if [ "$rc" = 99 ] && [ -n "$WRAP" ]; then
		not_ok "valgrind reported errors"
		cat "$TMP"/valgrind.*.log
	fi
	rm -f "$TMP"/valgrind.*.log
}

# run ARGS...: invoke on the test database $DB.
run() { invoke --db "$DB" "$@"; }

# run_raw ARGS...: invoke without --db.
run_raw() { invoke "$@"; }

# expect_rc N DESC
expect_rc() {
	if [ "$rc" = "$1" ]; then ok; else not_ok "$2: exit $rc, expected $1"; fi
}

# has TEXT DESC: stdout contains TEXT (fixed string).
has() {
	case $out in *"$1"*) ok ;; *) not_ok "$2: stdout lacks $1" ;; esac
}

# lacks TEXT DESC
lacks() {
	case $out in *"$1"*) not_ok "$2: stdout has $1" ;; *) ok ;; esac
}

# no_err DESC: success leaves stderr empty.
no_err() {
	if [ -z "$err" ]; then ok; else not_ok "$1: unexpected stderr"; fi
}

# err_line TEXT DESC: stderr is exactly one line "referral: ...TEXT...".
err_line() {
	lines=$(printf '%s\n' "$err" | wc -l)
	case $err in
	"referral: "*"$1"*) [ "$lines" -eq 1 ] && ok || not_ok "$2: stderr has $lines lines" ;;
	*) not_ok "$2: stderr is not 'referral: ...$1...'" ;;
	esac
}

# json DESC: stdout is one valid JSON document (checked when jq is there).
json() {
	if [ "$HAVE_JQ" = 1 ]; then
		if printf '%s\n' "$out" | jq -e . >/dev/null 2>&1; then ok; else not_ok "$1: invalid JSON"; fi
	fi
	case $out in "{"*"}") ok ;; *) not_ok "$1: not a JSON object" ;; esac
}

# jq_is FILTER VALUE DESC: with jq, the filter gives VALUE.
jq_is() {
	[ "$HAVE_JQ" = 1 ] || return 0
	got=$(printf '%s\n' "$out" | jq -r "$1" 2>/dev/null)
	if [ "$got" = "$2" ]; then ok; else not_ok "$3: $1 is '$got', expected '$2'"; fi
}

# fail_with RC TEXT DESC: the usual failure checks.
fail_with() {
	expect_rc "$1" "$3"
	err_line "$2" "$3"
}
