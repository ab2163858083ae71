/* Public consent functions, and the check every area uses. */
#include "api/events.h"
#include "store/engagement.h"

int rf__consent_allowed(rf_store *s, int64_t advocate_id, int32_t purpose, int *allowed)
{
	rfs_consent c;
	int rc = rfs_consent_get(s, advocate_id, &c);
	*allowed = rc == RF_OK && (purpose == RF_CONSENT_TRACKING ? c.tracking : c.messages) == 1;
	return rc;
}

int rf_consent_set(rf_store *store, const char *advocate, int32_t purpose, int32_t granted,
		   const char *source)
{
	int rc = rfs_usable(store);
	if (rc == RF_OK && purpose != RF_CONSENT_TRACKING && purpose != RF_CONSENT_MESSAGES)
		rc = rf__error(RF_EINVALID, "unknown consent purpose %d", (int)purpose);
	if (rc == RF_OK && granted != 0 && granted != 1)
		rc = rf__error(RF_EINVALID, "granted must be 0 or 1");
	if (rc == RF_OK)
		rc = rf__check_text(source, RF_MAX_NAME_LEN, "consent source");
	if (rc == RF_OK)
		rc = rf__check_text(advocate, RF_MAX_ID_LEN, "advocate external id");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_advocate a;
	rc = rf__advocate_load(store, advocate, &a);
	if (rc == RF_OK)
		rc = rfs_consent_set(store, a.id, purpose, granted, source, rfs_now(store));
	return rfs_end(store, rc);
}

typedef struct consent_row {
	const char *advocate;
	const rfs_consent *now;
	const rfs_consent_change *changes;
	size_t count;
} consent_row;

static void pack_consent(rf_pack *pk, const void *from, void *slot)
{
	const consent_row *row = from;
	rf_consent *c = rf__pack_reserve(pk, sizeof(*c));
	rf_consent_change **items = rf__pack_reserve(pk, (row->count + 1) * sizeof(*items));
	const char *ext = rf__pack_str(pk, row->advocate);
	for (size_t i = 0; i < row->count; i++) {
		rf_consent_change *ch = rf__pack_reserve(pk, sizeof(*ch));
		const char *source = rf__pack_str(pk, row->changes[i].source);
		if (ch == NULL)
			continue;
		ch->purpose = row->changes[i].purpose;
		ch->granted = row->changes[i].granted;
		ch->source = source;
		ch->at_ms = row->changes[i].at;
		items[i] = ch;
	}
	if (c == NULL)
		return;
	c->advocate = ext;
	c->tracking = row->now->tracking;
	c->messages = row->now->messages;
	c->tracking_at_ms = row->now->tracking_at;
	c->messages_at_ms = row->now->messages_at;
	c->count = row->count;
	c->items = items;
	*(rf_consent **)slot = c;
}

int rf_consent_get(rf_consent **out, rf_store *store, const char *advocate)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rfs_usable(store);
	if (rc != RF_OK || (rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	rfs_advocate a;
	rfs_consent now;
	rfs_consent_change *changes = NULL;
	size_t count = 0;
	rc = rf__advocate_load(store, advocate, &a);
	if (rc == RF_OK)
		rc = rfs_consent_get(store, a.id, &now);
	if (rc == RF_OK)
		rc = rfs_consent_history(store, a.id, &changes, &count);
	rc = rfs_end(store, rc);
	if (rc == RF_OK) {
		consent_row row = { a.external_id, &now, changes, count };
		rc = rf__pack_one(&row, pack_consent, out);
	}
	free(changes);
	return rc;
}

void rf_consent_free(rf_consent *consent)
{
	free(consent);
}
