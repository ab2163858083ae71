/*
 * libreferral — fraud checks: signals, a risk score and a verdict for
 * every conversion, a review queue and explanations. See docs/FRAUD.md.
 */
#ifndef REFERRAL_FRAUD_H
#define REFERRAL_FRAUD_H

#include "store.h"

RF_BEGIN_DECL

/** Buffer size that always holds rf_email_normalize()'s result. */
#define RF_EMAIL_BUFSIZE (RF_MAX_TEXT_LEN + 1)

/**
 * Normalise an email the way the fraud checks compare people: trimmed,
 * ASCII lower-case, a "+tag" sub-address dropped, and for gmail.com and
 * googlemail.com the dots of the local part dropped and the domain
 * written gmail.com ("John.Smith+x@GoogleMail.com" -> "johnsmith@gmail.com").
 * Writes the result into `out` (`size` bytes; RF_EMAIL_BUFSIZE always
 * suffices). Errors: RF_EINVALID (NULL, not an address, too long for `out`).
 */
RF_EXTERN int rf_email_normalize(char *out, size_t size, const char *email);

RF_END_DECL
#endif
