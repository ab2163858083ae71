/* Public store functions: options, open, close, check, clock. */
#include "store/db.h"

#include <unistd.h>

static const rf_store_options store_defaults = RF_STORE_OPTIONS_INIT;
static const size_t store_options_sizes[] = RF_SIZES_V1(rf_store_options);

int rf_store_options_init(rf_store_options *opts, unsigned version)
{
	return rf__options_init(opts, &store_defaults, store_options_sizes, version, RF_STORE_OPTIONS_VERSION,
				"rf_store_options");
}

static int check_options(const rf_store_options *o)
{
	int rc = rf__check_version(o->version, RF_STORE_OPTIONS_VERSION, "rf_store_options");
	if (rc != RF_OK)
		return rc;
	if (o->busy_timeout_ms < 0)
		return rf__error(RF_EINVALID, "busy_timeout_ms must be >= 0");
	if (o->durability != RF_DURABILITY_NORMAL && o->durability != RF_DURABILITY_FULL)
		return rf__error(RF_EINVALID, "unknown durability %d", (int)o->durability);
	if (o->flags & ~(uint32_t)RF_STORE_NO_CREATE)
		return rf__error(RF_EINVALID, "unknown store flags 0x%x", (unsigned)o->flags);
	if (o->cache_size_kib < 64 || o->cache_size_kib > 16 * 1024 * 1024)
		return rf__error(RF_EINVALID, "cache_size_kib must be 64..16777216");
	return RF_OK;
}

int rf_store_open(rf_store **out, const char *path, const rf_store_options *opts)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rf__check_text(path, 4096, "path");
	if (rc != RF_OK)
		return rc;
	const rf_store_options *o = opts ? opts : &store_defaults;
	if ((rc = check_options(o)) != RF_OK || (rc = rf__crypto_init()) != RF_OK)
		return rc;
	rf_store *s = calloc(1, sizeof(*s));
	if (s == NULL)
		return rf__error(RF_ENOMEM, "out of memory");
	s->pid = getpid();
	s->clock = o->clock;
	s->clock_ctx = o->clock_ctx;
	rc = rfs_open(s, path, o);
	if (rc != RF_OK) {
		free(s);
		return rc;
	}
	*out = s;
	return RF_OK;
}

int rf_store_close(rf_store *store)
{
	RF_CHECK_ARG(store != NULL);
	rfs_close(store);
	return RF_OK;
}

void rf_store_free(rf_store *store)
{
	if (store == NULL)
		return;
	rfs_close(store);
	rf__wipe(store->secret, sizeof(store->secret));
	free(store);
}

int rf_store_now(int64_t *out, rf_store *store)
{
	RF_CHECK_ARG(out != NULL);
	int rc = rfs_usable(store);
	if (rc != RF_OK)
		return rc;
	*out = rfs_now(store);
	return RF_OK;
}

int rf_store_check(rf_store *store)
{
	int rc = rfs_usable(store);
	return rc != RF_OK ? rc : rfs_check(store);
}

int rf_store_schema_version(void)
{
	return RF_SCHEMA_VERSION;
}
