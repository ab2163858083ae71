/* The content library: items a program offers its advocates, targeted by
 * stage and tier. */
#include "api/engagement.h"
#include "api/scoring.h"

/* The rank (1..) of tier `name` in the program's tiers, 0 for "" (no
 * minimum) and -1 when the configuration has no such tier. */
static int tier_rank(const rf__tiers *tiers, const char *name)
{
	if (name[0] == '\0')
		return 0;
	for (int32_t i = 0; i < tiers->count; i++) {
		if (strcmp(tiers->names[i], name) == 0)
			return (int)i + 1;
	}
	return -1;
}

int rf__content_for(rf_store *s, int64_t program_id, int64_t advocate_id, int32_t stage,
		    uint32_t limit, rfs_content **rows, size_t *count)
{
	rfs_score_config c;
	rf__tiers tiers;
	int32_t tier = 0;
	int64_t tier_at = 0;
	*rows = NULL;
	*count = 0;
	int rc = rf__score_config_load(s, program_id, &c);
	if (rc == RF_OK)
		rc = rf__tiers_parse(c.tiers, &tiers);
	if (rc == RF_OK)
		rc = rfs_score_tier_get(s, program_id, advocate_id, &tier, &tier_at);
	if (rc == RF_OK)
		rc = rfs_content_list(s, program_id, 0, (int64_t)RF_STAGE_BIT(stage), rows, count);
	if (rc != RF_OK)
		return rc;
	size_t kept = 0;
	for (size_t i = 0; i < *count && (limit == 0 || kept < limit); i++) {
		int need = tier_rank(&tiers, (*rows)[i].tier);
		if (need >= 0 && tier >= need)
			(*rows)[kept++] = (*rows)[i];
	}
	*count = kept;
	return RF_OK;
}
