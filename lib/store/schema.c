/*
 * The schema and its migrations, driven by PRAGMA user_version. Migration
 * N takes a database from version N-1 to N; they only ever append.
 */
#include "store/db.h"

#include <stdio.h>

/* "RFER": marks a file as a libreferral database. */
#define RF_APPLICATION_ID 0x52464552

static const char schema_v1[] =
	"CREATE TABLE meta("
	" key TEXT PRIMARY KEY,"
	" value ANY NOT NULL) STRICT;"

	"CREATE TABLE program("
	" id INTEGER PRIMARY KEY,"
	" key TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"
	" status INTEGER NOT NULL DEFAULT 0,"
	" rules_version INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" updated_at INTEGER NOT NULL) STRICT;"

	/* Every version of every program's rules, so old attributions can
	 * say which rules they used. */
	"CREATE TABLE program_rules("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" version INTEGER NOT NULL,"
	" model INTEGER NOT NULL,"
	" code_length INTEGER NOT NULL,"
	" lookback_ms INTEGER NOT NULL,"
	" duplicate_window_ms INTEGER NOT NULL,"
	" lock_first_referrer INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, version)) STRICT, WITHOUT ROWID;"

	"CREATE TABLE advocate("
	" id INTEGER PRIMARY KEY,"
	" external_id TEXT NOT NULL UNIQUE,"
	" kind INTEGER NOT NULL,"
	" display_name TEXT NOT NULL,"
	" email_hash BLOB,"
	" status INTEGER NOT NULL DEFAULT 0,"
	" created_at INTEGER NOT NULL) STRICT;"

	"CREATE TABLE code("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE,"
	" display TEXT NOT NULL,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" channel INTEGER NOT NULL,"
	" vanity INTEGER NOT NULL,"
	" status INTEGER NOT NULL DEFAULT 0,"
	" expires_at INTEGER NOT NULL DEFAULT 0,"
	" max_uses INTEGER NOT NULL DEFAULT 0,"
	" uses INTEGER NOT NULL DEFAULT 0,"
	" created_at INTEGER NOT NULL) STRICT;"
	"CREATE INDEX code_program ON code(program_id);"
	"CREATE INDEX code_advocate ON code(advocate_id);"

	/* Visitor ids are interned: the row id is a keyed 63-bit hash of the
	 * host's id (probed forward on the rare collision), so lookups need
	 * no secondary index on random text. */
	"CREATE TABLE visitor("
	" id INTEGER PRIMARY KEY,"
	" ext TEXT NOT NULL) STRICT;"

	"CREATE TABLE touchpoint("
	" id INTEGER PRIMARY KEY,"
	" code_id INTEGER NOT NULL REFERENCES code(id),"
	" visitor_id INTEGER NOT NULL REFERENCES visitor(id),"
	" kind INTEGER NOT NULL,"
	" at INTEGER NOT NULL,"
	" duplicate INTEGER NOT NULL,"
	" landing_url TEXT,"
	" ip_hash BLOB,"
	" ua_hash BLOB) STRICT;"
	/* Covers the journey and duplicate queries. */
	"CREATE INDEX touchpoint_visitor ON touchpoint(visitor_id, at, code_id, duplicate);"
	"CREATE INDEX touchpoint_code ON touchpoint(code_id, at);"

	"CREATE TABLE conversion("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" order_id TEXT NOT NULL,"
	" visitor_id INTEGER NOT NULL REFERENCES visitor(id),"
	" kind INTEGER NOT NULL,"
	" value_minor INTEGER NOT NULL,"
	" currency TEXT NOT NULL,"
	" at INTEGER NOT NULL,"
	" rules_version INTEGER NOT NULL,"
	" model INTEGER NOT NULL,"
	" lookback_ms INTEGER NOT NULL,"
	" attributed INTEGER NOT NULL,"
	" summary TEXT NOT NULL,"
	" UNIQUE(program_id, order_id)) STRICT;"
	"CREATE INDEX conversion_program_at ON conversion(program_id, at);"
	"CREATE INDEX conversion_visitor ON conversion(visitor_id, program_id);"

	/* One row per touchpoint considered (weight 0 when not credited):
	 * both the credit and its explanation. */
	"CREATE TABLE credit("
	" conversion_id INTEGER NOT NULL REFERENCES conversion(id),"
	" seq INTEGER NOT NULL,"
	" touchpoint_id INTEGER REFERENCES touchpoint(id),"
	" code_id INTEGER NOT NULL REFERENCES code(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" channel INTEGER NOT NULL,"
	" weight REAL NOT NULL,"
	" value_minor INTEGER NOT NULL,"
	" note TEXT NOT NULL,"
	" PRIMARY KEY(conversion_id, seq)) STRICT, WITHOUT ROWID;"
	"CREATE INDEX credit_advocate ON credit(advocate_id, conversion_id) WHERE weight > 0;";

/* Attribution engine: model parameters, identities, staged conversions,
 * refunds and fitted data-driven models. */
static const char schema_v2[] =
	"ALTER TABLE program_rules ADD COLUMN half_life_ms INTEGER NOT NULL DEFAULT 604800000;"
	"ALTER TABLE program_rules ADD COLUMN position_first_bp INTEGER NOT NULL DEFAULT 4000;"
	"ALTER TABLE program_rules ADD COLUMN position_last_bp INTEGER NOT NULL DEFAULT 4000;"
	"ALTER TABLE program_rules ADD COLUMN custom_weights TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE program_rules ADD COLUMN sale_follows_lead INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE program_rules ADD COLUMN renewal_months INTEGER NOT NULL DEFAULT 12;"

	/* Customers are interned like visitors (keyed-hash row ids). */
	"CREATE TABLE customer("
	" id INTEGER PRIMARY KEY,"
	" ext TEXT NOT NULL) STRICT;"
	/* Identity stitching: every visitor id tied to a customer. */
	"CREATE TABLE identity("
	" visitor_id INTEGER PRIMARY KEY REFERENCES visitor(id),"
	" customer_id INTEGER NOT NULL REFERENCES customer(id),"
	" at INTEGER NOT NULL) STRICT;"
	"CREATE INDEX identity_customer ON identity(customer_id);"

	"ALTER TABLE conversion ADD COLUMN customer_id INTEGER REFERENCES customer(id);"
	/* The earlier conversion this one followed (lead -> sale, purchase ->
	 * renewal), when its credit was inherited. */
	"ALTER TABLE conversion ADD COLUMN follows_id INTEGER REFERENCES conversion(id);"
	"ALTER TABLE conversion ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE conversion ADD COLUMN parameters TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE touchpoint ADD COLUMN direct INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX conversion_customer ON conversion(customer_id, program_id) WHERE customer_id IS NOT NULL;"

	/* Refunds: one row each, keyed by the host's refund id; their
	 * (negative) share per credit row sits in refund_credit, so credit
	 * rows never change and the history stays. */
	"CREATE TABLE refund("
	" id INTEGER PRIMARY KEY,"
	" conversion_id INTEGER NOT NULL REFERENCES conversion(id),"
	" refund_key TEXT NOT NULL,"
	" amount_minor INTEGER NOT NULL,"
	" at INTEGER NOT NULL,"
	" UNIQUE(conversion_id, refund_key)) STRICT;"
	"CREATE TABLE refund_credit("
	" refund_id INTEGER NOT NULL REFERENCES refund(id),"
	" conversion_id INTEGER NOT NULL,"
	" seq INTEGER NOT NULL,"
	" value_minor INTEGER NOT NULL,"
	" PRIMARY KEY(refund_id, seq),"
	" FOREIGN KEY(conversion_id, seq) REFERENCES credit(conversion_id, seq)) STRICT, WITHOUT ROWID;"
	"CREATE INDEX refund_credit_row ON refund_credit(conversion_id, seq);"

	/* Fitted data-driven models: a value per advocate. */
	"CREATE TABLE model_fit("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" model INTEGER NOT NULL,"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" value REAL NOT NULL,"
	" fitted_at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, model, advocate_id)) STRICT, WITHOUT ROWID;";

/* Signed links: HMAC keys, never reused (AUTOINCREMENT keeps retired
 * ids from coming back). */
static const char schema_v3[] =
	"CREATE TABLE link_key("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" secret BLOB NOT NULL CHECK(length(secret) = 32),"
	" created_at INTEGER NOT NULL,"
	" retired_at INTEGER) STRICT;";

/* Engagement: advocates' consent (current state and every change),
 * per-program engagement configuration (versioned), message templates,
 * the outbox, the content library (codes may be bound to an item),
 * lifecycle stages and their history, segments, testimonials and
 * reference asks. */
static const char schema_v4[] =
	"CREATE TABLE consent("
	" advocate_id INTEGER PRIMARY KEY REFERENCES advocate(id),"
	" tracking INTEGER NOT NULL DEFAULT 0,"
	" tracking_at INTEGER NOT NULL DEFAULT 0,"
	" messages INTEGER NOT NULL DEFAULT 0,"
	" messages_at INTEGER NOT NULL DEFAULT 0) STRICT;"
	"CREATE TABLE consent_change("
	" id INTEGER PRIMARY KEY,"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" purpose INTEGER NOT NULL,"
	" granted INTEGER NOT NULL,"
	" source TEXT NOT NULL,"
	" at INTEGER NOT NULL) STRICT;"
	"CREATE INDEX consent_change_advocate ON consent_change(advocate_id, id);"

	"CREATE TABLE engagement_config("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" version INTEGER NOT NULL,"
	" cap_messages INTEGER NOT NULL,"
	" cap_window_ms INTEGER NOT NULL,"
	" active_min_activities INTEGER NOT NULL,"
	" referring_min_referrals INTEGER NOT NULL,"
	" champion_min_referrals INTEGER NOT NULL,"
	" dormant_after_ms INTEGER NOT NULL,"
	" ask_cap INTEGER NOT NULL,"
	" ask_window_ms INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, version)) STRICT, WITHOUT ROWID;"

	"CREATE TABLE message_template("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" kind TEXT NOT NULL,"
	" body TEXT NOT NULL,"
	" updated_at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, kind)) STRICT, WITHOUT ROWID;"

	/* status: 0 queued, 1 delivered (acknowledged), 2 held back. */
	"CREATE TABLE outbox("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" kind TEXT NOT NULL,"
	" body TEXT NOT NULL,"
	" status INTEGER NOT NULL,"
	" reason TEXT NOT NULL,"
	" event_at INTEGER NOT NULL,"
	" queued_at INTEGER NOT NULL,"
	" acked_at INTEGER NOT NULL DEFAULT 0,"
	" config_version INTEGER NOT NULL) STRICT;"
	"CREATE INDEX outbox_cap ON outbox(advocate_id, program_id, status, queued_at);"
	"CREATE INDEX outbox_status ON outbox(status, id);"

	"CREATE TABLE content("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" key TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" url TEXT NOT NULL,"
	" kind INTEGER NOT NULL,"
	" stages INTEGER NOT NULL,"
	" tier TEXT NOT NULL,"
	" status INTEGER NOT NULL DEFAULT 0,"
	" created_at INTEGER NOT NULL,"
	" UNIQUE(program_id, key)) STRICT;"
	"ALTER TABLE code ADD COLUMN content_id INTEGER REFERENCES content(id);"
	"CREATE INDEX code_content ON code(content_id) WHERE content_id IS NOT NULL;"

	"CREATE TABLE advocate_stage("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" stage INTEGER NOT NULL,"
	" since INTEGER NOT NULL,"
	" activities INTEGER NOT NULL DEFAULT 0,"
	" last_activity_at INTEGER NOT NULL DEFAULT 0,"
	" referrals INTEGER NOT NULL DEFAULT 0,"
	" last_referral_at INTEGER NOT NULL DEFAULT 0,"
	" config_version INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, advocate_id)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE stage_change("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" stage INTEGER NOT NULL,"
	" previous INTEGER NOT NULL,"
	" at INTEGER NOT NULL,"
	" config_version INTEGER NOT NULL) STRICT;"
	"CREATE INDEX stage_change_advocate ON stage_change(program_id, advocate_id, id);"

	"CREATE TABLE advocate_segment("
	" advocate_id INTEGER PRIMARY KEY REFERENCES advocate(id),"
	" segment TEXT NOT NULL) STRICT;"
	"CREATE INDEX advocate_segment_segment ON advocate_segment(segment);"

	/* status: 0 pending, 1 approved, 2 rejected. */
	"CREATE TABLE testimonial("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" product TEXT NOT NULL,"
	" segment TEXT NOT NULL,"
	" body TEXT NOT NULL,"
	" rating INTEGER NOT NULL,"
	" publish_consent INTEGER NOT NULL,"
	" status INTEGER NOT NULL DEFAULT 0,"
	" created_at INTEGER NOT NULL,"
	" decided_at INTEGER NOT NULL DEFAULT 0) STRICT;"
	"CREATE INDEX testimonial_program ON testimonial(program_id, status, id);"

	/* outcome: 0 open, then rf_reference_outcome. */
	"CREATE TABLE reference_ask("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" prospect TEXT NOT NULL,"
	" outcome INTEGER NOT NULL DEFAULT 0,"
	" asked_at INTEGER NOT NULL,"
	" closed_at INTEGER NOT NULL DEFAULT 0) STRICT;"
	"CREATE INDEX reference_ask_advocate ON reference_ask(advocate_id, program_id, asked_at);";
/* Privacy: rotatable hash keys (key 1 is the store secret the file was
 * created with, so its hashes keep matching), per-program privacy
 * policies, and the daily touch counts that survive retention purges. */
static const char schema_v5[] =
	"CREATE TABLE hash_key("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" secret BLOB CHECK(secret IS NULL OR length(secret) = 32),"
	" created_at INTEGER NOT NULL,"
	" retired_at INTEGER,"
	" expires_at INTEGER) STRICT;"
	"INSERT INTO hash_key(id, secret, created_at)"
	" SELECT 1, value, 0 FROM meta WHERE key = 'secret';"
	"CREATE INDEX advocate_email ON advocate(email_hash) WHERE email_hash IS NOT NULL;"

	"CREATE TABLE privacy_policy("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" version INTEGER NOT NULL,"
	" ip_truncate INTEGER NOT NULL,"
	" retention_ms INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, version)) STRICT, WITHOUT ROWID;"

	/* Touchpoints removed by retention, counted per code and UTC day. */
	"CREATE TABLE touch_daily("
	" code_id INTEGER NOT NULL REFERENCES code(id),"
	" day INTEGER NOT NULL,"
	" touches INTEGER NOT NULL,"
	" unique_touches INTEGER NOT NULL,"
	" PRIMARY KEY(code_id, day)) STRICT, WITHOUT ROWID;";
/* Rewards: versioned configuration (policy + rules), coupon code banks,
 * referral counters, rewards, and the append-only double-entry ledger.
 * Ledger buckets: 0 program, 1 held, 2 pending, 3 approved, 4 paid, 5 owed.
 * Holders: 1 advocate, 2 customer, 3 visitor. */
static const char schema_v6[] =
	"CREATE TABLE reward_config("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" version INTEGER NOT NULL,"
	" holding_ms INTEGER NOT NULL,"
	" min_payout_minor INTEGER NOT NULL,"
	" day_count INTEGER NOT NULL, day_amount INTEGER NOT NULL,"
	" week_count INTEGER NOT NULL, week_amount INTEGER NOT NULL,"
	" month_count INTEGER NOT NULL, month_amount INTEGER NOT NULL,"
	" total_count INTEGER NOT NULL, total_amount INTEGER NOT NULL,"
	" budget_minor INTEGER NOT NULL,"
	" budget_currency TEXT NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, version)) STRICT, WITHOUT ROWID;"
	/* A rule belongs to the versions [added_version, removed_version). */
	"CREATE TABLE reward_rule("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" added_version INTEGER NOT NULL,"
	" removed_version INTEGER,"
	" side INTEGER NOT NULL, event INTEGER NOT NULL, kind INTEGER NOT NULL,"
	" basis INTEGER NOT NULL, amount INTEGER NOT NULL,"
	" min_referrals INTEGER NOT NULL, max_referrals INTEGER NOT NULL,"
	" nth INTEGER NOT NULL, months INTEGER NOT NULL, kinds INTEGER NOT NULL,"
	" min_value INTEGER NOT NULL, max_value INTEGER NOT NULL,"
	" currency TEXT NOT NULL, code_bank TEXT NOT NULL,"
	" approve_at_once INTEGER NOT NULL, label TEXT NOT NULL) STRICT;"
	"CREATE INDEX reward_rule_program ON reward_rule(program_id, added_version);"
	"CREATE TABLE reward_code("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" bank TEXT NOT NULL,"
	" code TEXT NOT NULL,"
	" reward_id INTEGER REFERENCES reward(id),"
	" UNIQUE(program_id, bank, code)) STRICT;"
	"CREATE INDEX reward_code_free ON reward_code(program_id, bank, id) WHERE reward_id IS NULL;"
	"CREATE UNIQUE INDEX reward_code_used ON reward_code(reward_id) WHERE reward_id IS NOT NULL;"
	/* Each advocate's count of referrals (credited conversions) per program. */
	"CREATE TABLE reward_referrals("
	" program_id INTEGER NOT NULL,"
	" advocate_id INTEGER NOT NULL,"
	" referrals INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, advocate_id)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE reward("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" conversion_id INTEGER NOT NULL REFERENCES conversion(id),"
	" holder_kind INTEGER NOT NULL,"
	" holder_id INTEGER NOT NULL,"
	" side INTEGER NOT NULL,"
	" rule_id INTEGER NOT NULL REFERENCES reward_rule(id),"
	" config_version INTEGER NOT NULL,"
	" kind INTEGER NOT NULL,"
	" unit TEXT NOT NULL,"
	" requested INTEGER NOT NULL,"
	" amount INTEGER NOT NULL CHECK(amount >= 0),"
	" state INTEGER NOT NULL,"
	" approve_at_once INTEGER NOT NULL,"
	" coupon TEXT NOT NULL,"
	" note TEXT NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" due_at INTEGER NOT NULL,"
	" UNIQUE(conversion_id, rule_id, holder_kind, holder_id)) STRICT;"
	"CREATE INDEX reward_holder ON reward(program_id, holder_kind, holder_id, unit, created_at);"
	"CREATE INDEX reward_due ON reward(program_id, state, due_at);"
	"CREATE INDEX reward_unit ON reward(program_id, unit, state);"
	"CREATE TABLE payout("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" payout_key TEXT NOT NULL,"
	" at INTEGER NOT NULL,"
	" UNIQUE(program_id, payout_key)) STRICT;"
	"CREATE TABLE payout_line("
	" payout_id INTEGER NOT NULL REFERENCES payout(id),"
	" holder_kind INTEGER NOT NULL, holder_id INTEGER NOT NULL,"
	" kind INTEGER NOT NULL, unit TEXT NOT NULL,"
	" amount INTEGER NOT NULL, settled_owed INTEGER NOT NULL, rewards INTEGER NOT NULL,"
	" PRIMARY KEY(payout_id, holder_kind, holder_id, kind, unit)) STRICT, WITHOUT ROWID;"
	/* Append-only: each entry moves `amount` from bucket `src` to bucket
	 * `dst` of one holder's (kind, unit) accounts; reversals are negative. */
	"CREATE TABLE ledger("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" cause TEXT NOT NULL,"
	" reward_id INTEGER REFERENCES reward(id),"
	" payout_id INTEGER REFERENCES payout(id),"
	" holder_kind INTEGER NOT NULL, holder_id INTEGER NOT NULL,"
	" kind INTEGER NOT NULL, unit TEXT NOT NULL,"
	" src INTEGER NOT NULL CHECK(src BETWEEN 0 AND 5),"
	" dst INTEGER NOT NULL CHECK(dst BETWEEN 0 AND 5 AND dst != src),"
	" amount INTEGER NOT NULL CHECK(amount != 0),"
	" at INTEGER NOT NULL,"
	" UNIQUE(program_id, cause)) STRICT;"
	"CREATE INDEX ledger_reward ON ledger(reward_id) WHERE reward_id IS NOT NULL;"
	"CREATE INDEX ledger_holder ON ledger(program_id, holder_kind, holder_id, kind, unit);"
	"CREATE INDEX ledger_payout ON ledger(payout_id) WHERE payout_id IS NOT NULL;"
	"CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger"
	" BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;"
	"CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger"
	" BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;";

/* Fraud checks: who an advocate is (to catch self-referral, duplicate
 * identities and referral rings), what the fraud checks saw of each
 * conversion and what they decided, the signals that fired, reviews,
 * per-program fraud policies and the host's disposable email domains.
 * Personal data only as keyed hashes. */
static const char schema_v7[] =
	"ALTER TABLE advocate ADD COLUMN customer_id INTEGER REFERENCES customer(id);"
	"ALTER TABLE advocate ADD COLUMN visitor_id INTEGER REFERENCES visitor(id);"
	/* Keyed hash of the normalised email (gmail dots, +tags, case). */
	"ALTER TABLE advocate ADD COLUMN email_key BLOB;"
	"ALTER TABLE advocate ADD COLUMN ip_hash BLOB;"
	"ALTER TABLE advocate ADD COLUMN ua_hash BLOB;"
	"CREATE INDEX advocate_customer ON advocate(customer_id) WHERE customer_id IS NOT NULL;"
	"CREATE INDEX advocate_visitor ON advocate(visitor_id) WHERE visitor_id IS NOT NULL;"
	"CREATE INDEX advocate_email_key ON advocate(email_key) WHERE email_key IS NOT NULL;"
	"CREATE INDEX advocate_ip_ua ON advocate(ip_hash, ua_hash) WHERE ip_hash IS NOT NULL;"

	/* Per-program fraud policy, every version kept. */
	"CREATE TABLE fraud_policy("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" version INTEGER NOT NULL,"
	" approve_below INTEGER NOT NULL,"
	" reject_from INTEGER NOT NULL,"
	" weights TEXT NOT NULL,"        /* one weight per signal kind, comma separated */
	" hard_signals INTEGER NOT NULL," /* bit (1 << kind) */
	" window_ms INTEGER NOT NULL,"
	" max_conversions_advocate INTEGER NOT NULL,"
	" max_conversions_ip INTEGER NOT NULL,"
	" max_clicks_advocate INTEGER NOT NULL,"
	" max_clicks_ip INTEGER NOT NULL,"
	" min_click_to_conversion_ms INTEGER NOT NULL,"
	" ring_max_depth INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, version)) STRICT, WITHOUT ROWID;"

	/* One row per conversion the checks saw: the converting person's
	 * hashes, the verdict and its review. advocate_id is the advocate
	 * with the largest credit (0: unattributed). status: 0 decided
	 * automatically, 1 waiting for review, 2 approved, 3 rejected by a
	 * reviewer. */
	"CREATE TABLE fraud_check("
	" conversion_id INTEGER PRIMARY KEY REFERENCES conversion(id),"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL,"
	" at INTEGER NOT NULL,"
	" email_key BLOB,"
	" ip_hash BLOB,"
	" ua_hash BLOB,"
	" existing INTEGER NOT NULL,"
	" policy_version INTEGER NOT NULL,"
	" risk INTEGER NOT NULL,"
	" decision INTEGER NOT NULL,"
	" status INTEGER NOT NULL,"
	" reviewer TEXT,"
	" review_reason TEXT,"
	" reviewed_at INTEGER) STRICT;"
	"CREATE INDEX fraud_check_advocate ON fraud_check(advocate_id, at);"
	"CREATE INDEX fraud_check_ip ON fraud_check(program_id, ip_hash, at) WHERE ip_hash IS NOT NULL;"
	"CREATE INDEX fraud_check_queue ON fraud_check(program_id, status, at);"
	"CREATE TABLE fraud_signal("
	" conversion_id INTEGER NOT NULL REFERENCES fraud_check(conversion_id),"
	" seq INTEGER NOT NULL,"
	" kind INTEGER NOT NULL,"
	" weight INTEGER NOT NULL,"
	" hard INTEGER NOT NULL,"
	" advocate_id INTEGER NOT NULL,"
	" evidence TEXT NOT NULL,"
	" PRIMARY KEY(conversion_id, seq)) STRICT, WITHOUT ROWID;"

	/* The host's disposable email domains (empty: the shipped list). */
	"CREATE TABLE disposable_domain("
	" domain TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;";

/* Scoring: advocates' own activities, per-program scoring configurations
 * (every version kept, so a score can say which one produced it), the
 * per-advocate state that O(1) updates keep (decayed sums and their
 * reference times, counts) and earned badges. */
static const char schema_v8[] =
	"CREATE TABLE activity("
	" id INTEGER PRIMARY KEY,"
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" type INTEGER NOT NULL,"
	" at INTEGER NOT NULL,"
	" channel INTEGER NOT NULL,"
	" content TEXT,"
	" answer INTEGER) STRICT;"
	/* Covers the full recompute's GROUP BY (advocate, type) and an
	 * advocate's explanation. */
	"CREATE INDEX activity_advocate ON activity(program_id, advocate_id, type, at);"
	/* Periods: leaderboards, NPS, program metrics. */
	"CREATE INDEX activity_program_at ON activity(program_id, at, type);"

	"CREATE TABLE score_config("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" version INTEGER NOT NULL,"
	" activity_weights TEXT NOT NULL,"
	" activity_half_life_ms INTEGER NOT NULL,"
	" value_half_life_ms INTEGER NOT NULL,"
	" weight_activity INTEGER NOT NULL,"
	" weight_value INTEGER NOT NULL,"
	" weight_quality INTEGER NOT NULL,"
	" weight_network INTEGER NOT NULL,"
	" activity_half_points INTEGER NOT NULL,"
	" value_half_minor INTEGER NOT NULL,"
	" risk_percent INTEGER NOT NULL,"
	" tiers TEXT NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, version)) STRICT, WITHOUT ROWID;"

	"CREATE TABLE score_state("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" config_version INTEGER NOT NULL,"
	" act_sum REAL NOT NULL,"
	" act_ref INTEGER NOT NULL,"
	" val_sum REAL NOT NULL,"
	" val_ref INTEGER NOT NULL,"
	" activities INTEGER NOT NULL,"
	" reviews INTEGER NOT NULL,"
	" referrals INTEGER NOT NULL,"
	" kept INTEGER NOT NULL,"
	" value_net INTEGER NOT NULL,"
	" last_at INTEGER NOT NULL,"
	" network REAL NOT NULL,"
	" PRIMARY KEY(program_id, advocate_id)) STRICT, WITHOUT ROWID;"
	/* Tiers live apart from the state a full recompute rebuilds, so
	 * hysteresis survives it. */
	"CREATE TABLE score_tier("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" tier INTEGER NOT NULL,"
	" at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, advocate_id)) STRICT, WITHOUT ROWID;"

	"CREATE TABLE badge("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" badge INTEGER NOT NULL,"
	" period INTEGER NOT NULL,"
	" at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, advocate_id, badge, period)) STRICT, WITHOUT ROWID;";
/* Retention and erasure find credit rows by touchpoint (and SQLite's
 * foreign-key check on deleting a touchpoint needs this index too). */
static const char schema_v9[] =
	"CREATE INDEX credit_touchpoint ON credit(touchpoint_id);";
/* What refunds clawed back of each reward, kept with it so caps and the
 * budget count rewards net of clawbacks in the same pass over the rows
 * (the ledger stays the record; rf_reward_check compares the two). */
static const char schema_v10[] =
	"ALTER TABLE reward ADD COLUMN clawed INTEGER NOT NULL DEFAULT 0;"
	"UPDATE reward SET clawed = (SELECT coalesce(-sum(l.amount), 0) FROM ledger l"
	" WHERE l.reward_id = reward.id AND l.src = 0 AND l.amount < 0);";
/* The review queue indexes only held checks: every conversion wrote a
 * page of fraud_check_queue for a queue that holds a few (one page of ~17
 * per conversion; docs/PERFORMANCE.md). Read in conversion order. Scoring's
 * mean risk of an advocate reads every check of the advocate: from the
 * index alone now, not a table row each. */
static const char schema_v11[] =
	"DROP INDEX fraud_check_queue;"
	"CREATE INDEX fraud_check_held ON fraud_check(program_id, conversion_id) WHERE status = 1;"
	"DROP INDEX fraud_check_advocate;"
	"CREATE INDEX fraud_check_advocate ON fraud_check(advocate_id, at, program_id, risk);";

/* Testimonials and reference asks: erasure and export find an advocate's
 * testimonials; an ask keeps when it was accepted (closed_at is the time
 * of its latest outcome). */
static const char schema_v12[] =
	"CREATE INDEX testimonial_advocate ON testimonial(advocate_id);"
	"ALTER TABLE reference_ask ADD COLUMN accepted_at INTEGER NOT NULL DEFAULT 0;";

/* Referrals counted for a conversion held for review, per advocate, until
 * the review: a rejection takes them back off the referral counters. */
static const char schema_v13[] =
	"CREATE TABLE reward_held_referral("
	" conversion_id INTEGER NOT NULL,"
	" program_id INTEGER NOT NULL,"
	" advocate_id INTEGER NOT NULL,"
	" PRIMARY KEY(conversion_id, advocate_id)) STRICT, WITHOUT ROWID;";

/* Scoring: activities a retention purge deleted, folded per advocate and
 * type so a full recompute still counts them (how many, the last time, and
 * the sum of 0.5^(age/h) at `ref` under the half-life h in force then). */
static const char schema_v14[] =
	"CREATE TABLE score_carry("
	" program_id INTEGER NOT NULL REFERENCES program(id),"
	" advocate_id INTEGER NOT NULL REFERENCES advocate(id),"
	" type INTEGER NOT NULL,"
	" events INTEGER NOT NULL,"
	" decayed REAL NOT NULL,"
	" ref INTEGER NOT NULL,"
	" half_life_ms INTEGER NOT NULL,"
	" last_at INTEGER NOT NULL,"
	" PRIMARY KEY(program_id, advocate_id, type)) STRICT, WITHOUT ROWID;";

static const char *const migrations[] = {
	NULL,      /* version 0: empty file */
	schema_v1, /* version 1 */
	schema_v2, /* version 2 */
	schema_v3, /* version 3 */
	schema_v4, /* version 4 */
	schema_v5, /* version 5 */
	schema_v6, /* version 6 */
	schema_v7, /* version 7 */
	schema_v8, /* version 8 */
	schema_v9, /* version 9 */
	schema_v10, /* version 10 */
	schema_v11, /* version 11 */
	schema_v12, /* version 12 */
	schema_v13, /* version 13 */
	schema_v14, /* version 14 */
};

#define LATEST_VERSION ((int)(sizeof(migrations) / sizeof(migrations[0])) - 1)

_Static_assert(LATEST_VERSION == RF_SCHEMA_VERSION, "RF_SCHEMA_VERSION must match the migrations");

static int pragma_int(rf_store *s, const char *sql, int *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Read-only look at the file: is it ours, empty, or something else? */
int rfs_inspect(rf_store *s, int *version, int *is_empty)
{
	int app_id = 0, objects = 0;
	int rc = pragma_int(s, "PRAGMA application_id", &app_id);
	if (rc == SQLITE_OK)
		rc = pragma_int(s, "PRAGMA user_version", version);
	if (rc == SQLITE_OK)
		rc = pragma_int(s, "SELECT count(*) FROM sqlite_schema", &objects);
	if (rc == SQLITE_NOTADB)
		return rf__error_db(RF_ENOTADB, rc, "not a libreferral database (not an SQLite file)");
	if (rc != SQLITE_OK)
		return rfs_fail(s, rc, "reading the database header");
	*is_empty = app_id == 0 && objects == 0 && *version == 0;
	if (!*is_empty && app_id != RF_APPLICATION_ID)
		return rf__error(RF_ENOTADB, "not a libreferral database (application id %d)", app_id);
	if (*version > LATEST_VERSION)
		return rf__error(RF_EVERSION, "database schema version %d is newer than this library's %d",
				 *version, LATEST_VERSION);
	return RF_OK;
}

static int exec_sql(rf_store *s, const char *sql, const char *doing)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? RF_OK : rfs_fail(s, rc, doing);
}

static int create_secret(rf_store *s)
{
	unsigned char secret[RF_SECRET_BYTES];
	sqlite3_stmt *st = NULL;
	rf__random(secret, sizeof(secret));
	int rc = sqlite3_prepare_v2(s->db, "INSERT INTO meta(key, value) VALUES('secret', ?1),"
				    " ('created_with', ?2)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_blob(st, 1, secret, sizeof(secret), SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, RF_VERSION_STRING, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? RF_OK : rfs_fail(s, rc, "creating the store secret");
}

static int apply_migrations(rf_store *s)
{
	int version = 0, is_empty = 0;
	/* Look again under the write lock: another process may have created
	 * or migrated the file since we first looked. */
	int rc = rfs_inspect(s, &version, &is_empty);
	for (int v = version + 1; rc == RF_OK && v <= LATEST_VERSION; v++) {
		rc = exec_sql(s, migrations[v], "migrating the schema");
		if (rc == RF_OK && v == 1)
			rc = create_secret(s);
	}
	if (rc == RF_OK && version < LATEST_VERSION) {
		char sql[96];
		snprintf(sql, sizeof(sql), "PRAGMA application_id = %d; PRAGMA user_version = %d",
			 RF_APPLICATION_ID, LATEST_VERSION);
		rc = exec_sql(s, sql, "recording the schema version");
	}
	return rc;
}

int rfs_migrate(rf_store *s)
{
	int rc = exec_sql(s, "BEGIN IMMEDIATE", "starting the migration");
	if (rc != RF_OK)
		return rc;
	rc = apply_migrations(s);
	if (rc == RF_OK)
		return exec_sql(s, "COMMIT", "committing the migration");
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int rfs_load_secret(rf_store *s)
{
	sqlite3_stmt *st = NULL;
	int rc = rfs_stmt(s, RFS_META_GET, &st);
	if (rc != RF_OK)
		return rc;
	sqlite3_bind_text(st, 1, "secret", -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW && sqlite3_column_bytes(st, 0) == RF_SECRET_BYTES) {
		memcpy(s->secret, sqlite3_column_blob(st, 0), RF_SECRET_BYTES);
		rc = RF_OK;
	} else if (step == SQLITE_ROW || step == SQLITE_DONE) {
		rc = rf__error(RF_ECORRUPT, "the store secret is missing or damaged");
	} else {
		rc = rfs_fail(s, step, "reading the store secret");
	}
	sqlite3_reset(st);
	return rc;
}
