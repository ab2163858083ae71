/* Public code functions: issue, resolve, get, disable, normalise. */
#include "api/api.h"
#include "core/codes.h"
#include "api/engagement.h"

#include <stddef.h>
#include <stdio.h>

/* Longest accepted code input, hyphens and spaces included. */
#define CODE_INPUT_MAX 64
/* Random draws before giving up; a clash is ~2^-40 per draw. */
#define ISSUE_ATTEMPTS 64

static const rf_code_spec spec_defaults = RF_CODE_SPEC_INIT;
static const size_t code_spec_sizes[] = { 0, offsetof(rf_code_spec, content),
					  sizeof(rf_code_spec) };

int rf_code_spec_init(rf_code_spec *spec, unsigned version)
{
	return rf__options_init(spec, &spec_defaults, code_spec_sizes, version, RF_CODE_SPEC_VERSION,
				"rf_code_spec");
}

int rf_code_normalize(char *out, size_t out_size, const char *input)
{
	RF_CHECK_ARG(out != NULL);
	RF_CHECK_ARG(out_size > 0);
	int rc = rf__check_text(input, CODE_INPUT_MAX, "code");
	if (rc != RF_OK)
		return rc;
	int n = rfc_normalize(out, out_size, input);
	if (n == -1)
		return rf__error(RF_EINVALID, "code contains a symbol outside 0-9 A-Z (no U)");
	if (n == -2)
		return rf__error(RF_EINVALID, "code does not fit in %zu bytes", out_size);
	if (n == 0)
		return rf__error(RF_EINVALID, "code has no symbols");
	return RF_OK;
}

int rf__code_load(rf_store *s, const char *input, int typo_check, rfs_code *row)
{
	char code[RF_CODE_BUFSIZE];
	int rc = rf_code_normalize(code, sizeof(code), input);
	if (rc != RF_OK)
		return rc;
	rc = rfs_code_by_text(s, code, row);
	if (rc != RF_ENOTFOUND)
		return rc;
	if (typo_check && !rfc_luhn_valid(rfc_alphabet, code, strlen(code)))
		return rf__error(RF_ECHECK, "code '%s' is not known and its check symbol is wrong:"
				 " probably mistyped", code);
	return rf__error(RF_ENOTFOUND, "no code '%s'", code);
}

/* The key of a bound code's content item, for showing it. */
static int code_content(rf_store *s, rfs_code *row)
{
	row->content[0] = '\0';
	return row->content_id ? rfs_code_content_key(s, row->id, row->content) : RF_OK;
}

int rf__code_usable(const rfs_code *c, int64_t now)
{
	if (c->status == RF_STATUS_DISABLED)
		return rf__error(RF_EDISABLED, "code '%s' is disabled", c->code);
	if (c->program_status != RF_STATUS_ACTIVE)
		return rf__error(RF_EDISABLED, "program '%s' of code '%s' is archived",
				 c->program_key, c->code);
	if (c->advocate_status != RF_STATUS_ACTIVE)
		return rf__error(RF_EDISABLED, "advocate '%s' of code '%s' is inactive",
				 c->advocate_ext, c->code);
	if (c->expires_at != 0 && now >= c->expires_at)
		return rf__error(RF_EEXPIRED, "code '%s' expired", c->code);
	if (c->max_uses != 0 && c->uses >= c->max_uses)
		return rf__error(RF_EEXHAUSTED, "code '%s' has been used %lld of %lld times",
				 c->code, (long long)c->uses, (long long)c->max_uses);
	return RF_OK;
}

static void pack_code(rf_pack *pk, const void *from, void *slot)
{
	const rfs_code *row = from;
	rf_code *c = rf__pack_reserve(pk, sizeof(*c));
	const char *code = rf__pack_str(pk, row->code);
	const char *display = rf__pack_str(pk, row->display);
	const char *program = rf__pack_str(pk, row->program_key);
	const char *advocate = rf__pack_str(pk, row->advocate_ext);
	const char *content = rf__pack_str(pk, row->content);
	if (c == NULL)
		return;
	c->id = row->id;
	c->code = code;
	c->display = display;
	c->program = program;
	c->advocate = advocate;
	c->channel = row->channel;
	c->status = row->status;
	c->vanity = row->vanity;
	c->expires_at_ms = row->expires_at;
	c->max_uses = row->max_uses;
	c->uses = row->uses;
	c->created_at_ms = row->created_at;
	c->content = content;
	*(rf_code **)slot = c;
}

static int check_spec(const rf_code_spec *in, rf_code_spec *spec, int64_t now)
{
	RF_CHECK_ARG(in != NULL);
	int rc = rf__check_version(in->version, RF_CODE_SPEC_VERSION, "rf_code_spec");
	if (rc != RF_OK)
		return rc;
	rf__options_read(spec, &spec_defaults, sizeof(*spec), in, code_spec_sizes);
	rc = rf__check_opt_text(spec->content, RF_MAX_ID_LEN, "content key");
	if (rc == RF_OK && spec->content && !*spec->content)
		rc = rf__error(RF_EINVALID, "content key is empty (NULL: no content)");
	if (rc != RF_OK)
		return rc;
	if (rf_enum_name(RF_ENUM_CHANNEL, spec->channel) == NULL)
		return rf__error(RF_EINVALID, "unknown channel %d", (int)spec->channel);
	if (spec->expires_at_ms < 0 || (spec->expires_at_ms != 0 && spec->expires_at_ms <= now))
		return rf__error(RF_EINVALID, "expires_at_ms must be 0 (never) or in the future");
	if (spec->max_uses < 0)
		return rf__error(RF_EINVALID, "max_uses must be >= 0");
	return rf__check_opt_text(spec->vanity, CODE_INPUT_MAX, "vanity code");
}

/* Normalise a vanity code and apply its rules; `display` keeps how the
 * advocate wrote it, upper-cased. */
static int vanity_code(const char *vanity, char *code, char *display)
{
	int n = rfc_normalize(code, RF_CODE_BUFSIZE, vanity);
	if (n < 0)
		return rf__error(RF_EINVALID, "vanity code may only use 0-9 A-Z (no U), hyphens and"
				 " spaces, up to %d symbols", RF_VANITY_MAX);
	if (n < RF_VANITY_MIN || n > RF_VANITY_MAX)
		return rf__error(RF_EINVALID, "vanity code needs %d..%d symbols", RF_VANITY_MIN,
				 RF_VANITY_MAX);
	if (rfc_code_is_blocked(code))
		return rf__error(RF_EINVALID, "vanity code contains a blocked word");
	size_t len = strlen(vanity);
	if (len >= RF_CODE_BUFSIZE) {
		strcpy(display, code);
		return RF_OK;
	}
	for (size_t i = 0; i <= len; i++) {
		char ch = vanity[i];
		display[i] = ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
	}
	return RF_OK;
}

static int random_code(rf_store *s, int length, char *code)
{
	unsigned char random[RF_CODE_LENGTH_MAX];
	for (int attempt = 0; attempt < ISSUE_ATTEMPTS; attempt++) {
		int exists = 0;
		rf__random(random, (size_t)length);
		rfc_code_from_random(code, random, length);
		if (rfc_code_is_blocked(code))
			continue;
		int rc = rfs_code_exists(s, code, &exists);
		if (rc != RF_OK || !exists)
			return rc;
	}
	return rf__error(RF_ERROR, "could not draw an unused code in %d attempts", ISSUE_ATTEMPTS);
}

static int issue(rf_store *s, const rf_code_spec *spec, rfs_code *row)
{
	rfs_program program;
	rfs_advocate advocate;
	char code[RF_CODE_BUFSIZE], display[RF_CODE_BUFSIZE];
	int rc = rf__program_load_active(s, spec->program, &program);
	if (rc == RF_OK)
		rc = rf__advocate_load(s, spec->advocate, &advocate);
	if (rc == RF_OK && advocate.status != RF_STATUS_ACTIVE)
		rc = rf__error(RF_EDISABLED, "advocate '%s' is inactive", spec->advocate);
	rfs_content item = { 0 };
	if (rc == RF_OK && spec->content)
		rc = rf__content_load(s, &program, spec->content, &item);
	if (rc == RF_OK && spec->content && item.status != RF_STATUS_ACTIVE)
		rc = rf__error(RF_EDISABLED, "content '%s' is archived", spec->content);
	if (rc == RF_OK && spec->vanity)
		rc = vanity_code(spec->vanity, code, display);
	else if (rc == RF_OK)
		rc = random_code(s, program.rules.code_length, code);
	if (rc != RF_OK)
		return rc;
	int64_t id = 0;
	rc = rfs_code_insert(s, code, spec->vanity ? display : code, program.id, advocate.id,
			     spec->channel, spec->vanity != NULL, spec->expires_at_ms,
			     spec->max_uses, rfs_now(s), &id);
	if (rc == RF_EEXISTS)
		return rf__error(RF_EEXISTS, "code '%s' is taken", code);
	if (rc == RF_OK && item.id)
		rc = rfs_code_set_content(s, id, item.id);
	if (rc == RF_OK)
		rc = rfs_code_by_text(s, code, row);
	if (rc == RF_OK && item.id) {
		row->content_id = item.id;
		snprintf(row->content, sizeof(row->content), "%s", item.key);
	}
	return rc;
}

int rf_code_issue(rf_code **out, rf_store *store, const rf_code_spec *spec)
{
	if (out)
		*out = NULL;
	rf_code_spec sp;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_spec(spec, &sp, rfs_now(store));
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_code row;
	rc = rfs_end(store, issue(store, &sp, &row));
	if (rc == RF_OK && out)
		rc = rf__pack_one(&row, pack_code, out);
	return rc;
}

int rf_code_get(rf_code **out, rf_store *store, const char *input)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_code row;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__code_load(store, input, 0, &row);
	if (rc == RF_OK)
		rc = code_content(store, &row);
	if (rc == RF_OK)
		rc = rf__pack_one(&row, pack_code, out);
	return rc;
}

int rf_code_resolve(rf_code **out, rf_store *store, const char *input)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_code row;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__code_load(store, input, 1, &row);
	if (rc == RF_OK)
		rc = rf__code_usable(&row, rfs_now(store));
	if (rc == RF_OK)
		rc = code_content(store, &row);
	if (rc == RF_OK)
		rc = rf__pack_one(&row, pack_code, out);
	return rc;
}

int rf_code_disable(rf_store *store, const char *input)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_code row;
	rc = rf__code_load(store, input, 0, &row);
	if (rc == RF_OK && row.status != RF_STATUS_DISABLED)
		rc = rfs_code_set_status(store, row.id, RF_STATUS_DISABLED);
	return rfs_end(store, rc);
}

int rf_code_list(rf_codes **out, rf_store *store, const char *program, const char *advocate)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_program p = { 0 };
	rfs_advocate a;
	int rc = rfs_usable(store);
	if (rc == RF_OK && program)
		rc = rf__program_load(store, program, &p);
	if (rc == RF_OK)
		rc = rf__advocate_load(store, advocate, &a);
	if (rc != RF_OK)
		return rc;
	rfs_code *rows = NULL;
	size_t count = 0;
	if ((rc = rfs_code_list(store, a.id, p.id, &rows, &count)) != RF_OK)
		return rc;
	for (size_t i = 0; rc == RF_OK && i < count; i++)
		rc = code_content(store, &rows[i]);
	void *head = NULL, *items = NULL;
	if (rc != RF_OK) {
		free(rows);
		return rc;
	}
	rc = rf__pack_list(sizeof(rf_codes), rows, sizeof(*rows), count, pack_code, &head, &items);
	if (rc == RF_OK) {
		rf_codes *list = head;
		*list = (rf_codes){ count, items };
		*out = list;
	}
	free(rows);
	return rc;
}

void rf_codes_free(rf_codes *codes)
{
	free(codes);
}

void rf_code_free(rf_code *code)
{
	free(code);
}
