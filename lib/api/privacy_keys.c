/* Hash keys: the keyed hashes of personal data, rotation and expiry of
 * their keys, lookups under every live key, IP truncation. */
#include "api/api.h"
#include "store/privacy.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

void rf__personal_hash(rf_store *s, unsigned char out[RF_HASH_BYTES], const char *domain,
		       const char *value)
{
	const rfs_keyring *k = NULL;
	/* Keys load on first use (opening never calls the clock). Should
	 * they be unreadable, the store secret (key 1) stands in. */
	if (rfs_keys_live(s, &k) == 0)
		rf__hash(out, s->secret, domain, value, strlen(value));
	else
		rf__hash(out, k->secrets[0], domain, value, strlen(value));
}

int rf__personal_hashes(rf_store *s, unsigned char out[RF_HASH_KEYS_MAX][RF_HASH_BYTES],
			const char *domain, const char *value)
{
	const rfs_keyring *k = NULL;
	int n = rfs_keys_live(s, &k);
	for (int i = 0; i < n; i++)
		rf__hash(out[i], k->secrets[i], domain, value, strlen(value));
	if (n == 0) {
		rf__hash(out[0], s->secret, domain, value, strlen(value));
		n = 1;
	}
	return n;
}

int rf__hashes_match(const rf__hashes *hashes, const unsigned char stored[RF_HASH_BYTES])
{
	for (int i = 0; i < hashes->n; i++)
		if (memcmp(hashes->h[i], stored, RF_HASH_BYTES) == 0)
			return 1;
	return 0;
}

/* The network an address belongs to, as text: "a.b.c.0/24" or
 * "x:y:z::/48" (IPv4-mapped IPv6 counts as IPv4). 0 when not an IP. */
static int ip_network(const char *ip, char out[INET6_ADDRSTRLEN + 4])
{
	unsigned char a[16];
	char text[INET6_ADDRSTRLEN];
	if (inet_pton(AF_INET, ip, a) == 1) {
		a[3] = 0;
	} else if (inet_pton(AF_INET6, ip, a) == 1) {
		static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
		if (memcmp(a, mapped, sizeof(mapped)) == 0) {
			memmove(a, a + 12, 4);
			a[3] = 0;
		} else {
			memset(a + 6, 0, 10);
			inet_ntop(AF_INET6, a, text, sizeof(text));
			snprintf(out, INET6_ADDRSTRLEN + 4, "%s/48", text);
			return 1;
		}
	} else {
		return 0;
	}
	inet_ntop(AF_INET, a, text, sizeof(text));
	snprintf(out, INET6_ADDRSTRLEN + 4, "%s/24", text);
	return 1;
}

int rf__ip_hash(rf_store *s, int64_t program_id, const char *ip, unsigned char out[RF_HASH_BYTES])
{
	if (!rfs_policy_truncates(s, program_id)) {
		rf__personal_hash(s, out, "ip", ip);
		return 1;
	}
	char net[INET6_ADDRSTRLEN + 4];
	if (!ip_network(ip, net))
		return 0;
	rf__personal_hash(s, out, "ip", net);
	return 1;
}

void rf__ip_network_hashes(rf_store *s, const char *ip, rf__hashes *out)
{
	char net[INET6_ADDRSTRLEN + 4];
	out->n = ip_network(ip, net) ? rf__personal_hashes(s, out->h, "ip", net) : 0;
}

int rf_secret_rotate(int64_t *new_id, rf_store *store, int64_t overlap_ms)
{
	if (overlap_ms < 0 || overlap_ms > RF_HASH_OVERLAP_MAX_MS)
		return rf__error(RF_EINVALID, "overlap_ms must be 0..%lld",
				 (long long)RF_HASH_OVERLAP_MAX_MS);
	int rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	int64_t now = rfs_now(store), id = 0, destroyed = 0;
	int live = 0;
	rc = rfs_hash_key_live_count(store, now, &live);
	if (rc == RF_OK && overlap_ms > 0 && live >= RF_HASH_KEYS_MAX)
		rc = rf__error(RF_EINVALID, "%d hash keys are live already: wait for one to expire",
			       live);
	if (rc == RF_OK)
		rc = rfs_hash_key_retire(store, now, now + overlap_ms);
	unsigned char secret[RF_SECRET_BYTES];
	rf__random(secret, sizeof(secret));
	if (rc == RF_OK)
		rc = rfs_hash_key_insert(store, secret, now, &id);
	rf__wipe(secret, sizeof(secret));
	if (rc == RF_OK)
		rc = rfs_hash_key_destroy(store, now, &destroyed);
	rfs_keyring_forget(store);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && new_id)
		*new_id = id;
	return rc;
}

int rf_secret_expire(int64_t *destroyed, rf_store *store)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	int64_t n = 0;
	rc = rfs_hash_key_destroy(store, rfs_now(store), &n);
	rfs_keyring_forget(store);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && destroyed)
		*destroyed = n;
	return rc;
}

static void pack_key(rf_pack *p, const void *row, void *slot)
{
	const rfs_hash_key_row *r = row;
	rf_hash_key *k = rf__pack_reserve(p, sizeof(*k));
	if (k == NULL)
		return;
	*k = (rf_hash_key){ r->id, r->created_at, r->retired_at, r->expires_at, r->live,
			    r->destroyed };
	*(rf_hash_key **)slot = k;
}

int rf_secret_list(rf_hash_keys **out, rf_store *store)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	rfs_hash_key_row *rows = NULL;
	size_t n = 0;
	rc = rfs_hash_key_all(store, rfs_now(store), &rows, &n);
	void *header = NULL, *items = NULL;
	if (rc == RF_OK)
		rc = rf__pack_list(sizeof(rf_hash_keys), rows, sizeof(*rows), n, pack_key, &header,
				   &items);
	free(rows);
	if (rc == RF_OK) {
		rf_hash_keys *keys = header;
		keys->count = n;
		keys->items = items;
		*out = keys;
	}
	return rc;
}

void rf_hash_keys_free(rf_hash_keys *keys)
{
	free(keys);
}

int rf_advocate_find_by_email(rf_advocate **out, rf_store *store, const char *email)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rf__check_text(email, RF_MAX_TEXT_LEN, "email");
	if (rc == RF_OK)
		rc = rfs_usable(store);
	char folded[RF_MAX_TEXT_LEN + 1];
	if (rc == RF_OK)
		rc = rf__email_fold(email, folded);
	if (rc != RF_OK)
		return rc;
	unsigned char h[RF_HASH_KEYS_MAX][RF_HASH_BYTES];
	int n = rf__personal_hashes(store, h, "email", folded);
	sqlite3_stmt *st = NULL;
	if ((rc = rfs_stmt(store, RFS_ADVOCATE_BY_EMAIL, &st)) != RF_OK)
		return rc;
	for (int i = 0; i < RF_HASH_KEYS_MAX; i++) {
		if (i < n)
			sqlite3_bind_blob(st, i + 1, h[i], RF_HASH_BYTES, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(st, i + 1);
	}
	char ext[RFS_ID_SIZE];
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		rfs_col_text(st, 0, ext, sizeof(ext));
	sqlite3_reset(st);
	if (step == SQLITE_DONE)
		return rf__error(RF_ENOTFOUND, "no advocate has that email");
	if (step != SQLITE_ROW)
		return rfs_fail(store, step, "finding an advocate by email");
	return rf_advocate_get(out, store, ext);
}

int rf_advocate_set_email(rf_store *store, const char *external_id, const char *email)
{
	int rc = rf__check_text(external_id, RF_MAX_ID_LEN, "advocate external id");
	if (rc == RF_OK)
		rc = rf__check_opt_text(email, RF_MAX_TEXT_LEN, "email");
	char folded[RF_MAX_TEXT_LEN + 1];
	if (rc == RF_OK && email)
		rc = rf__email_fold(email, folded);
	if (rc == RF_OK)
		rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_advocate a;
	rc = rf__advocate_load(store, external_id, &a);
	unsigned char h[RF_HASH_BYTES];
	sqlite3_stmt *st = NULL;
	if (rc == RF_OK)
		rc = rfs_stmt(store, RFS_ADVOCATE_SET_EMAIL, &st);
	if (rc == RF_OK) {
		sqlite3_bind_int64(st, 1, a.id);
		if (email) {
			rf__personal_hash(store, h, "email", folded);
			sqlite3_bind_blob(st, 2, h, RF_HASH_BYTES, SQLITE_TRANSIENT);
		} else {
			sqlite3_bind_null(st, 2);
		}
		rc = rfs_exec(store, st, "setting an advocate's email");
	}
	return rfs_end(store, rc);
}
