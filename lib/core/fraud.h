/*
 * Pure fraud checks: email normalisation, and (fraud.c) the signals and
 * the decision over facts the api layer gathered. No I/O.
 */
#ifndef RF_CORE_FRAUD_H
#define RF_CORE_FRAUD_H

#include <stddef.h>
#include <stdint.h>

/*
 * Normalise an email so that one mailbox has one spelling: trimmed, ASCII
 * lower-case, a "+tag" sub-address dropped, and for gmail.com and
 * googlemail.com (one service) the dots of the local part dropped and the
 * domain written gmail.com. Writes a NUL-terminated result into `out`
 * (`size` bytes). Returns 0, or -1 when `in` is not an address (no '@',
 * empty local part or domain) or `out` is too small.
 */
int rfc_email_normalize(const char *in, char *out, size_t size);

/* The domain of a normalised address (after its last '@'), or NULL. */
const char *rfc_email_domain(const char *normalized);

/* 1 if a user agent is a bot, crawler or link-preview fetcher
 * (case-insensitive substrings of a fixed list). */
int rfc_is_bot_agent(const char *user_agent);

/* 1 if `domain` (lower-case) or a parent domain of it is in the shipped
 * list of disposable email domains. */
int rfc_is_default_disposable(const char *domain);

/* One line of a domain list: trims it, drops a '#' comment, lower-cases
 * into `out` (256 bytes). Returns 1 with a domain, 0 for a blank or
 * comment line, -1 when the line is not a domain name. */
int rfc_domain_line(const char *line, size_t len, char out[256]);

/* What the api layer found out about a conversion, for the signals. */
typedef struct rfc_fraud_facts {
	const char *advocate;          /* the advocate checked, "" when none */
	int existing_customer;
	/* Self-referral: which of the advocate's identities the customer matches. */
	int self_customer, self_email, self_visitor, self_ip_ua;
	const char *email_domain;      /* NULL: no email */
	int disposable;                /* the domain is in the disposable list */
	int64_t conversions_advocate, conversions_ip; /* in the window, this one included */
	int64_t clicks_advocate, clicks_ip;           /* in the window (-1: not known) */
	int64_t click_gap_ms;          /* conversion - last credited click (-1: none) */
	int64_t duplicates;            /* other advocates sharing an identity */
	const char *duplicate_names;   /* a few of them, comma separated */
	const char *duplicate_fields;  /* which identities are shared */
	int ring_length;               /* advocates in the cycle closed (0: none) */
	const char *ring_path;         /* "a -> b -> a" */
	int bot;                       /* the customer's user agent is a bot */
} rfc_fraud_facts;

#define RFC_EVIDENCE_SIZE 240
typedef struct rfc_signal {
	int32_t kind, weight, hard;
	char evidence[RFC_EVIDENCE_SIZE];
} rfc_signal;

/* Evaluate every signal of `facts` under `policy` (a rf_fraud_policy),
 * writing those that fire (weight > 0) into `out` (RF_FRAUD_SIGNAL_MAX
 * entries); returns how many. */
struct rf_fraud_policy;
size_t rfc_fraud_signals(const struct rf_fraud_policy *policy, const rfc_fraud_facts *facts,
			 rfc_signal *out);

/* The risk (sum of weights, capped at 100) and the verdict (rf_fraud_decision). */
void rfc_fraud_decide(const struct rf_fraud_policy *policy, const rfc_signal *signals, size_t n,
		      int32_t *risk, int32_t *decision);

#endif
