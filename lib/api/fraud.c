/* Public fraud functions and the fraud checks of each new conversion. */
#include "api/events.h"
#include "core/fraud.h"
#include "store/fraud.h"
#include "store/privacy.h"

#include <stdio.h>

int rf_email_normalize(char *out, size_t size, const char *email)
{
	RF_CHECK_ARG(out != NULL && size > 0);
	out[0] = '\0';
	int rc = rf__check_text(email, RF_MAX_TEXT_LEN, "email");
	if (rc != RF_OK)
		return rc;
	if (rfc_email_normalize(email, out, size) != 0) {
		out[0] = '\0';
		return rf__error(RF_EINVALID, "email is not an address (or does not fit in %zu bytes)",
				 size);
	}
	return RF_OK;
}

/* ---- policy ------------------------------------------------------------ */

static const rf_fraud_policy policy_defaults = RF_FRAUD_POLICY_INIT;
static const size_t policy_sizes[] = RF_SIZES_V1(rf_fraud_policy);

int rf_fraud_policy_init(rf_fraud_policy *policy, unsigned version)
{
	return rf__options_init(policy, &policy_defaults, policy_sizes, version,
				RF_FRAUD_POLICY_VERSION, "rf_fraud_policy");
}

static int check_policy(const rf_fraud_policy *in, rf_fraud_policy *p)
{
	RF_CHECK_ARG(in != NULL);
	int rc = rf__check_version(in->version, RF_FRAUD_POLICY_VERSION, "rf_fraud_policy");
	if (rc != RF_OK)
		return rc;
	rf__options_read(p, &policy_defaults, sizeof(*p), in, policy_sizes);
	const int32_t w[] = { p->weight_self_referral, p->weight_disposable_email,
			      p->weight_conversion_velocity, p->weight_click_velocity,
			      p->weight_fast_conversion, p->weight_existing_customer,
			      p->weight_duplicate_identity, p->weight_referral_ring, p->weight_bot };
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (w[i] < 0 || w[i] > 100)
			return rf__error(RF_EINVALID, "fraud weights must be 0..100");
	if (p->approve_below < 1 || p->approve_below > p->reject_from || p->reject_from > 101)
		return rf__error(RF_EINVALID,
				 "thresholds must be 1 <= approve_below <= reject_from <= 101");
	uint32_t known = 0;
	for (int k = 1; k <= RF_FRAUD_SIGNAL_MAX; k++)
		known |= RF_FRAUD_HARD(k);
	if (p->hard_signals & ~known)
		return rf__error(RF_EINVALID, "hard_signals has unknown bits");
	if (p->window_ms < 1 || p->min_click_to_conversion_ms < 0)
		return rf__error(RF_EINVALID, "window_ms must be > 0 and min_click_to_conversion_ms >= 0");
	if (p->max_conversions_advocate < 1 || p->max_conversions_ip < 1 ||
	    p->max_clicks_advocate < 1 || p->max_clicks_ip < 1)
		return rf__error(RF_EINVALID, "velocity limits must be >= 1");
	if (p->ring_max_depth < 2 || p->ring_max_depth > 32)
		return rf__error(RF_EINVALID, "ring_max_depth must be 2..32");
	return RF_OK;
}

/* The program's current policy and version (1: the defaults). */
static int policy_load(rf_store *s, int64_t program_id, rf_fraud_policy *p, int64_t *version)
{
	*p = policy_defaults;
	int rc = rfs_fraud_policy_latest(s, program_id, p, version);
	if (rc == RF_OK && *version == 0)
		*version = 1;
	return rc;
}

int rf_fraud_policy_set(int64_t *version, rf_store *store, const char *program,
			const rf_fraud_policy *policy)
{
	if (version)
		*version = 0;
	rf_fraud_policy p, old;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = check_policy(policy, &p);
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	rfs_program prog;
	int64_t v = 0;
	rc = rf__program_load(store, program, &prog);
	if (rc == RF_OK)
		rc = policy_load(store, prog.id, &old, &v);
	if (rc == RF_OK)
		rc = rfs_fraud_policy_insert(store, prog.id, v + 1, &p, rfs_now(store));
	rc = rfs_end(store, rc);
	if (rc == RF_OK && version)
		*version = v + 1;
	return rc;
}

int rf_fraud_policy_get(rf_fraud_policy *out, int64_t *version, rf_store *store,
			const char *program)
{
	RF_CHECK_ARG(out != NULL);
	rfs_program prog;
	rf_fraud_policy p;
	int64_t v = 0;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__program_load(store, program, &prog);
	if (rc == RF_OK)
		rc = policy_load(store, prog.id, &p, &v);
	if (rc == RF_OK) {
		*out = p;
		if (version)
			*version = v;
	}
	return rc;
}

/* ---- the check of a new conversion ------------------------------------ */

/* The advocate with the largest credit (0: none). */
static int64_t checked_advocate(const rf__conversion_event *ev)
{
	int64_t advocate = 0;
	double best = -1;
	for (size_t i = 0; i < ev->credit_count; i++)
		if (ev->credits[i].weight > best) {
			best = ev->credits[i].weight;
			advocate = ev->credits[i].advocate_id;
		}
	return advocate;
}

/* Time from the advocate's last credited touch to the conversion; -1
 * when none. Checkout codes are not told apart: the credit rows this
 * read before carried no touch kind. */
static int64_t click_gap(const rf__conversion_event *ev, int64_t advocate, int64_t at)
{
	int64_t last = -1;
	for (size_t i = 0; i < ev->credit_count; i++) {
		const rf__credit *cr = &ev->credits[i];
		if (cr->advocate_id == advocate && cr->touchpoint_id > 0 && cr->touch_at > last)
			last = cr->touch_at;
	}
	return last >= 0 ? at - last : -1;
}

/* Is the email domain (or a parent) disposable: the host's list, or the
 * shipped one while the host has loaded none? */
static int disposable(rf_store *s, const char *domain, int *out)
{
	int any = 0;
	*out = 0;
	int rc = rfs_domains_any(s, &any);
	if (rc != RF_OK || !any) {
		*out = rfc_is_default_disposable(domain);
		return rc;
	}
	for (const char *d = domain; rc == RF_OK && d && !*out;
	     d = strchr(d, '.') ? strchr(d, '.') + 1 : NULL)
		rc = rfs_domain_has(s, d, out);
	return rc;
}

/* A ring: the new edge advocate -> referee closes a cycle when referee
 * reaches advocate. Breadth-first over the program's graph, at most
 * `depth` steps; the path is written as names. */
static int find_ring(rf_store *s, int64_t program_id, int64_t advocate, int64_t referee,
		     const char *advocate_name, int depth, int *length, char *path, size_t size)
{
	enum { MAX_NODES = 2048 };
	int64_t *node = malloc(MAX_NODES * sizeof(*node)), *parent = malloc(MAX_NODES * sizeof(int64_t));
	int *level = malloc(MAX_NODES * sizeof(int));
	*length = 0;
	if (!node || !parent || !level) {
		free(node);
		free(parent);
		free(level);
		return rf__error(RF_ENOMEM, "out of memory looking for referral rings");
	}
	size_t n = 1, head = 0;
	node[0] = referee;
	parent[0] = -1;
	level[0] = 0;
	int rc = RF_OK;
	long found = -1;
	while (rc == RF_OK && head < n && found < 0) {
		size_t at = head++;
		if (level[at] + 1 >= depth)
			continue;
		int64_t *to = NULL;
		size_t k = 0;
		rc = rfs_referral_edges_from(s, program_id, node[at], &to, &k);
		for (size_t i = 0; rc == RF_OK && i < k && found < 0; i++) {
			int seen = 0;
			for (size_t j = 0; j < n && !seen; j++)
				seen = node[j] == to[i];
			if (seen || n >= MAX_NODES)
				continue;
			node[n] = to[i];
			parent[n] = (int64_t)at;
			level[n] = level[at] + 1;
			if (to[i] == advocate)
				found = (long)n;
			n++;
		}
		free(to);
	}
	if (rc == RF_OK && found >= 0) {
		/* advocate -> referee -> ... -> advocate */
		int64_t chain[34];
		int len = 0;
		for (long i = found; i >= 0 && len < 34; i = (long)parent[i])
			chain[len++] = node[i];
		*length = len;
		snprintf(path, size, "%s", advocate_name);
		for (int i = len - 1; i >= 0; i--) {
			char name[RFS_ID_SIZE] = "?";
			size_t used = strlen(path);
			if (rfs_advocate_ext(s, chain[i], name, sizeof(name)) != RF_OK)
				snprintf(name, sizeof(name), "#%lld", (long long)chain[i]);
			snprintf(path + used, size - used, " -> %s", name);
		}
	}
	free(node);
	free(parent);
	free(level);
	return rc;
}

/* Gather the facts of the self-referral, duplicate and ring signals about
 * the checked advocate. */
static int advocate_facts(rf_store *s, const rf__conversion_event *ev, int64_t advocate,
			  const rf_fraud_policy *p, rfc_fraud_facts *f, char *ext, char *names,
			  char *fields, char *ring)
{
	rfs_identity_row me;
	int rc = rfs_advocate_identity_get(s, advocate, &me);
	if (rc != RF_OK)
		return rc;
	snprintf(ext, RFS_ID_SIZE, "%s", me.external_id);
	f->advocate = ext;
	f->self_customer = ev->customer_id && me.customer_id == ev->customer_id;
	f->self_visitor = me.visitor_id && me.visitor_id == ev->visitor_id;
	/* The advocate's identity may be hashed under an older live key. */
	const rf__person *who = ev->who;
	f->self_email = me.has_email && who && rf__hashes_match(&who->email_keys, me.email_key);
	f->self_ip_ua = me.has_ip && me.has_ua && who &&
			rf__hashes_match(&who->ip_hashes, me.ip_hash) &&
			rf__hashes_match(&who->ua_hashes, me.ua_hash);
	rc = rfs_fraud_duplicates(s, advocate, &me, &f->duplicates, names, 200, fields, 80);
	f->duplicate_names = names;
	f->duplicate_fields = fields;
	int64_t referee = 0;
	char referee_ext[RFS_ID_SIZE];
	if (rc == RF_OK && ev->customer_id)
		rc = rfs_advocate_of_customer(s, ev->customer_id, &referee, referee_ext,
					      sizeof(referee_ext));
	if (rc == RF_OK && referee && referee != advocate)
		rc = find_ring(s, ev->program->id, advocate, referee, ext, p->ring_max_depth,
			       &f->ring_length, ring, 512);
	f->ring_path = ring;
	return rc;
}

int rf__fraud_on_conversion(rf_store *s, const rf__conversion_event *ev, rf__verdict *out)
{
	const rfs_conversion *c = ev->conversion;
	rf_fraud_policy p;
	int64_t version = 0, advocate = 0;
	rfc_fraud_facts f = { 0 };
	char ext[RFS_ID_SIZE] = "", names[200] = "", fields[80] = "", ring[512] = "";
	f.advocate = "";
	f.existing_customer = ev->existing_customer;
	f.email_domain = ev->email_domain;
	f.bot = ev->bot_agent;
	f.click_gap_ms = -1;
	int rc = policy_load(s, ev->program->id, &p, &version);
	advocate = checked_advocate(ev);
	if (rc == RF_OK && ev->email_domain)
		rc = disposable(s, ev->email_domain, &f.disposable);
	int64_t from = c->at - p.window_ms;
	/* The customer's IP under every live key, whole and then its network
	 * (as conversions and touchpoints of a program that truncates IPs
	 * store it), so rows hashed before a rotation or a policy change
	 * still count. */
	unsigned char ips[2 * RF_HASH_KEYS_MAX][RF_HASH_BYTES];
	int whole = 0, n_ips = 0;
	if (ev->ip_hash && ev->who) {
		const rf__person *who = ev->who;
		memcpy(ips, who->ip_hashes.h, (size_t)who->ip_hashes.n * RF_HASH_BYTES);
		memcpy(ips + who->ip_hashes.n, who->ip_networks.h,
		       (size_t)who->ip_networks.n * RF_HASH_BYTES);
		whole = who->ip_hashes.n;
		n_ips = whole + who->ip_networks.n;
	}
	if (rc == RF_OK && whole) {
		rc = rfs_fraud_conversions_ip(s, ev->program->id, ips, n_ips, from, c->at,
					      &f.conversions_ip);
		f.conversions_ip++;
	}
	if (rc == RF_OK && advocate) {
		rc = rfs_fraud_conversions_advocate(s, advocate, from, c->at, &f.conversions_advocate);
		f.conversions_advocate++;
		if (rc == RF_OK)
			rc = rfs_fraud_clicks(s, advocate, ev->program->id, from, c->at, ips, n_ips,
					      &f.clicks_advocate, &f.clicks_ip);
		f.click_gap_ms = click_gap(ev, advocate, c->at);
		if (rc == RF_OK)
			rc = advocate_facts(s, ev, advocate, &p, &f, ext, names, fields, ring);
	}
	if (rc != RF_OK)
		return rc;
	rfc_signal signals[RF_FRAUD_SIGNAL_MAX];
	size_t n = rfc_fraud_signals(&p, &f, signals);
	int32_t risk = 0, decision = RF_FRAUD_APPROVE;
	rfc_fraud_decide(&p, signals, n, &risk, &decision);
	/* A program that truncates IPs keeps no hash of the whole address. */
	const unsigned char *ip_kept = ev->ip_hash;
	if (ip_kept && rfs_policy_truncates(s, ev->program->id))
		ip_kept = ev->who && ev->who->ip_networks.n ? ev->who->ip_networks.h[0] : NULL;
	rfs_fraud_check_in row = { c->id, ev->program->id, advocate, c->at, ev->email_key,
				   ip_kept, ev->ua_hash, ev->existing_customer, version,
				   risk, decision,
				   decision == RF_FRAUD_REVIEW ? RF_REVIEW_HELD : RF_REVIEW_NONE };
	rc = rfs_fraud_check_insert(s, &row);
	for (size_t i = 0; rc == RF_OK && i < n; i++)
		rc = rfs_fraud_signal_insert(s, c->id, (int)i, signals[i].kind, signals[i].weight,
					     signals[i].hard, advocate, signals[i].evidence);
	out->risk = risk;
	out->decision = decision == RF_FRAUD_REJECT ? RF__VERDICT_REJECT
			: decision == RF_FRAUD_REVIEW ? RF__VERDICT_REVIEW
						      : RF__VERDICT_APPROVE;
	return rc;
}

/* ---- reading checks, the queue and reviews ------------------------------ */

typedef struct with_signals {
	const rfs_fraud_check_row *row;
	const rfs_fraud_signal_row *signals;
	size_t n;
} with_signals;

static void summarise(const with_signals *w, char *out, size_t size)
{
	const rfs_fraud_check_row *r = w->row;
	const char *verdict = rf_enum_name(RF_ENUM_FRAUD_DECISION, r->decision);
	int used = snprintf(out, size, "%s at risk %d", verdict ? verdict : "?", (int)r->risk);
	int hard = 0;
	for (size_t i = 0; i < w->n; i++)
		hard |= w->signals[i].hard;
	if (hard && used > 0 && (size_t)used < size)
		used += snprintf(out + used, size - (size_t)used, " (hard rule)");
	for (size_t i = 0; i < w->n && used > 0 && (size_t)used < size; i++) {
		const char *name = rf_enum_name(RF_ENUM_FRAUD_SIGNAL, w->signals[i].kind);
		used += snprintf(out + used, size - (size_t)used, "%s %s +%d", i ? "," : ":",
				 name ? name : "?", (int)w->signals[i].weight);
	}
	if (w->n == 0 && used > 0 && (size_t)used < size)
		snprintf(out + used, size - (size_t)used, ": no signal fired");
	if (r->status == RF_REVIEW_HELD)
		snprintf(out + strlen(out), size - strlen(out), "; held for review");
	else if (r->status == RF_REVIEW_APPROVED || r->status == RF_REVIEW_REJECTED)
		snprintf(out + strlen(out), size - strlen(out), "; %s by %s",
			 r->status == RF_REVIEW_APPROVED ? "approved" : "rejected", r->reviewer);
}

static void pack_check(rf_pack *pk, const void *from, void *slot)
{
	const with_signals *w = from;
	const rfs_fraud_check_row *r = w->row;
	char summary[512];
	summarise(w, summary, sizeof(summary));
	rf_fraud_check *c = rf__pack_reserve(pk, sizeof(*c));
	rf_fraud_signal_hit **list = rf__pack_reserve(pk, (w->n ? w->n : 1) * sizeof(*list));
	const char *program = rf__pack_str(pk, r->program);
	const char *order = rf__pack_str(pk, r->order_id);
	const char *advocate = rf__pack_str(pk, r->advocate);
	const char *reviewer = rf__pack_str(pk, r->reviewer);
	const char *reason = rf__pack_str(pk, r->reason);
	const char *sum = rf__pack_str(pk, summary);
	for (size_t i = 0; i < w->n; i++) {
		rf_fraud_signal_hit *h = rf__pack_reserve(pk, sizeof(*h));
		const char *evidence = rf__pack_str(pk, w->signals[i].evidence);
		if (h == NULL)
			continue;
		*h = (rf_fraud_signal_hit){ w->signals[i].kind, w->signals[i].weight,
					    w->signals[i].hard, evidence };
		list[i] = h;
	}
	if (c == NULL)
		return;
	*c = (rf_fraud_check){ program, order, advocate, r->at, r->risk, r->decision, r->status,
			       r->policy_version, reviewer, reason, r->reviewed_at, sum, w->n,
			       list };
	*(rf_fraud_check **)slot = c;
}

/* A check with its signals, read into a row pair the caller frees. */
typedef struct loaded_check {
	rfs_fraud_check_row row;
	rfs_fraud_signal_row *signals;
	size_t n;
} loaded_check;

static int load_check(rf_store *s, int64_t conversion_id, loaded_check *out)
{
	out->signals = NULL;
	out->n = 0;
	int rc = rfs_fraud_check_get(s, conversion_id, &out->row);
	if (rc == RF_OK)
		rc = rfs_fraud_signals(s, conversion_id, &out->signals, &out->n);
	return rc;
}

static int find_check(rf_store *s, const char *program, const char *order_id, loaded_check *out)
{
	rfs_conversion c;
	int rc = rf__conversion_load(s, program, order_id, &c);
	if (rc != RF_OK)
		return rc;
	rc = load_check(s, c.id, out);
	if (rc == RF_ENOTFOUND)
		rc = rf__error(RF_ENOTFOUND, "order '%s' has no fraud check (recorded before checks existed)",
			       order_id);
	return rc;
}

static int pack_loaded(const loaded_check *l, rf_fraud_check **out)
{
	return rf__pack_one(&(with_signals){ &l->row, l->signals, l->n }, pack_check, out);
}

int rf_fraud_get(rf_fraud_check **out, rf_store *store, const char *program, const char *order_id)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	loaded_check l = { .signals = NULL };
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = find_check(store, program, order_id, &l);
	if (rc == RF_OK)
		rc = pack_loaded(&l, out);
	free(l.signals);
	return rc;
}

int rf_fraud_queue(rf_fraud_checks **out, rf_store *store, const char *program, int64_t cursor,
		   uint32_t limit)
{
	RF_CHECK_ARG(out != NULL);
	*out = NULL;
	int rc = rf__page_args(store, cursor, &limit);
	if (rc != RF_OK)
		return rc;
	rfs_program prog;
	int64_t *ids = NULL;
	size_t n = 0;
	if ((rc = rfs_begin_read(store)) != RF_OK)
		return rc;
	rc = rf__program_load(store, program, &prog);
	if (rc == RF_OK)
		rc = rfs_fraud_queue(store, prog.id, cursor, limit + 1, &ids, &n);
	int more = n > limit;
	if (more)
		n = limit;
	loaded_check *checks = rc == RF_OK ? calloc(n ? n : 1, sizeof(*checks)) : NULL;
	if (rc == RF_OK && checks == NULL)
		rc = rf__error(RF_ENOMEM, "out of memory");
	for (size_t i = 0; rc == RF_OK && i < n; i++)
		rc = load_check(store, ids[i], &checks[i]);
	rfs_rollback(store);
	with_signals *rows = rc == RF_OK ? calloc(n ? n : 1, sizeof(*rows)) : NULL;
	if (rc == RF_OK && rows == NULL)
		rc = rf__error(RF_ENOMEM, "out of memory");
	for (size_t i = 0; rc == RF_OK && i < n; i++)
		rows[i] = (with_signals){ &checks[i].row, checks[i].signals, checks[i].n };
	void *head = NULL, *items = NULL;
	if (rc == RF_OK)
		rc = rf__pack_list(sizeof(rf_fraud_checks), rows, sizeof(*rows), n, pack_check,
				   &head, &items);
	if (rc == RF_OK) {
		rf_fraud_checks *list = head;
		*list = (rf_fraud_checks){ n, items, more ? ids[n - 1] : 0 };
		*out = list;
	}
	for (size_t i = 0; checks && i < n; i++)
		free(checks[i].signals);
	free(checks);
	free(rows);
	free(ids);
	return rc;
}

int rf_fraud_review(rf_fraud_check **out, rf_store *store, const char *program,
		    const char *order_id, int32_t approve, const char *reviewer, const char *reason)
{
	if (out)
		*out = NULL;
	int rc = rfs_usable(store);
	if (rc == RF_OK && approve != 0 && approve != 1)
		rc = rf__error(RF_EINVALID, "approve must be 0 or 1");
	if (rc == RF_OK)
		rc = rf__check_text(reviewer, RF_MAX_NAME_LEN, "reviewer");
	if (rc == RF_OK)
		rc = rf__check_text(reason, RF_MAX_TEXT_LEN, "review reason");
	if (rc != RF_OK || (rc = rfs_begin(store)) != RF_OK)
		return rc;
	loaded_check l = { .signals = NULL };
	int64_t now = rfs_now(store);
	rc = find_check(store, program, order_id, &l);
	if (rc == RF_OK && l.row.status != RF_REVIEW_HELD)
		rc = rf__error(RF_ECONFLICT, "order '%s' is not waiting for review (%s)", order_id,
			       rf_enum_name(RF_ENUM_REVIEW_STATUS, l.row.status));
	if (rc == RF_OK)
		rc = rfs_fraud_review_set(store, l.row.conversion_id,
					  approve ? RF_REVIEW_APPROVED : RF_REVIEW_REJECTED, reviewer,
					  reason, now);
	if (rc == RF_OK)
		rc = rf__rewards_on_review(store, l.row.conversion_id, approve, now);
	free(l.signals);
	l.signals = NULL;
	if (rc == RF_OK && out)
		rc = load_check(store, l.row.conversion_id, &l);
	rf_fraud_check *made = NULL;
	if (rc == RF_OK && out)
		rc = pack_loaded(&l, &made);
	free(l.signals);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && out)
		*out = made;
	else
		rf_fraud_check_free(made);
	return rc;
}

void rf_fraud_check_free(rf_fraud_check *check)
{
	free(check);
}

void rf_fraud_checks_free(rf_fraud_checks *checks)
{
	free(checks);
}

/* ---- disposable domains ------------------------------------------------ */

int rf_fraud_domains_load(int64_t *count, rf_store *store, const char *path)
{
	if (count)
		*count = 0;
	int rc = rfs_usable(store);
	if (rc == RF_OK)
		rc = rf__check_text(path, 4096, "path");
	if (rc != RF_OK)
		return rc;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return rf__error(RF_EIO, "cannot read '%s'", path);
	if ((rc = rfs_begin(store)) != RF_OK) {
		fclose(f);
		return rc;
	}
	rc = rfs_domains_clear(store);
	char line[1024], domain[256];
	int64_t n = 0, number = 0;
	while (rc == RF_OK && fgets(line, sizeof(line), f)) {
		size_t len = strlen(line);
		number++;
		if (len == sizeof(line) - 1 && line[len - 1] != '\n')
			rc = rf__error(RF_EINVALID, "line %lld of '%s' is too long", (long long)number,
				       path);
		if (rc == RF_OK && len && line[len - 1] == '\n')
			len--;
		int got = rc == RF_OK ? rfc_domain_line(line, len, domain) : 0;
		if (got < 0)
			rc = rf__error(RF_EINVALID, "line %lld of '%s' is not a domain", (long long)number,
				       path);
		if (rc == RF_OK && got > 0 && ++n > RF_FRAUD_DOMAINS_MAX)
			rc = rf__error(RF_EINVALID, "more than %d domains", RF_FRAUD_DOMAINS_MAX);
		if (rc == RF_OK && got > 0)
			rc = rfs_domain_insert(store, domain);
	}
	if (rc == RF_OK && ferror(f))
		rc = rf__error(RF_EIO, "cannot read '%s'", path);
	fclose(f);
	rc = rfs_end(store, rc);
	if (rc == RF_OK && count)
		*count = n;
	return rc;
}
