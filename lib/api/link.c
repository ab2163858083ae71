/* Signed links and their keys. */
#include "api/api.h"
#include "core/link.h"
#include "store/links.h"

#include <sodium.h>

/* Longest canonical string: every field plus its length prefix. */
#define LINK_CANONICAL_MAX (RF_LINK_MAX_LEN + 256)

int rf_link_key_add(rf_store *store, int64_t *id)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	unsigned char secret[RF_SECRET_BYTES];
	rf__random(secret, sizeof(secret));
	int64_t new_id = 0;
	rc = rfs_link_key_insert(store, secret, rfs_now(store), &new_id);
	rf__wipe(secret, sizeof(secret));
	rc = rfs_end(store, rc);
	if (rc == RF_OK && id != NULL)
		*id = new_id;
	return rc;
}

int rf_link_key_retire(rf_store *store, int64_t id)
{
	int rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	int changed = 0;
	rfs_link_key row;
	rc = rfs_link_key_get(store, id, &row);
	rf__wipe(row.secret, sizeof(row.secret));
	if (rc == RF_ENOTFOUND)
		rc = rf__error(RF_ENOTFOUND, "no link key %lld", (long long)id);
	if (rc == RF_OK)
		rc = rfs_link_key_retire(store, id, rfs_now(store), &changed);
	return rfs_end(store, rc);
}

static void pack_key(rf_pack *p, const void *row, void *slot)
{
	const rfs_link_key *r = row;
	rf_link_key *k = rf__pack_reserve(p, sizeof(*k));
	if (k == NULL)
		return;
	*k = (rf_link_key){ r->id, r->created_at, r->retired_at };
	*(rf_link_key **)slot = k;
}

int rf_link_key_list(rf_link_keys **out, rf_store *store)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	rfs_link_key *rows = NULL;
	size_t count = 0;
	if ((rc = rfs_link_key_all(store, &rows, &count)) != RF_OK)
		return rc;
	void *head = NULL, *items = NULL;
	rc = rf__pack_list(sizeof(rf_link_keys), rows, sizeof(*rows), count, pack_key, &head, &items);
	if (rc == RF_OK) {
		rf_link_keys *list = head;
		*list = (rf_link_keys){ count, items };
		*out = list;
	}
	free(rows);
	return rc;
}

void rf_link_keys_free(rf_link_keys *keys)
{
	free(keys);
}

/* The link as a packed object: url + fields. */
typedef struct link_row {
	const char *url;
	const rfc_link_fields *f;
} link_row;

static void pack_link(rf_pack *p, const void *row, void *slot)
{
	const link_row *r = row;
	rf_link *l = rf__pack_reserve(p, sizeof(*l));
	const char *url = rf__pack_str(p, r->url);
	const char *code = rf__pack_str(p, r->f->code);
	const char *campaign = rf__pack_str(p, r->f->campaign);
	const char *content = rf__pack_str(p, r->f->content);
	if (l == NULL)
		return;
	*l = (rf_link){ url, code, campaign, content, r->f->expires_at, r->f->key_id };
	*(rf_link **)slot = l;
}

static int sign(const rfc_link_fields *f, const unsigned char key[RF_SECRET_BYTES],
		unsigned char mac[RF_HMAC_BYTES])
{
	char canon[LINK_CANONICAL_MAX];
	size_t n = rfc_link_canonical(canon, sizeof(canon), f);
	if (n == 0)
		return rf__error(RF_EINVALID, "link too long");
	rf__hmac_sha256(mac, key, RF_SECRET_BYTES, canon, n);
	return RF_OK;
}

static int check_build(rf_store *store, const char *base_url, const char *code,
		       const char *campaign, const char *content, int64_t expires_at_ms)
{
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(base_url, RF_MAX_TEXT_LEN, "base URL");
	if (rc == RF_OK && !rfc_link_base_ok(base_url, strlen(base_url)))
		rc = rf__error(RF_EINVALID, "base URL must be http(s)://, printable ASCII, no '#'");
	if (rc == RF_OK)
		rc = rf__check_text(code, RF_LINK_CODE_MAX_LEN, "code");
	if (rc == RF_OK)
		rc = rf__check_opt_text(campaign, RF_MAX_ID_LEN, "campaign");
	if (rc == RF_OK)
		rc = rf__check_opt_text(content, RF_MAX_ID_LEN, "content");
	if (rc == RF_OK && expires_at_ms < 0)
		rc = rf__error(RF_EINVALID, "expires_at_ms must be >= 0");
	return rc;
}

static void append_param(char *url, const char *name, const char *value)
{
	if (value[0] == '\0')
		return;
	size_t at = strlen(url);
	sprintf(url + at, "&%s=", name);
	rfc_pct_encode(url + strlen(url), value);
}

int rf_link_build(rf_link **out, rf_store *store, const char *base_url, const char *code,
		  const char *campaign, const char *content, int64_t expires_at_ms)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = check_build(store, base_url, code, campaign, content, expires_at_ms);
	if (rc != RF_OK)
		return rc;
	rfc_link_fields f;
	memset(&f, 0, sizeof(f));
	f.base = base_url;
	f.base_len = strlen(base_url);
	strcpy(f.code, code);
	strcpy(f.campaign, campaign ? campaign : "");
	strcpy(f.content, content ? content : "");
	f.expires_at = expires_at_ms;
	rfs_link_key key;
	rc = rfs_link_key_newest(store, &key);
	if (rc == RF_ENOTFOUND)
		return rf__error(RF_EKEY, "no active link key (add one with rf_link_key_add)");
	if (rc != RF_OK)
		return rc;
	f.key_id = key.id;
	unsigned char mac[RF_HMAC_BYTES];
	rc = sign(&f, key.secret, mac);
	rf__wipe(key.secret, sizeof(key.secret));
	if (rc != RF_OK)
		return rc;
	sodium_bin2base64(f.sig, sizeof(f.sig), mac, sizeof(mac),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char url[RF_LINK_MAX_LEN + 1];
	snprintf(url, sizeof(url), "%s%crc=", base_url, strchr(base_url, '?') ? '&' : '?');
	rfc_pct_encode(url + strlen(url), f.code);
	append_param(url, "cmp", f.campaign);
	append_param(url, "cnt", f.content);
	char num[24];
	if (expires_at_ms > 0) {
		snprintf(num, sizeof(num), "%lld", (long long)expires_at_ms);
		append_param(url, "exp", num);
	}
	snprintf(num, sizeof(num), "%lld", (long long)f.key_id);
	append_param(url, "kid", num);
	append_param(url, "sig", f.sig);
	link_row row = { url, &f };
	return rf__pack_one(&row, pack_link, out);
}

/* Decode the signature strictly: exactly the encoder's output. */
static int decode_sig(const char *sig, unsigned char mac[RF_HMAC_BYTES])
{
	size_t n = 0;
	char again[RFC_SIG_CHARS + 1];
	if (sodium_base642bin(mac, RF_HMAC_BYTES, sig, strlen(sig), NULL, &n, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    n != RF_HMAC_BYTES)
		return 0;
	sodium_bin2base64(again, sizeof(again), mac, RF_HMAC_BYTES,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return strcmp(again, sig) == 0;
}

int rf_link_verify(rf_link **out, rf_store *store, const char *link)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	RF_CHECK_ARG(link != NULL);
	size_t n = strnlen(link, RF_LINK_MAX_LEN + 1);
	if (n > RF_LINK_MAX_LEN)
		return rf__error(RF_ETAMPERED, "link longer than %d bytes", RF_LINK_MAX_LEN);
	rfc_link_fields f;
	unsigned char mac[RF_HMAC_BYTES];
	if (rfc_link_parse(link, n, &f) != 0 || !decode_sig(f.sig, mac))
		return rf__error(RF_ETAMPERED, "malformed link");
	rfs_link_key key;
	rc = rfs_link_key_get(store, f.key_id, &key);
	if (rc == RF_ENOTFOUND)
		return rf__error(RF_EKEY, "unknown link key %lld", (long long)f.key_id);
	if (rc != RF_OK)
		return rc;
	char canon[LINK_CANONICAL_MAX];
	size_t cn = rfc_link_canonical(canon, sizeof(canon), &f);
	int good = cn > 0 && rf__hmac_sha256_verify(mac, key.secret, canon, cn);
	rf__wipe(key.secret, sizeof(key.secret));
	if (key.retired_at != 0)
		return rf__error(RF_EKEY, "link key %lld is retired", (long long)f.key_id);
	if (!good)
		return rf__error(RF_ETAMPERED, "link signature does not match");
	if (f.expires_at != 0 && rfs_now(store) >= f.expires_at)
		return rf__error(RF_EEXPIRED, "link expired");
	char url[RF_LINK_MAX_LEN + 1];
	memcpy(url, link, n);
	url[n] = '\0';
	link_row row = { url, &f };
	return rf__pack_one(&row, pack_link, out);
}

void rf_link_free(rf_link *link)
{
	free(link);
}
