/* HMAC-SHA-256 for signed links, from libsodium (no hand-written crypto). */
#include "internal.h"

#include <sodium.h>

_Static_assert(RF_HMAC_BYTES == crypto_auth_hmacsha256_BYTES, "HMAC size");
_Static_assert(RF_SECRET_BYTES == crypto_auth_hmacsha256_KEYBYTES, "HMAC key size");

void rf__hmac_sha256(unsigned char out[RF_HMAC_BYTES], const unsigned char *key, size_t key_len,
		     const void *data, size_t len)
{
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, key, key_len);
	crypto_auth_hmacsha256_update(&st, data, len);
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(&st, sizeof(st));
}

int rf__hmac_sha256_verify(const unsigned char mac[RF_HMAC_BYTES],
			   const unsigned char key[RF_SECRET_BYTES], const void *data, size_t len)
{
	return crypto_auth_hmacsha256_verify(mac, data, len, key) == 0;
}
