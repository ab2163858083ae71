/*
 * Offensive-word blocklist for codes. Codes are compared by "skeleton":
 * every symbol mapped to the letter it looks like, so that 5H1T is caught
 * like SHIT. The list is short on purpose: it guards against embarrassing
 * random codes, not against every insult a vanity code could spell.
 */
#include "core/codes.h"

#include <string.h>

static const char *const blocked_words[] = {
	"ANAL", "ANUS", "ARSE", "ASS", "BASTARD", "BITCH", "BOOB", "BUTT",
	"CHINK", "CLIT", "COCK", "COON", "CRAP", "CUM", "CUNT", "DAGO", "DAMN",
	"DICK", "DIKE", "DILDO", "DYKE", "FAG", "FECK", "FUCK", "FUK", "GOOK",
	"HOMO", "JERK", "JIZ", "KIKE", "KKK", "KILL", "NAZI", "NIGA", "NIGGA",
	"NIGGER", "PAKI", "PEDO", "PENIS", "PISS", "POOP", "PORN", "PRICK",
	"PUBE", "PUSSY", "RAPE", "SCUM", "SEX", "SHAG", "SHIT", "SLAG", "SLUT",
	"SMEG", "SPIC", "TITS", "TURD", "TWAT", "VAGINA", "WANK", "WHORE",
	"WOP", "XXX",
};

/* The letter a symbol or letter most resembles. */
static char skeleton_char(char c)
{
	switch (c) {
	case '0': return 'O';
	case '1': case 'L': return 'I';
	case '3': return 'E';
	case '4': return 'A';
	case '5': return 'S';
	case '7': return 'T';
	case '8': return 'B';
	case 'V': return 'U';
	default: return c;
	}
}

static void skeleton(char *out, const char *in, size_t size)
{
	size_t i = 0;
	for (; in[i] && i + 1 < size; i++)
		out[i] = skeleton_char(in[i]);
	out[i] = '\0';
}

int rfc_code_is_blocked(const char *code)
{
	char code_skel[64], word_skel[16];
	skeleton(code_skel, code, sizeof(code_skel));
	for (size_t i = 0; i < sizeof(blocked_words) / sizeof(blocked_words[0]); i++) {
		skeleton(word_skel, blocked_words[i], sizeof(word_skel));
		if (strstr(code_skel, word_skel))
			return 1;
	}
	return 0;
}
