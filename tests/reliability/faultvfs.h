/*
 * A SQLite VFS that wraps the default one and, once armed, makes every
 * write, sync and truncate after the first `after` of them fail with a
 * chosen error (SQLITE_FULL, SQLITE_IOERR_WRITE...), as a full or failing
 * disk would, until disarmed. Registered as the default VFS, so a store
 * opened by path uses it with no option. One thread at a time.
 */
#ifndef RFT_FAULTVFS_H
#define RFT_FAULTVFS_H

/* Register the VFS as the process default (idempotent). SQLITE_OK or an
 * SQLite error. */
int rft_faultvfs_install(void);

/* Let `after` more write/sync/truncate calls through, then fail each with
 * `error` (an SQLite result code). */
void rft_faultvfs_arm(long after, int error);
/* Stop failing. */
void rft_faultvfs_disarm(void);

/* Faults returned since install. */
long rft_faultvfs_injected(void);

#endif
