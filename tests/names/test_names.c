/* test_names: enumeration names and parsing. The expected names come from
 * the enum identifiers and comments in the public headers. */
#include "fixture.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct named {
	int32_t value;
	const char *name;
} named;

typedef struct enum_case {
	int type;
	const named *values;
	size_t count;
	int32_t outside[3]; /* values with no name */
} enum_case;

static const named models[] = {
	{ RF_MODEL_LAST_TOUCH, "last" },       { RF_MODEL_FIRST_TOUCH, "first" },
	{ RF_MODEL_LAST_NON_DIRECT, "last-non-direct" }, { RF_MODEL_LINEAR, "linear" },
	{ RF_MODEL_TIME_DECAY, "time-decay" }, { RF_MODEL_POSITION, "position" },
	{ RF_MODEL_CUSTOM, "custom" },         { RF_MODEL_MARKOV, "markov" },
	{ RF_MODEL_SHAPLEY, "shapley" }
};
static const named kinds[] = {
	{ RF_ADVOCATE_CUSTOMER, "customer" }, { RF_ADVOCATE_EMPLOYEE, "employee" },
	{ RF_ADVOCATE_PARTNER, "partner" }, { RF_ADVOCATE_INFLUENCER, "influencer" }
};
static const named channels[] = {
	{ RF_CHANNEL_NONE, "none" }, { RF_CHANNEL_EMAIL, "email" },
	{ RF_CHANNEL_WHATSAPP, "whatsapp" }, { RF_CHANNEL_LINKEDIN, "linkedin" },
	{ RF_CHANNEL_X, "x" }, { RF_CHANNEL_FACEBOOK, "facebook" }, { RF_CHANNEL_SMS, "sms" },
	{ RF_CHANNEL_QR, "qr" }, { RF_CHANNEL_OTHER, "other" }
};
static const named touches[] = { { RF_TOUCH_CLICK, "click" }, { RF_TOUCH_VISIT, "visit" },
				 { RF_TOUCH_SCAN, "scan" }, { RF_TOUCH_CHECKOUT, "checkout" } };
static const named conversions[] = { { RF_CONVERSION_SIGNUP, "signup" },
				     { RF_CONVERSION_PURCHASE, "purchase" },
				     { RF_CONVERSION_CUSTOM, "custom" },
				     { RF_CONVERSION_RENEWAL, "renewal" } };
static const named targets[] = { { RF_TARGET_ADVOCATE, "advocate" },
				 { RF_TARGET_CHANNEL, "channel" } };
static const named activities[] = {
	{ RF_ACTIVITY_SHARE, "share" },       { RF_ACTIVITY_INVITE, "invite" },
	{ RF_ACTIVITY_REVIEW, "review" },     { RF_ACTIVITY_POST, "post" },
	{ RF_ACTIVITY_COMMENT, "comment" },   { RF_ACTIVITY_RATING, "rating" },
	{ RF_ACTIVITY_BOOKMARK, "bookmark" }, { RF_ACTIVITY_CONTENT, "content" },
	{ RF_ACTIVITY_EVENT, "event" },       { RF_ACTIVITY_SURVEY, "survey" },
	{ RF_ACTIVITY_TESTIMONIAL, "testimonial" }, { RF_ACTIVITY_REFERENCE, "reference" },
	{ RF_ACTIVITY_CUSTOM, "custom" }
};
static const named badges[] = {
	{ RF_BADGE_FIRST_REFERRAL, "first-referral" }, { RF_BADGE_TEN_REFERRALS, "ten-referrals" },
	{ RF_BADGE_FIRST_REVIEW, "first-review" },     { RF_BADGE_TOP_PERCENT, "top-one-percent" }
};
static const named statuses[] = { { RF_STATUS_ACTIVE, "active" }, { RF_STATUS_ARCHIVED, "archived" },
				  { RF_STATUS_INACTIVE, "inactive" },
				  { RF_STATUS_DISABLED, "disabled" } };
static const named reward_sides[] = { { RF_SIDE_REFERRER, "referrer" },
				      { RF_SIDE_REFEREE, "referee" } };
static const named reward_kinds[] = { { RF_REWARD_CASH, "cash" }, { RF_REWARD_CREDIT, "credit" },
				      { RF_REWARD_POINTS, "points" },
				      { RF_REWARD_COUPON, "coupon" } };
static const named reward_states[] = {
	{ RF_REWARD_HELD, "held" },         { RF_REWARD_PENDING, "pending" },
	{ RF_REWARD_APPROVED, "approved" }, { RF_REWARD_PAID, "paid" },
	{ RF_REWARD_REJECTED, "rejected" }, { RF_REWARD_VOIDED, "voided" },
	{ RF_REWARD_SKIPPED, "skipped" },   { RF_REWARD_REVERSED, "reversed" }
};
static const named reward_events[] = {
	{ RF_ON_CONVERSION, "conversion" }, { RF_ON_SIGNUP, "signup" }, { RF_ON_PURCHASE, "purchase" },
	{ RF_ON_CUSTOM, "custom" },         { RF_ON_RENEWAL, "renewal" }, { RF_ON_NTH, "nth" },
	{ RF_ON_MILESTONE, "milestone" }
};
static const named reward_bases[] = { { RF_AMOUNT_FIXED, "fixed" }, { RF_AMOUNT_PERCENT, "percent" } };
static const named fraud_signals[] = {
	{ RF_FRAUD_SELF_REFERRAL, "self-referral" },
	{ RF_FRAUD_DISPOSABLE_EMAIL, "disposable-email" },
	{ RF_FRAUD_CONVERSION_VELOCITY, "conversion-velocity" },
	{ RF_FRAUD_CLICK_VELOCITY, "click-velocity" },
	{ RF_FRAUD_FAST_CONVERSION, "fast-conversion" },
	{ RF_FRAUD_EXISTING_CUSTOMER, "existing-customer" },
	{ RF_FRAUD_DUPLICATE_IDENTITY, "duplicate-identity" },
	{ RF_FRAUD_REFERRAL_RING, "referral-ring" },
	{ RF_FRAUD_BOT, "bot" }
};
static const named fraud_decisions[] = { { RF_FRAUD_APPROVE, "approve" },
					 { RF_FRAUD_REVIEW, "review" },
					 { RF_FRAUD_REJECT, "reject" } };
static const named review_statuses[] = { { RF_REVIEW_NONE, "none" }, { RF_REVIEW_HELD, "held" },
					 { RF_REVIEW_APPROVED, "approved" },
					 { RF_REVIEW_REJECTED, "rejected" } };
static const named stages[] = { { RF_STAGE_INVITED, "invited" }, { RF_STAGE_ACTIVE, "active" },
				 { RF_STAGE_REFERRING, "referring" },
				 { RF_STAGE_CHAMPION, "champion" }, { RF_STAGE_DORMANT, "dormant" } };
static const named content_kinds[] = {
	{ RF_CONTENT_ARTICLE, "article" }, { RF_CONTENT_VIDEO, "video" }, { RF_CONTENT_IMAGE, "image" },
	{ RF_CONTENT_DOCUMENT, "document" }, { RF_CONTENT_POST, "post" }, { RF_CONTENT_EMAIL, "email" },
	{ RF_CONTENT_OTHER, "other" }
};
static const named testimonial_statuses[] = { { RF_TESTIMONIAL_PENDING, "pending" },
					      { RF_TESTIMONIAL_APPROVED, "approved" },
					      { RF_TESTIMONIAL_REJECTED, "rejected" } };
static const named reference_outcomes[] = {
	{ RF_REFERENCE_OPEN, "open" },         { RF_REFERENCE_ACCEPTED, "accepted" },
	{ RF_REFERENCE_DECLINED, "declined" }, { RF_REFERENCE_COMPLETED, "completed" },
	{ RF_REFERENCE_NO_RESPONSE, "no-response" }
};

#define CASE(t, a, o0, o1, o2) { t, a, sizeof a / sizeof a[0], { o0, o1, o2 } }
static const enum_case cases[] = {
	CASE(RF_ENUM_MODEL, models, 0, 10, -1),
	CASE(RF_ENUM_ADVOCATE_KIND, kinds, 0, 5, -1),
	CASE(RF_ENUM_CHANNEL, channels, 9, -1, 1000),
	CASE(RF_ENUM_TOUCHPOINT_KIND, touches, 0, 5, -1),
	CASE(RF_ENUM_CONVERSION_KIND, conversions, 0, 5, -1),
	CASE(RF_ENUM_STATUS, statuses, 4, -1, 99),
	CASE(RF_ENUM_TARGET, targets, 0, 3, -1),
	CASE(RF_ENUM_REWARD_SIDE, reward_sides, 0, 3, -1),
	CASE(RF_ENUM_REWARD_EVENT, reward_events, 0, 8, -1),
	CASE(RF_ENUM_REWARD_KIND, reward_kinds, 0, 5, -1),
	CASE(RF_ENUM_REWARD_BASIS, reward_bases, 0, 3, -1),
	CASE(RF_ENUM_REWARD_STATE, reward_states, 0, 9, -1),
	CASE(RF_ENUM_ACTIVITY, activities, 0, 14, -1),
	CASE(RF_ENUM_FRAUD_SIGNAL, fraud_signals, 0, 10, -1),
	CASE(RF_ENUM_FRAUD_DECISION, fraud_decisions, 3, -1, 99),
	CASE(RF_ENUM_REVIEW_STATUS, review_statuses, 4, -1, 99),
	CASE(RF_ENUM_BADGE, badges, 0, 5, -1),
	CASE(RF_ENUM_STAGE, stages, 0, 6, -1),
	CASE(RF_ENUM_CONTENT_KIND, content_kinds, 0, 8, -1),
	CASE(RF_ENUM_TESTIMONIAL_STATUS, testimonial_statuses, 3, -1, 99),
	CASE(RF_ENUM_REFERENCE_OUTCOME, reference_outcomes, 5, -1, 99),
};
#define NCASES (sizeof cases / sizeof cases[0])

static void test_every_value_has_its_name(void **state)
{
	(void)state;
	for (size_t c = 0; c < NCASES; c++) {
		for (size_t i = 0; i < cases[c].count; i++) {
			const char *n = rf_enum_name(cases[c].type, cases[c].values[i].value);
			assert_non_null(n);
			assert_string_equal(n, cases[c].values[i].name);
			for (const char *p = n; *p; p++)
				assert_true(islower((unsigned char)*p) || *p == '_' || *p == '-');
		}
		for (int k = 0; k < 3; k++)
			assert_null(rf_enum_name(cases[c].type, cases[c].outside[k]));
	}
}

static void test_unknown_type_has_no_names(void **state)
{
	(void)state;
	assert_null(rf_enum_name(0, 1));
	assert_null(rf_enum_name(99, 1));
	assert_null(rf_enum_name(-1, 0));
	int32_t v = 0;
	RFT_RC(rf_enum_parse(&v, 0, "last"), RF_EINVALID);
	RFT_RC(rf_enum_parse(&v, 99, "click"), RF_EINVALID);
}

static void parse_ok(int type, const char *name, int32_t want)
{
	int32_t v = -12345;
	RFT_OK(rf_enum_parse(&v, type, name));
	assert_int_equal(v, want);
}

static void test_parse_round_trip_any_case(void **state)
{
	(void)state;
	char buf[64];
	for (size_t c = 0; c < NCASES; c++) {
		for (size_t i = 0; i < cases[c].count; i++) {
			const named *n = &cases[c].values[i];
			parse_ok(cases[c].type, n->name, n->value);
			size_t len = strlen(n->name);
			for (size_t k = 0; k <= len; k++)
				buf[k] = (char)toupper((unsigned char)n->name[k]);
			parse_ok(cases[c].type, buf, n->value);
			for (size_t k = 0; k < len; k += 2)
				buf[k] = n->name[k];
			parse_ok(cases[c].type, buf, n->value);
		}
	}
}

static void test_names_do_not_cross_types(void **state)
{
	(void)state;
	int32_t v = 0;
	RFT_RC(rf_enum_parse(&v, RF_ENUM_MODEL, "click"), RF_EINVALID);
	RFT_RC(rf_enum_parse(&v, RF_ENUM_CHANNEL, "customer"), RF_EINVALID);
	RFT_RC(rf_enum_parse(&v, RF_ENUM_TOUCHPOINT_KIND, "purchase"), RF_EINVALID);
	RFT_RC(rf_enum_parse(&v, RF_ENUM_STATUS, "email"), RF_EINVALID);
}

static void test_parse_bad_input(void **state)
{
	(void)state;
	int32_t v = 0;
	RFT_RC(rf_enum_parse(NULL, RF_ENUM_MODEL, "last"), RF_EINVALID);
	RFT_RC(rf_enum_parse(&v, RF_ENUM_MODEL, NULL), RF_EINVALID);
	const char *bad[] = { "", " ", "las", "lastt", "last ", " last", "la st", "last\n",
			      "1", "0", "\xff\xfe", "l\xc3\xa4st" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		RFT_RC(rf_enum_parse(&v, RF_ENUM_MODEL, bad[i]), RF_EINVALID);
		RFT_RC(rf_enum_parse(&v, RF_ENUM_CHANNEL, bad[i]), RF_EINVALID);
	}
	char *huge = rft_repeat('a', 100000);
	RFT_RC(rf_enum_parse(&v, RF_ENUM_CHANNEL, huge), RF_EINVALID);
	free(huge);
	/* "none" is a channel, and "x" is one letter */
	parse_ok(RF_ENUM_CHANNEL, "NONE", RF_CHANNEL_NONE);
	parse_ok(RF_ENUM_CHANNEL, "X", RF_CHANNEL_X);
}

int main(int argc, char **argv)
{
	rft_parse_args(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_value_has_its_name),
		cmocka_unit_test(test_unknown_type_has_no_names),
		cmocka_unit_test(test_parse_round_trip_any_case),
		cmocka_unit_test(test_names_do_not_cross_types),
		cmocka_unit_test(test_parse_bad_input),
	};
	return cmocka_run_group_tests_name("names", tests, NULL, NULL) ? 1 : 0;
}
