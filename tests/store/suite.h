/* test_store's groups. */
#ifndef RFT_STORE_SUITE_H
#define RFT_STORE_SUITE_H
int store_open_tests(void);
int store_file_tests(void);
int store_closed_tests(void);
int store_concurrency_tests(void);
#endif
