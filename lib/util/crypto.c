/* Randomness and keyed hashes, all from libsodium (no hand-written crypto). */
#include "internal.h"

#include <sodium.h>
#include <uuid/uuid.h>

int rf__crypto_init(void)
{
	if (sodium_init() < 0)
		return rf__error(RF_ERROR, "libsodium failed to initialise");
	return RF_OK;
}

void rf__random(void *buf, size_t n)
{
	randombytes_buf(buf, n);
}

void rf__wipe(void *buf, size_t n)
{
	sodium_memzero(buf, n);
}

uint64_t rf__hash64(const unsigned char key[RF_SECRET_BYTES], const char *data, size_t len)
{
	unsigned char h[crypto_shorthash_BYTES];
	/* The second half of the secret, so this key differs from rf__hash's. */
	crypto_shorthash(h, (const unsigned char *)data, len, key + RF_SECRET_BYTES - crypto_shorthash_KEYBYTES);
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = (v << 8) | h[i];
	return v;
}

/* BLAKE2b keyed with the store secret; the domain separates kinds of data
 * so that an email and an IP with the same bytes never share a hash. */
void rf__hash(unsigned char out[RF_HASH_BYTES], const unsigned char key[RF_SECRET_BYTES],
	      const char *domain, const char *data, size_t len)
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, key, RF_SECRET_BYTES, RF_HASH_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)domain, strlen(domain) + 1);
	crypto_generichash_update(&st, (const unsigned char *)data, len);
	crypto_generichash_final(&st, out, RF_HASH_BYTES);
}

void rf__uuid4_from_bytes(char out[37], const unsigned char random16[16])
{
	uuid_t u;
	memcpy(u, random16, 16);
	u[6] = (unsigned char)((u[6] & 0x0F) | 0x40); /* version 4 */
	u[8] = (unsigned char)((u[8] & 0x3F) | 0x80); /* RFC 9562 variant */
	uuid_unparse_lower(u, out);
}

/* libsodium supplies the bytes: libuuid's own generator costs several
 * syscalls per call, too slow for ingestion. */
void rf__uuid4(char out[37])
{
	unsigned char b[16];
	randombytes_buf(b, sizeof(b));
	rf__uuid4_from_bytes(out, b);
}
