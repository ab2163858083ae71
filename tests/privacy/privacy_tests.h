/* test_privacy: hash keys, privacy policies, retention, erasure, export. */
#ifndef RFT_PRIVACY_TESTS_H
#define RFT_PRIVACY_TESTS_H

#include "dbfile.h"
#include "fixture.h"

#define DAY_MS INT64_C(86400000)

/* Add an advocate with an email. */
void priv_advocate(rft_fixture *f, const char *external_id, const char *email);
/* The external id of the advocate found by email, or "" (RF_ENOTFOUND). */
const char *priv_find(rft_fixture *f, const char *email, char *buf, size_t size);
/* A click with an IP address; returns its id. */
int64_t priv_click_ip(rft_fixture *f, const char *code, const char *visitor, const char *ip,
		      int64_t at);
/* One integer from a query on the store's file (opened beside the store). */
long long priv_query_int(rft_fixture *f, const char *sql);

void test_rotation_overlap(void **state);
void test_rotation_other_handle(void **state);
void test_rotation_errors(void **state);
void test_expired_secret_leaves_file(void **state);
void test_policy_versions(void **state);
void test_policy_errors(void **state);
void test_ip_truncation(void **state);
void test_retention_purge(void **state);
void test_retention_errors(void **state);
void test_export_person(void **state);
void test_erase_leaves_no_trace(void **state);

#endif
