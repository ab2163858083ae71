/* test_program's groups. */
#ifndef RFT_PROGRAM_SUITE_H
#define RFT_PROGRAM_SUITE_H
int program_create_tests(void);
int program_update_tests(void);
#endif
