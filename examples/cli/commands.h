/* Every command: int cmd_x(cli *c, int argc, char **argv), where argv holds
 * the arguments after the command words; returns the exit code. */
#ifndef CLI_COMMANDS_H
#define CLI_COMMANDS_H

#include "cli.h"

typedef int (*cmd_fn)(cli *c, int argc, char **argv);

int cmd_init(cli *c, int argc, char **argv);
int cmd_version(cli *c, int argc, char **argv);

int cmd_program_create(cli *c, int argc, char **argv);
int cmd_program_list(cli *c, int argc, char **argv);
int cmd_program_show(cli *c, int argc, char **argv);
int cmd_program_update(cli *c, int argc, char **argv);
int cmd_program_archive(cli *c, int argc, char **argv);

int cmd_advocate_add(cli *c, int argc, char **argv);
int cmd_advocate_show(cli *c, int argc, char **argv);
int cmd_advocate_list(cli *c, int argc, char **argv);
int cmd_advocate_deactivate(cli *c, int argc, char **argv);

int cmd_code_issue(cli *c, int argc, char **argv);
int cmd_code_resolve(cli *c, int argc, char **argv);
int cmd_code_show(cli *c, int argc, char **argv);
int cmd_code_disable(cli *c, int argc, char **argv);

int cmd_track_click(cli *c, int argc, char **argv);
int cmd_track_visit(cli *c, int argc, char **argv);
int cmd_track_scan(cli *c, int argc, char **argv);

int cmd_convert(cli *c, int argc, char **argv);
int cmd_explain(cli *c, int argc, char **argv);

int cmd_stats(cli *c, int argc, char **argv);
int cmd_report(cli *c, int argc, char **argv);

int cmd_refund(cli *c, int argc, char **argv);
int cmd_identify(cli *c, int argc, char **argv);
int cmd_fit(cli *c, int argc, char **argv);
int cmd_replay(cli *c, int argc, char **argv);
int cmd_attribute(cli *c, int argc, char **argv);

int cmd_activity(cli *c, int argc, char **argv);
int cmd_score(cli *c, int argc, char **argv);
int cmd_leaderboard(cli *c, int argc, char **argv);
int cmd_tiers(cli *c, int argc, char **argv);
int cmd_recompute(cli *c, int argc, char **argv);
int cmd_rewards(cli *c, int argc, char **argv);
int cmd_payout(cli *c, int argc, char **argv);
int cmd_reward_rules(cli *c, int argc, char **argv);
int cmd_reward_rule_add(cli *c, int argc, char **argv);
int cmd_reward_rule_remove(cli *c, int argc, char **argv);
int cmd_reward_policy(cli *c, int argc, char **argv);
int cmd_reward_settle(cli *c, int argc, char **argv);
int cmd_reward_codes(cli *c, int argc, char **argv);

int cmd_demo(cli *c, int argc, char **argv);

int cmd_erase_advocate(cli *c, int argc, char **argv);
int cmd_erase_customer(cli *c, int argc, char **argv);
int cmd_person_export(cli *c, int argc, char **argv);
int cmd_retention_purge(cli *c, int argc, char **argv);
int cmd_privacy_policy(cli *c, int argc, char **argv);
int cmd_secret_rotate(cli *c, int argc, char **argv);
int cmd_secret_list(cli *c, int argc, char **argv);
int cmd_dashboard(cli *c, int argc, char **argv);

int cmd_export(cli *c, int argc, char **argv);
int cmd_import(cli *c, int argc, char **argv);

int cmd_review_list(cli *c, int argc, char **argv);
int cmd_review_show(cli *c, int argc, char **argv);
int cmd_review_approve(cli *c, int argc, char **argv);
int cmd_review_reject(cli *c, int argc, char **argv);
int cmd_fraud_domains(cli *c, int argc, char **argv);

int cmd_consent(cli *c, int argc, char **argv);
int cmd_segment(cli *c, int argc, char **argv);
int cmd_testimonial_add(cli *c, int argc, char **argv);
int cmd_testimonial_approve(cli *c, int argc, char **argv);
int cmd_testimonial_reject(cli *c, int argc, char **argv);
int cmd_testimonial_list(cli *c, int argc, char **argv);
int cmd_reference_find(cli *c, int argc, char **argv);
int cmd_reference_ask(cli *c, int argc, char **argv);
int cmd_reference_close(cli *c, int argc, char **argv);

int cmd_content_add(cli *c, int argc, char **argv);
int cmd_content_list(cli *c, int argc, char **argv);
int cmd_content_for(cli *c, int argc, char **argv);
int cmd_content_archive(cli *c, int argc, char **argv);
int cmd_content_stats(cli *c, int argc, char **argv);
int cmd_outbox_list(cli *c, int argc, char **argv);
int cmd_outbox_drain(cli *c, int argc, char **argv);
int cmd_stage(cli *c, int argc, char **argv);
int cmd_stages(cli *c, int argc, char **argv);

#endif
