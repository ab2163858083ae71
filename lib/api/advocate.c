/* Public advocate functions. */
#include "api/api.h"

#include "core/fraud.h"
#include "store/fraud.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>

static const rf_advocate_spec spec_defaults = RF_ADVOCATE_SPEC_INIT;
/* Bytes of rf_advocate_spec that each version defines. */
static const size_t advocate_spec_sizes[] = { 0, offsetof(rf_advocate_spec, customer_id),
					       sizeof(rf_advocate_spec) };

int rf_advocate_spec_init(rf_advocate_spec *spec, unsigned version)
{
	return rf__options_init(spec, &spec_defaults, advocate_spec_sizes, version, RF_ADVOCATE_SPEC_VERSION,
				"rf_advocate_spec");
}

/* Emails are compared trimmed and case-folded (ASCII). */
int rf__email_fold(const char *email, char folded[RF_MAX_TEXT_LEN + 1])
{
	size_t start = 0, end = strlen(email);
	while (start < end && isspace((unsigned char)email[start]))
		start++;
	while (end > start && isspace((unsigned char)email[end - 1]))
		end--;
	size_t n = end - start;
	for (size_t i = 0; i < n; i++)
		folded[i] = (char)tolower((unsigned char)email[start + i]);
	folded[n] = '\0';
	if (n < 3 || memchr(folded, '@', n) == NULL)
		return rf__error(RF_EINVALID, "email is not an address");
	return RF_OK;
}

static int email_hash(rf_store *s, const char *email, unsigned char out[RF_HASH_BYTES])
{
	char folded[RF_MAX_TEXT_LEN + 1];
	int rc = rf__email_fold(email, folded);
	if (rc == RF_OK)
		rf__personal_hash(s, out, "email", folded);
	return rc;
}

int rf__person_hash(rf_store *s, const char *email, const char *ip, const char *user_agent,
		    rf__person *out)
{
	memset(out, 0, sizeof(*out));
	if (email && *email) {
		char norm[RF_MAX_TEXT_LEN + 1];
		if (rfc_email_normalize(email, norm, sizeof(norm)) != 0)
			return rf__error(RF_EINVALID, "email is not an address");
		out->email_keys.n = rf__personal_hashes(s, out->email_keys.h, "email-key", norm);
		out->email_key = out->email_keys.h[0];
		snprintf(out->domain, sizeof(out->domain), "%s", rfc_email_domain(norm));
		out->email_domain = out->domain;
	}
	if (ip && *ip) {
		out->ip_hashes.n = rf__personal_hashes(s, out->ip_hashes.h, "ip", ip);
		out->ip_hash = out->ip_hashes.h[0];
		rf__ip_network_hashes(s, ip, &out->ip_networks);
	}
	if (user_agent && *user_agent) {
		out->ua_hashes.n = rf__personal_hashes(s, out->ua_hashes.h, "ua", user_agent);
		out->ua_hash = out->ua_hashes.h[0];
	}
	return RF_OK;
}

/* An optional text: NULL and "" both mean not given. */
static const char *given(const char *text)
{
	return text && *text ? text : NULL;
}

/* Check a caller's spec of any version, copying it into `out` (newest layout). */
static int check_spec(const rf_advocate_spec *in, rf_advocate_spec *out)
{
	RF_CHECK_ARG(in != NULL);
	int rc = rf__check_version(in->version, RF_ADVOCATE_SPEC_VERSION, "rf_advocate_spec");
	if (rc != RF_OK)
		return rc;
	rf__options_read(out, &spec_defaults, sizeof(*out), in, advocate_spec_sizes);
	const rf_advocate_spec *spec = out;
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->customer_id, RF_MAX_ID_LEN, "customer id");
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->visitor_id, RF_MAX_ID_LEN, "visitor id");
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->ip, RF_MAX_TEXT_LEN, "IP address");
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->user_agent, RF_MAX_TEXT_LEN, "user agent");
	if (rc == RF_OK)
		rc = rf__check_text(spec->external_id, RF_MAX_ID_LEN, "advocate external id");
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->display_name, RF_MAX_NAME_LEN, "display name");
	if (rc == RF_OK)
		rc = rf__check_opt_text(spec->email, RF_MAX_TEXT_LEN, "email");
	if (rc == RF_OK && rf_enum_name(RF_ENUM_ADVOCATE_KIND, spec->kind) == NULL)
		rc = rf__error(RF_EINVALID, "unknown advocate kind %d", (int)spec->kind);
	return rc;
}

static void pack_advocate(rf_pack *pk, const void *from, void *slot)
{
	const rfs_advocate *row = from;
	rf_advocate *a = rf__pack_reserve(pk, sizeof(*a));
	const char *ext = rf__pack_str(pk, row->external_id);
	const char *name = rf__pack_str(pk, row->display_name);
	const char *customer = rf__pack_str(pk, row->customer);
	if (a == NULL)
		return;
	a->id = row->id;
	a->external_id = ext;
	a->kind = row->kind;
	a->display_name = name;
	a->status = row->status;
	a->has_email = row->has_email;
	a->created_at_ms = row->created_at;
	a->customer_id = customer;
	*(rf_advocate **)slot = a;
}

int rf__advocate_load(rf_store *s, const char *external_id, rfs_advocate *row)
{
	int rc = rf__check_text(external_id, RF_MAX_ID_LEN, "advocate external id");
	if (rc != RF_OK)
		return rc;
	rc = rfs_advocate_by_ext(s, external_id, row);
	if (rc == RF_ENOTFOUND)
		return rf__error(RF_ENOTFOUND, "no advocate '%s'", external_id);
	return rc;
}

/* During a key rotation's overlap, other advocates whose email or sign-up
 * IP + user agent equal this one's under an older live key are rehashed
 * under the current key. The duplicate-identity check compares two stored
 * hashes, so this, while both clear values are known to match, is the one
 * moment such a pair can be made comparable. */
static int rehash_others(rf_store *s, const rf__person *who)
{
	int rc = RF_OK;
	if (who->email_keys.n > 1)
		rc = rfs_advocate_rehash_email(s, who->email_keys.h[0], who->email_keys.h + 1,
					       who->email_keys.n - 1);
	if (rc == RF_OK && who->ip_hashes.n > 1 && who->ua_hashes.n > 1)
		rc = rfs_advocate_rehash_ip_ua(s, who->ip_hashes.h[0], who->ua_hashes.h[0],
					       who->ip_hashes.h + 1, who->ip_hashes.n - 1,
					       who->ua_hashes.h + 1, who->ua_hashes.n - 1);
	return rc;
}

static int add_identity(rf_store *s, const rf_advocate_spec *spec, int64_t advocate_id,
			const rf__person *who)
{
	rfs_advocate_identity ident = { 0, 0, who->email_key, who->ip_hash, who->ua_hash };
	rfs_advocate_identity *id = &ident;
	int rc = RF_OK;
	if (given(spec->customer_id))
		rc = rfs_customer_intern(s, spec->customer_id, 1, &id->customer_id);
	if (rc == RF_OK && given(spec->visitor_id))
		rc = rfs_visitor_intern(s, spec->visitor_id, 1, &id->visitor_id);
	if (rc == RF_OK && (id->customer_id || id->visitor_id || id->email_key || id->ip_hash ||
			    id->ua_hash))
		rc = rfs_advocate_set_identity(s, advocate_id, id);
	if (rc == RF_OK)
		rc = rehash_others(s, who);
	return rc;
}

int rf_advocate_add(rf_advocate **out, rf_store *store, const rf_advocate_spec *in)
{
	if (out)
		*out = NULL;
	rf_advocate_spec sp;
	const rf_advocate_spec *spec = &sp;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_spec(in, &sp);
	unsigned char hash[RF_HASH_BYTES];
	rf__person who;
	if (rc == RF_OK && spec->email)
		rc = email_hash(store, spec->email, hash);
	if (rc == RF_OK)
		rc = rf__person_hash(store, spec->email, spec->ip, spec->user_agent, &who);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	int64_t id = 0;
	rfs_advocate row;
	rc = rfs_advocate_insert(store, spec->external_id, spec->kind, spec->display_name,
				 spec->email ? hash : NULL, rfs_now(store), &id);
	if (rc == RF_EEXISTS)
		rc = rf__error(RF_EEXISTS, "advocate '%s' already exists", spec->external_id);
	if (rc == RF_OK)
		rc = add_identity(store, spec, id, &who);
	if (rc == RF_OK)
		rc = rfs_advocate_by_ext(store, spec->external_id, &row);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && out)
		rc = rf__pack_one(&row, pack_advocate, out);
	return rc;
}

int rf_advocate_get(rf_advocate **out, rf_store *store, const char *external_id)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	rfs_advocate row;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__advocate_load(store, external_id, &row);
	if (rc == RF_OK)
		rc = rf__pack_one(&row, pack_advocate, out);
	return rc;
}

int rf_advocate_list(rf_advocates **out, rf_store *store, int64_t cursor, uint32_t limit)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rf__page_args(store, cursor, &limit);
	if (rc != RF_OK)
		return rc;
	rfs_advocate *rows = NULL;
	size_t count = 0;
	/* One more than asked tells whether another page follows. */
	rc = rfs_advocate_page(store, cursor, limit + 1, &rows, &count);
	if (rc != RF_OK)
		return rc;
	int more = count > limit;
	if (more)
		count = limit;
	void *head = NULL, *items = NULL;
	rc = rf__pack_list(sizeof(rf_advocates), rows, sizeof(*rows), count, pack_advocate, &head,
			   &items);
	if (rc == RF_OK) {
		rf_advocates *list = head;
		*list = (rf_advocates){ count, items, more ? rows[count - 1].id : 0 };
		*out = list;
	}
	free(rows);
	return rc;
}

int rf_advocate_deactivate(rf_store *store, const char *external_id)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_advocate row;
	rc = rf__advocate_load(store, external_id, &row);
	if (rc == RF_OK && row.status != RF_STATUS_INACTIVE)
		rc = rfs_advocate_set_status(store, row.id, RF_STATUS_INACTIVE);
	return rfs_end(store, rc);
}

void rf_advocate_free(rf_advocate *advocate)
{
	free(advocate);
}

void rf_advocates_free(rf_advocates *advocates)
{
	free(advocates);
}
