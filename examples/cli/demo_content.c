/* The demo's content library: a few items the program offers its
 * advocates, and the codes bound to them, so the dashboard can say which
 * content brings customers. */
#include "demo.h"

typedef struct demo_item {
	const char *key, *title, *url;
	int32_t kind;
	uint32_t stages;
} demo_item;

static const demo_item items[] = {
	{ "launch-video", "Spring launch video", "https://example.com/v/spring", RF_CONTENT_VIDEO,
	  RF_STAGES_ALL },
	{ "share-kit", "Ready-made social posts", "https://example.com/kit/social", RF_CONTENT_POST,
	  RF_STAGE_BIT(RF_STAGE_ACTIVE) | RF_STAGE_BIT(RF_STAGE_REFERRING) },
	{ "invite-email", "Invite-a-friend email", "https://example.com/t/invite", RF_CONTENT_EMAIL,
	  RF_STAGES_ALL },
	{ "buyer-guide", "Buyer's guide (PDF)", "doc:guides/spring-2026.pdf", RF_CONTENT_DOCUMENT,
	  RF_STAGE_BIT(RF_STAGE_REFERRING) | RF_STAGE_BIT(RF_STAGE_CHAMPION) },
};

int demo_content_setup(const cli *c, rf_store *store)
{
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		rf_content_spec s = RF_CONTENT_SPEC_INIT;
		s.program = DEMO_PROGRAM;
		s.key = items[i].key;
		s.title = items[i].title;
		s.url = items[i].url;
		s.kind = items[i].kind;
		s.stages = items[i].stages;
		if (rf_content_add(NULL, store, &s) < 0)
			return cli_fail(c);
	}
	return CLI_EXIT_OK;
}

/* Codes made for a channel share the item that suits it; QR codes and
 * unbound codes are plain. */
const char *demo_content_for(int32_t channel)
{
	switch (channel) {
	case RF_CHANNEL_EMAIL:
		return "invite-email";
	case RF_CHANNEL_X:
	case RF_CHANNEL_FACEBOOK:
		return "share-kit";
	case RF_CHANNEL_LINKEDIN:
		return "buyer-guide";
	case RF_CHANNEL_WHATSAPP:
	case RF_CHANNEL_OTHER:
		return "launch-video";
	default:
		return NULL;
	}
}
