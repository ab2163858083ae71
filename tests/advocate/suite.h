/* test_advocate's groups. */
#ifndef RFT_ADVOCATE_SUITE_H
#define RFT_ADVOCATE_SUITE_H
int advocate_add_tests(void);
int advocate_list_tests(void);
#endif
