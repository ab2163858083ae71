/*
 * A deterministic write workload for the reliability tests (crash,
 * concurrency, faults): operation number u of a writer is always the same
 * call with the same data, so it can be re-run, replayed serially and
 * checked afterwards through the public API only.
 *
 * Operation u: i = u / 3 and
 *   u % 3 == 0  a batch of RFW_BATCH clicks by visitors "<w>v<i>-<j>";
 *   u % 3 == 1  a purchase "<w>o<i>" by visitor "<w>v<i>-0";
 *   u % 3 == 2  a refund "<w>r<i>" of part of that purchase.
 * Every purchase earns its advocate RFW_REFERRER_BP of its value and its
 * visitor a credit; refunds claw back. Fraud checks run but approve all.
 * Writers with the same name issue the same ids: the same conversions and
 * refunds (idempotency keys) and touches in each other's duplicate window.
 */
#ifndef RFW_WORKLOAD_H
#define RFW_WORKLOAD_H

#include <stdint.h>

#include "referral.h"

#define RFW_PROGRAM "p"
#define RFW_ADVOCATES 4
#define RFW_BATCH 8
#define RFW_REFERRER_BP 1000 /* 10 % */
/* 2026-01-01T00:00:00Z */
#define RFW_T0 INT64_C(1767225600000)

typedef struct rfw_scene {
	char codes[RFW_ADVOCATES][RF_CODE_BUFSIZE];
} rfw_scene;

/* Create the program, advocates "a0".. and one code each. RF_OK or the
 * failing status. */
int rfw_scene_create(rf_store *s, rfw_scene *scene);

/* Run operation `u` of writer `w`: the library's status (RF_OK or
 * RF_DUPLICATE are success). */
int rfw_op(rf_store *s, const rfw_scene *scene, const char *w, int64_t u);

/* 1 when operation `u` of writer `w` is visible with the right data (for a
 * touch batch: its purchase's visitor is credited later, so only the
 * conversion and refund operations are checked one by one). */
int rfw_op_present(rf_store *s, const char *w, int64_t u, char *why, size_t why_size);

/* Value and refund the workload uses for conversion i. */
int64_t rfw_value(int64_t i);
int64_t rfw_refund(int64_t i);

/* Everything the API shows about the writers' conversions, the program's
 * statistics and its reward balances, as text (malloc'd; NULL on failure): two stores
 * holding the same history give the same digest. */
char *rfw_digest(rf_store *s, const char *const *writers, int writer_count, int64_t ops);
/* The same without the count of all touchpoints, which re-run batches
 * raise (as duplicates) and nothing else changes. */
char *rfw_digest_unique(rf_store *s, const char *const *writers, int writer_count, int64_t ops);

#endif
