/* test_link: signed links and their keys. */
#ifndef RFT_LINK_TESTS_H
#define RFT_LINK_TESTS_H

#include "fixture.h"

#define BASE "https://shop.example/join"

/* Build a link that must succeed; returns its URL (malloc'd). */
char *link_build(rft_fixture *f, const char *base, const char *code, const char *campaign,
		 const char *content, int64_t expires_at);
/* Verify a link; returns the status (and frees what it got). */
int link_verify(rft_fixture *f, const char *url);

void test_keys_add_list_retire(void **state);
void test_keys_errors(void **state);
void test_rotation(void **state);
void test_round_trip(void **state);
void test_tamper_every_field(void **state);
void test_expiry(void **state);
void test_unknown_and_retired_keys(void **state);
void test_malformed_and_oversized(void **state);
void test_build_rejects(void **state);
void test_nulls(void **state);

#endif
