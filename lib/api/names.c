/* Names of enumerated values. */
#include "internal.h"

typedef struct name_entry {
	int32_t value;
	const char *name;
} name_entry;

static const name_entry models[] = {
	{ RF_MODEL_LAST_TOUCH, "last" },
	{ RF_MODEL_FIRST_TOUCH, "first" },
	{ RF_MODEL_LAST_NON_DIRECT, "last-non-direct" },
	{ RF_MODEL_LINEAR, "linear" },
	{ RF_MODEL_TIME_DECAY, "time-decay" },
	{ RF_MODEL_POSITION, "position" },
	{ RF_MODEL_CUSTOM, "custom" },
	{ RF_MODEL_MARKOV, "markov" },
	{ RF_MODEL_SHAPLEY, "shapley" },
	{ 0, NULL }
};
static const name_entry advocate_kinds[] = {
	{ RF_ADVOCATE_CUSTOMER, "customer" }, { RF_ADVOCATE_EMPLOYEE, "employee" },
	{ RF_ADVOCATE_PARTNER, "partner" },   { RF_ADVOCATE_INFLUENCER, "influencer" },
	{ 0, NULL }
};
static const name_entry channels[] = {
	{ RF_CHANNEL_NONE, "none" },         { RF_CHANNEL_EMAIL, "email" },
	{ RF_CHANNEL_WHATSAPP, "whatsapp" }, { RF_CHANNEL_LINKEDIN, "linkedin" },
	{ RF_CHANNEL_X, "x" },               { RF_CHANNEL_FACEBOOK, "facebook" },
	{ RF_CHANNEL_SMS, "sms" },           { RF_CHANNEL_QR, "qr" },
	{ RF_CHANNEL_OTHER, "other" },       { 0, NULL }
};
static const name_entry touch_kinds[] = {
	{ RF_TOUCH_CLICK, "click" }, { RF_TOUCH_VISIT, "visit" }, { RF_TOUCH_SCAN, "scan" },
	{ RF_TOUCH_CHECKOUT, "checkout" }, { 0, NULL }
};
static const name_entry conversion_kinds[] = {
	{ RF_CONVERSION_SIGNUP, "signup" }, { RF_CONVERSION_PURCHASE, "purchase" },
	{ RF_CONVERSION_CUSTOM, "custom" }, { RF_CONVERSION_RENEWAL, "renewal" },
	{ 0, NULL }
};
static const name_entry statuses[] = {
	{ RF_STATUS_ACTIVE, "active" },     { RF_STATUS_ARCHIVED, "archived" },
	{ RF_STATUS_INACTIVE, "inactive" }, { RF_STATUS_DISABLED, "disabled" },
	{ 0, NULL }
};

static const name_entry targets[] = {
	{ RF_TARGET_ADVOCATE, "advocate" }, { RF_TARGET_CHANNEL, "channel" }, { 0, NULL }
};

static const name_entry reward_sides[] = {
	{ RF_SIDE_REFERRER, "referrer" }, { RF_SIDE_REFEREE, "referee" }, { 0, NULL }
};
static const name_entry reward_events[] = {
	{ RF_ON_CONVERSION, "conversion" }, { RF_ON_SIGNUP, "signup" },
	{ RF_ON_PURCHASE, "purchase" },     { RF_ON_CUSTOM, "custom" },
	{ RF_ON_RENEWAL, "renewal" },       { RF_ON_NTH, "nth" },
	{ RF_ON_MILESTONE, "milestone" },   { 0, NULL }
};
static const name_entry reward_kinds[] = {
	{ RF_REWARD_CASH, "cash" },     { RF_REWARD_CREDIT, "credit" },
	{ RF_REWARD_POINTS, "points" }, { RF_REWARD_COUPON, "coupon" }, { 0, NULL }
};
static const name_entry reward_bases[] = {
	{ RF_AMOUNT_FIXED, "fixed" }, { RF_AMOUNT_PERCENT, "percent" }, { 0, NULL }
};
static const name_entry reward_states[] = {
	{ RF_REWARD_HELD, "held" },         { RF_REWARD_PENDING, "pending" },
	{ RF_REWARD_APPROVED, "approved" }, { RF_REWARD_PAID, "paid" },
	{ RF_REWARD_REJECTED, "rejected" }, { RF_REWARD_VOIDED, "voided" },
	{ RF_REWARD_SKIPPED, "skipped" },   { RF_REWARD_REVERSED, "reversed" },
	{ 0, NULL }
};

static const name_entry activities[] = {
	{ RF_ACTIVITY_SHARE, "share" },     { RF_ACTIVITY_INVITE, "invite" },
	{ RF_ACTIVITY_REVIEW, "review" },   { RF_ACTIVITY_POST, "post" },
	{ RF_ACTIVITY_COMMENT, "comment" }, { RF_ACTIVITY_RATING, "rating" },
	{ RF_ACTIVITY_BOOKMARK, "bookmark" }, { RF_ACTIVITY_CONTENT, "content" },
	{ RF_ACTIVITY_EVENT, "event" },     { RF_ACTIVITY_SURVEY, "survey" },
	{ RF_ACTIVITY_TESTIMONIAL, "testimonial" }, { RF_ACTIVITY_REFERENCE, "reference" },
	{ RF_ACTIVITY_CUSTOM, "custom" },   { 0, NULL }
};
static const name_entry fraud_signals[] = {
	{ RF_FRAUD_SELF_REFERRAL, "self-referral" },
	{ RF_FRAUD_DISPOSABLE_EMAIL, "disposable-email" },
	{ RF_FRAUD_CONVERSION_VELOCITY, "conversion-velocity" },
	{ RF_FRAUD_CLICK_VELOCITY, "click-velocity" },
	{ RF_FRAUD_FAST_CONVERSION, "fast-conversion" },
	{ RF_FRAUD_EXISTING_CUSTOMER, "existing-customer" },
	{ RF_FRAUD_DUPLICATE_IDENTITY, "duplicate-identity" },
	{ RF_FRAUD_REFERRAL_RING, "referral-ring" },
	{ RF_FRAUD_BOT, "bot" },
	{ 0, NULL }
};
static const name_entry fraud_decisions[] = {
	{ RF_FRAUD_APPROVE, "approve" }, { RF_FRAUD_REVIEW, "review" },
	{ RF_FRAUD_REJECT, "reject" },   { 0, NULL }
};
static const name_entry review_statuses[] = {
	{ RF_REVIEW_NONE, "none" },         { RF_REVIEW_HELD, "held" },
	{ RF_REVIEW_APPROVED, "approved" }, { RF_REVIEW_REJECTED, "rejected" },
	{ 0, NULL }
};

static const name_entry badges[] = {
	{ RF_BADGE_FIRST_REFERRAL, "first-referral" }, { RF_BADGE_TEN_REFERRALS, "ten-referrals" },
	{ RF_BADGE_FIRST_REVIEW, "first-review" },     { RF_BADGE_TOP_PERCENT, "top-one-percent" },
	{ 0, NULL }
};

static const name_entry stages[] = {
	{ RF_STAGE_INVITED, "invited" },     { RF_STAGE_ACTIVE, "active" },
	{ RF_STAGE_REFERRING, "referring" }, { RF_STAGE_CHAMPION, "champion" },
	{ RF_STAGE_DORMANT, "dormant" },     { 0, NULL }
};

static const name_entry content_kinds[] = {
	{ RF_CONTENT_ARTICLE, "article" }, { RF_CONTENT_VIDEO, "video" },
	{ RF_CONTENT_IMAGE, "image" },     { RF_CONTENT_DOCUMENT, "document" },
	{ RF_CONTENT_POST, "post" },       { RF_CONTENT_EMAIL, "email" },
	{ RF_CONTENT_OTHER, "other" },     { 0, NULL }
};

static const name_entry testimonial_statuses[] = {
	{ RF_TESTIMONIAL_PENDING, "pending" }, { RF_TESTIMONIAL_APPROVED, "approved" },
	{ RF_TESTIMONIAL_REJECTED, "rejected" }, { 0, NULL }
};
static const name_entry reference_outcomes[] = {
	{ RF_REFERENCE_OPEN, "open" },           { RF_REFERENCE_ACCEPTED, "accepted" },
	{ RF_REFERENCE_DECLINED, "declined" },   { RF_REFERENCE_COMPLETED, "completed" },
	{ RF_REFERENCE_NO_RESPONSE, "no-response" }, { 0, NULL }
};

static const name_entry *table_of(int type)
{
	switch (type) {
	case RF_ENUM_MODEL: return models;
	case RF_ENUM_ADVOCATE_KIND: return advocate_kinds;
	case RF_ENUM_CHANNEL: return channels;
	case RF_ENUM_TOUCHPOINT_KIND: return touch_kinds;
	case RF_ENUM_CONVERSION_KIND: return conversion_kinds;
	case RF_ENUM_STATUS: return statuses;
	case RF_ENUM_TARGET: return targets;
	case RF_ENUM_REWARD_SIDE: return reward_sides;
	case RF_ENUM_REWARD_EVENT: return reward_events;
	case RF_ENUM_REWARD_KIND: return reward_kinds;
	case RF_ENUM_REWARD_BASIS: return reward_bases;
	case RF_ENUM_REWARD_STATE: return reward_states;
	case RF_ENUM_ACTIVITY: return activities;
	case RF_ENUM_FRAUD_SIGNAL: return fraud_signals;
	case RF_ENUM_FRAUD_DECISION: return fraud_decisions;
	case RF_ENUM_REVIEW_STATUS: return review_statuses;
	case RF_ENUM_BADGE: return badges;
	case RF_ENUM_STAGE: return stages;
	case RF_ENUM_CONTENT_KIND: return content_kinds;
	case RF_ENUM_TESTIMONIAL_STATUS: return testimonial_statuses;
	case RF_ENUM_REFERENCE_OUTCOME: return reference_outcomes;
	default: return NULL;
	}
}

const char *rf_enum_name(int type, int32_t value)
{
	const name_entry *t = table_of(type);
	for (; t && t->name; t++) {
		if (t->value == value)
			return t->name;
	}
	return NULL;
}

int rf_enum_parse(int32_t *out, int type, const char *name)
{
	RF_CHECK_ARG(out != NULL);
	RF_CHECK_ARG(name != NULL);
	const name_entry *t = table_of(type);
	if (t == NULL)
		return rf__error(RF_EINVALID, "unknown enumeration %d", type);
	for (; t->name; t++) {
		if (rf__strcaseeq(t->name, name)) {
			*out = t->value;
			return RF_OK;
		}
	}
	return rf__error(RF_EINVALID, "'%.64s' is not a known name", name);
}
