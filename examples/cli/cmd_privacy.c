/* Privacy commands: referral erase advocate|customer ID, referral person
 * export advocate|customer ID, referral retention purge PROGRAM,
 * referral privacy policy PROGRAM, referral secret rotate|list. */
#include "args.h"
#include "commands.h"
#include "output.h"
#include "timeparse.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define DAY_MS INT64_C(86400000)

/* "advocate" -> 1, "customer" -> 0, else -1 (usage error reported). */
static int person_kind(const cli *c, const char *command, const char *word)
{
	if (strcmp(word, "advocate") == 0)
		return 1;
	if (strcmp(word, "customer") == 0)
		return 0;
	cli_usage(c, "%s: '%s' is not 'advocate' or 'customer'", command, word);
	return -1;
}

static int erase(cli *c, int argc, char **argv, int advocate)
{
	const arg_spec spec = {
		advocate ? "erase advocate" : "erase customer", "ID",
		advocate ?
		"Erase an advocate (right to be forgotten), in one transaction: its\n"
		"external id becomes a tombstone, its name and email hash go, its codes\n"
		"are renamed and disabled, touchpoints on them lose IP/user-agent hashes\n"
		"and landing URLs, consent, messages and testimonials are deleted.\n"
		"Conversions, credit, rewards and the ledger keep their numbers." :
		"Erase a customer (right to be forgotten), in one transaction: its id\n"
		"and its visitors' ids become tombstones, their touchpoints lose IP and\n"
		"user-agent hashes and landing URLs. Conversions, refunds and rewards\n"
		"keep their numbers; order ids stay (your records).",
		NULL, 0, 1, 1
	};
	rf_store *store;
	arg_result a;
	int rc;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	int status = advocate ? rf_advocate_erase(store, a.pos[0]) : rf_customer_erase(store, a.pos[0]);
	if (status < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "erased", advocate ? "advocate" : "customer");
		jw_kstr(&w, "id", a.pos[0]);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		printf("%s %s erased\n", advocate ? "advocate" : "customer", a.pos[0]);
	}
	rf_store_free(store);
	return rc;
}

int cmd_erase_advocate(cli *c, int argc, char **argv)
{
	return erase(c, argc, argv, 1);
}

int cmd_erase_customer(cli *c, int argc, char **argv)
{
	return erase(c, argc, argv, 0);
}

int cmd_person_export(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"person export", "advocate|customer ID",
		"Print everything the database holds about an advocate or a customer as\n"
		"one JSON document (right of access), with or without --json. Hashes are\n"
		"never printed: the document says where one is held.",
		NULL, 0, 2, 2
	};
	rf_store *store;
	arg_result a;
	int rc;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	int advocate = person_kind(c, "person export", a.pos[0]);
	if (advocate < 0)
		return CLI_EXIT_USAGE;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	char *json = NULL;
	int status = advocate ? rf_advocate_export(&json, store, a.pos[1])
			      : rf_customer_export(&json, store, a.pos[1]);
	if (status < 0)
		rc = cli_fail(c);
	else
		printf("%s\n", json);
	rf_person_export_free(json);
	rf_store_free(store);
	return rc;
}

int cmd_retention_purge(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"retention purge", "PROGRAM",
		"Delete the program's touchpoints older than its retention period (see\n"
		"'referral privacy policy'), whole UTC days at a time. Their counts per\n"
		"code and day are kept, so stats and report series keep their touchpoint\n"
		"totals; conversions and their credit are untouched.",
		NULL, 0, 1, 1
	};
	rf_store *store;
	arg_result a;
	int rc;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	rf_purge *p = NULL;
	if (rf_retention_purge(&p, store, a.pos[0]) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", p->program);
		jw_ktime(&w, "cutoff", p->cutoff_ms, 1);
		jw_kint(&w, "touchpoints", p->touchpoints);
		jw_kint(&w, "activities", p->activities);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		char when[TIME_BUFSIZE];
		if (p->cutoff_ms == 0) {
			printf("program %s keeps everything (no retention period): nothing purged\n",
			       p->program);
		} else {
			time_format(when, p->cutoff_ms);
			printf("program %s: %" PRId64 " touchpoint%s before %s purged\n", p->program,
			       p->touchpoints, p->touchpoints == 1 ? "" : "s", when);
		}
	}
	rf_purge_free(p);
	rf_store_free(store);
	return rc;
}

static void show_policy(const cli *c, const rf_privacy_settings *s)
{
	if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kstr(&w, "program", s->program);
		jw_kint(&w, "revision", s->revision);
		jw_kbool(&w, "ip_truncate", s->ip_truncate);
		jw_kint(&w, "retention_ms", s->retention_ms);
		jw_ktime(&w, "set_at", s->set_at_ms, 1);
		jw_doc_end(&w);
		return;
	}
	if (c->quiet)
		return;
	kv("program", "%s", s->program);
	kv("revision", "%" PRId64 "%s", s->revision, s->revision ? "" : " (defaults)");
	kv("ip truncation", "%s", s->ip_truncate ? "on (/24, /48)" : "off");
	if (s->retention_ms)
		kv("retention", "%" PRId64 " days", s->retention_ms / DAY_MS);
	else
		kv("retention", "keep everything");
}

int cmd_privacy_policy(cli *c, int argc, char **argv)
{
	const char *truncate = NULL, *days = NULL;
	const arg_opt opts[] = {
		{ "ip-truncate", "on|off", &truncate, NULL, "hash only the /24 (IPv4) or /48 (IPv6)" },
		{ "retention-days", "N", &days, NULL, "keep touchpoints N days (0: forever)" },
	};
	const arg_spec spec = {
		"privacy policy", "PROGRAM [--ip-truncate on|off] [--retention-days N]",
		"Show a program's privacy policy, or change it (each change is a new\n"
		"revision, kept).",
		opts, ARGS_COUNT(opts), 1, 1
	};
	rf_store *store;
	arg_result a;
	int rc;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	int64_t n_days = -1;
	if (argval_i64(c, "--retention-days", days, 0, 36500, &n_days))
		return CLI_EXIT_USAGE;
	if (truncate && strcmp(truncate, "on") != 0 && strcmp(truncate, "off") != 0)
		return cli_usage(c, "privacy policy: --ip-truncate takes 'on' or 'off'");
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	rf_privacy_settings *s = NULL;
	int status = rf_privacy_policy_get(&s, store, a.pos[0]);
	if (status >= 0 && (truncate || days)) {
		rf_privacy_policy p = RF_PRIVACY_POLICY_INIT;
		p.ip_truncate = truncate ? strcmp(truncate, "on") == 0 : s->ip_truncate;
		p.retention_ms = days ? n_days * DAY_MS : s->retention_ms;
		rf_privacy_settings_free(s);
		s = NULL;
		status = rf_privacy_policy_set(NULL, store, a.pos[0], &p);
		if (status >= 0)
			status = rf_privacy_policy_get(&s, store, a.pos[0]);
	}
	if (status < 0)
		rc = cli_fail(c);
	else
		show_policy(c, s);
	rf_privacy_settings_free(s);
	rf_store_free(store);
	return rc;
}

int cmd_secret_rotate(cli *c, int argc, char **argv)
{
	const char *days = NULL;
	const arg_opt opts[] = {
		{ "overlap-days", "N", &days, NULL,
		  "days the old key still matches (default 30; 0 ends it now)" },
	};
	const arg_spec spec = {
		"secret rotate", "[--overlap-days N]",
		"Start hashing emails, IPs and user agents with a new random key. The old\n"
		"key keeps matching for the overlap, then expires; its secret is destroyed\n"
		"by the next rotation (or expiry) after that.",
		opts, ARGS_COUNT(opts), 0, 0
	};
	rf_store *store;
	arg_result a;
	int rc;
	if (!args_parse(&spec, c, argc, argv, &a, &rc))
		return rc;
	int64_t n_days = 30;
	if (argval_i64(c, "--overlap-days", days, 0, 400, &n_days))
		return CLI_EXIT_USAGE;
	if ((rc = cli_open(&store, c, CLI_OPEN_EXISTING)) != CLI_EXIT_OK)
		return rc;
	int64_t id = 0;
	if (rf_secret_rotate(&id, store, n_days * DAY_MS) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_kint(&w, "key_id", id);
		jw_kint(&w, "overlap_ms", n_days * DAY_MS);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		printf("hash key %" PRId64 " now hashes; older keys match for %" PRId64 " more day%s\n",
		       id, n_days, n_days == 1 ? "" : "s");
	}
	rf_store_free(store);
	return rc;
}

int cmd_secret_list(cli *c, int argc, char **argv)
{
	const arg_spec spec = {
		"secret list", "",
		"List the hash keys (never their secrets): when each was made, retired and\n"
		"expires, whether lookups still try it, whether its secret is destroyed.",
		NULL, 0, 0, 0
	};
	rf_store *store;
	arg_result a;
	int rc;
	if (!args_parse_open(&spec, c, argc, argv, &a, &store, &rc))
		return rc;
	rf_hash_keys *keys = NULL;
	if (rf_secret_list(&keys, store) < 0) {
		rc = cli_fail(c);
	} else if (c->json) {
		jw w;
		jw_doc_begin(&w);
		jw_karr_begin(&w, "keys");
		for (size_t i = 0; i < keys->count; i++) {
			const rf_hash_key *k = keys->items[i];
			jw_obj_begin(&w);
			jw_kint(&w, "id", k->id);
			jw_ktime(&w, "created_at", k->created_at_ms, 1);
			jw_ktime(&w, "retired_at", k->retired_at_ms, 1);
			jw_ktime(&w, "expires_at", k->expires_at_ms, 1);
			jw_kbool(&w, "live", k->live);
			jw_kbool(&w, "destroyed", k->destroyed);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_doc_end(&w);
	} else if (!c->quiet) {
		static const char *const headers[] = { "ID", "CREATED", "RETIRED", "EXPIRES", "LIVE",
						       "SECRET" };
		table *t = table_new(6, headers);
		table_align_right(t, 0);
		for (size_t i = 0; i < keys->count; i++) {
			const rf_hash_key *k = keys->items[i];
			table_row(t);
			table_cell(t, "%" PRId64, k->id);
			table_cell_time(t, k->created_at_ms);
			table_cell_time(t, k->retired_at_ms);
			table_cell_time(t, k->expires_at_ms);
			table_cell(t, "%s", k->live ? "yes" : "no");
			table_cell(t, "%s", k->destroyed ? "destroyed" : "held");
		}
		table_print_free(t);
	}
	rf_hash_keys_free(keys);
	rf_store_free(store);
	return rc;
}
