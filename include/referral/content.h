/*
 * libreferral — the content library: items (articles, videos, documents,
 * ready-made posts, ...) a program offers its advocates to share,
 * targeted by lifecycle stage (stage.h) and minimum tier (score.h).
 *
 * An item has a key unique in its program, a title, a URL or document
 * reference, a kind, the stages it targets (a mask of RF_STAGE_BIT()) and
 * a minimum tier (a tier name of the program's scoring configuration, ""
 * for none). Archived items are no longer offered (nor can codes be bound
 * to them) but keep their history and performance.
 *
 * Codes bound to an item (rf_code_spec.content) track its shares: every
 * click, visitor, conversion and credited value through them counts for
 * the item (rf_content_performance()).
 */
#ifndef REFERRAL_CONTENT_H
#define REFERRAL_CONTENT_H

#include "stage.h"

RF_BEGIN_DECL

/** Kinds of content; names through rf_enum_name(RF_ENUM_CONTENT_KIND, k). */
typedef enum rf_content_kind {
	RF_CONTENT_ARTICLE = 1,  /**< "article" */
	RF_CONTENT_VIDEO = 2,    /**< "video" */
	RF_CONTENT_IMAGE = 3,    /**< "image" */
	RF_CONTENT_DOCUMENT = 4, /**< "document": a file or document reference */
	RF_CONTENT_POST = 5,     /**< "post": a ready-made social post */
	RF_CONTENT_EMAIL = 6,    /**< "email": an email template */
	RF_CONTENT_OTHER = 7     /**< "other" */
} rf_content_kind;

/** Input to rf_content_add() and rf_content_update(). */
typedef struct rf_content_spec {
	unsigned version;       /**< RF_CONTENT_SPEC_VERSION */
	const char *program;    /**< program key (required) */
	const char *key;        /**< the item's key in the program, 1..RF_MAX_ID_LEN bytes (required) */
	const char *title;      /**< 1..RF_MAX_NAME_LEN bytes (required) */
	const char *url;        /**< URL or document reference, 1..RF_MAX_TEXT_LEN bytes (required) */
	int32_t kind;           /**< rf_content_kind (default article) */
	uint32_t stages;        /**< stages offered to: RF_STAGE_BIT(s) | ... (default RF_STAGES_ALL) */
	const char *min_tier;   /**< NULL or "": any tier; else a tier name of the program's
	                             scoring configuration */
} rf_content_spec;

#define RF_CONTENT_SPEC_VERSION 1
#define RF_CONTENT_SPEC_INIT \
	{ RF_CONTENT_SPEC_VERSION, NULL, NULL, NULL, NULL, RF_CONTENT_ARTICLE, RF_STAGES_ALL, NULL }

/** Fill `spec` with the defaults of `version`. Errors: RF_EINVALID, RF_EVERSION. */
RF_EXTERN int rf_content_spec_init(rf_content_spec *spec, unsigned version);

/** A content item. Read-only; owned by the object or its list. */
typedef struct rf_content {
	int64_t id;
	const char *program;    /**< program key */
	const char *key;
	const char *title;
	const char *url;
	int32_t kind;           /**< rf_content_kind */
	uint32_t stages;        /**< mask of RF_STAGE_BIT() */
	const char *min_tier;   /**< "" when none */
	int32_t status;         /**< RF_STATUS_ACTIVE or RF_STATUS_ARCHIVED */
	int64_t created_at_ms;
} rf_content;

/** Items, newest first (created_at, then id, descending). */
typedef struct rf_content_list {
	size_t count;
	rf_content **items;
} rf_content_list;

/**
 * Add an item to a program's library. `out` (may be NULL) receives it.
 * Errors: RF_EINVALID (spec, kind, stages 0 or outside RF_STAGES_ALL,
 * min_tier not a tier of the program), RF_EEXISTS (key taken in the
 * program), RF_ENOTFOUND, RF_EDISABLED (archived program), RF_EVERSION,
 * RF_EMISUSE.
 */
RF_EXTERN int rf_content_add(rf_content **out, rf_store *store, const rf_content_spec *spec);

/**
 * Replace the title, URL, kind, stages and minimum tier of the item with
 * the spec's key (its status stays). `out` (may be NULL) receives it.
 * Errors: as rf_content_add(), RF_ENOTFOUND instead of RF_EEXISTS.
 */
RF_EXTERN int rf_content_update(rf_content **out, rf_store *store, const rf_content_spec *spec);

/**
 * Archive an item: no longer offered nor bindable to new codes; its codes
 * and performance stay. Archiving twice is harmless.
 * Errors: RF_EINVALID, RF_ENOTFOUND (program or item), RF_EMISUSE.
 */
RF_EXTERN int rf_content_archive(rf_store *store, const char *program, const char *key);

/** Flags for rf_content_list_get(). */
enum {
	RF_CONTENT_ARCHIVED = 1u << 0 /**< also archived items */
};

/**
 * A program's items, newest first (active ones unless RF_CONTENT_ARCHIVED).
 * Release with rf_content_list_free().
 * Errors: RF_EINVALID, RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_content_list_get(rf_content_list **out, rf_store *store, const char *program,
				  uint32_t flags);

/**
 * What an advocate should see now: the program's active items that
 * target the advocate's stage and whose minimum tier the advocate's tier
 * reaches (an item whose tier the configuration no longer has is shown to
 * nobody), newest first, at most `limit` (0: all).
 * Release with rf_content_list_free().
 * Errors: RF_EINVALID, RF_ENOTFOUND (program or advocate), RF_EMISUSE.
 */
RF_EXTERN int rf_content_for(rf_content_list **out, rf_store *store, const char *program,
			     const char *advocate, uint32_t limit);

/** Release an item or a list. NULL is ignored. */
RF_EXTERN void rf_content_free(rf_content *content);
RF_EXTERN void rf_content_list_free(rf_content_list *list);

/** How one item performed over a period. */
typedef struct rf_content_stat {
	const char *key;
	const char *title;
	int32_t kind;               /**< rf_content_kind */
	int32_t status;             /**< RF_STATUS_ACTIVE or RF_STATUS_ARCHIVED */
	int64_t codes;              /**< codes bound to it (any time) */
	int64_t clicks;             /**< touchpoints through its codes in the period */
	int64_t unique_visitors;    /**< distinct visitors behind those touchpoints */
	int64_t conversions;        /**< conversions in the period (in `currency`) crediting
	                                 its codes */
	int64_t value_minor;        /**< the credited shares of their value, in minor units
	                                 (as attributed; refunds not subtracted) */
} rf_content_stat;

/** Content performance. Read-only; owned by the object. */
typedef struct rf_content_stats {
	const char *program;
	int64_t from_ms, to_ms;     /**< the period (to_ms 0: open) */
	const char *currency;       /**< of value_minor; "" when no conversion counted */
	size_t count;
	rf_content_stat **items;    /**< by value_minor, then clicks (both descending), then key */
} rf_content_stats;

/**
 * Performance of a program's items (archived too) over [from_ms, to_ms)
 * (to_ms 0: no end), computed by streaming SQL over the codes bound to
 * each item: clicks, unique visitors, conversions and attributed value;
 * sorted by value, then clicks (descending), then key; at most `top`
 * items (0: all). `currency` picks the conversions that count (NULL: the
 * only currency of the program's conversions in the period).
 * Release with rf_content_stats_free().
 * Errors: RF_EINVALID (period, currency not ISO 4217-shaped, or NULL
 * while conversions in several currencies count: the message names
 * them), RF_ENOTFOUND, RF_EMISUSE.
 */
RF_EXTERN int rf_content_performance(rf_content_stats **out, rf_store *store,
				     const char *program, int64_t from_ms, int64_t to_ms,
				     const char *currency, uint32_t top);

/** Release content statistics. NULL is ignored. */
RF_EXTERN void rf_content_stats_free(rf_content_stats *stats);

RF_END_DECL
#endif
