/* md-backup.h: copies of the diary (backups), the automatic daily copies, and restoring one.
 *
 * The copies live in the folder "backups" beside the diary file (0700; every copy 0600):
 *   BASE-YYYY-MM-DD.db                        the diary as it was before the first change of
 *                                             that day (the 7 newest are kept)
 *   BASE-before-restore-YYYY-MM-DD-HHMMSS.db  the diary as it was before a restore (all kept)
 *   BASE-damaged-YYYY-MM-DD-HHMMSS.db         a damaged diary replaced by a restore (kept,
 *                                             not listed: it cannot be restored)
 * where BASE is the diary's file name without ".db" ("diary" for the default diary), so that
 * several diaries in one folder keep their copies apart. Each copy is a consistent snapshot
 * (VACUUM INTO, safe while the diary is in use), written through md-output: a temporary name,
 * then a rename, so a copy is whole or absent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "md-store.h"

G_BEGIN_DECLS

#define MD_BACKUP_KEEP_DAILY 7

typedef enum {
  MD_BACKUP_KIND_DAILY,           /* before the first change of a day */
  MD_BACKUP_KIND_BEFORE_RESTORE,  /* before a restore replaced the diary */
  MD_BACKUP_KIND_FILE,            /* any other diary file (md_backup_inspect) */
} MdBackupKind;

typedef struct {
  char         *path;
  MdBackupKind  kind;
  gint64        day;          /* the local day in its name (days since 1970-01-01) */
  gint64        made_local;   /* local seconds since 1970 in its name (daily: midnight) */
  int           n_episodes;   /* -1 when the copy cannot be read */
  int           n_checkins;   /* -1 when the copy cannot be read */
} MdBackupInfo;

void          md_backup_info_free  (MdBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdBackupInfo, md_backup_info_free)

/* The backups folder of the diary at @diary_path (not created here). */
char         *md_backup_dir_for    (const char *diary_path) G_GNUC_WARN_UNUSED_RESULT;

/* Writes a consistent copy of @store to @path (0600, temporary name then rename). Fails,
 * naming @path, on a full disk, a missing or read-only folder, or when @path is standard
 * output or a device (a copy is a file). */
gboolean      md_backup_write      (MdStore    *store,
                                    const char *path,
                                    GError    **error);

/* Makes today's copy if there is none yet and the diary holds data, then keeps the
 * MD_BACKUP_KEEP_DAILY newest daily copies. md_store_begin() calls it before each day's first
 * change. */
gboolean      md_backup_daily      (MdStore  *store,
                                    GError  **error);

/* The copies of the diary at @diary_path, newest first (MdBackupInfo*, with their episode and
 * check-in counts). An absent folder gives an empty array. */
GPtrArray    *md_backup_list       (const char *diary_path,
                                    GError    **error) G_GNUC_WARN_UNUSED_RESULT;

/* What the window shows before restoring @path, a copy she chose (never written): kind
 * MD_BACKUP_KIND_FILE, the day and local time it was last written (its modification time), its
 * episode and check-in counts (-1 when it cannot be read as a diary). Fails, naming @path,
 * when it is not a regular file she can read. */
MdBackupInfo *md_backup_inspect    (const char *path,
                                    GError    **error) G_GNUC_WARN_UNUSED_RESULT;

/* Checks that @file is a Menodiary diary that passes PRAGMA integrity_check with a schema this
 * version knows (never changing @file); if so, copies @store as it is to the backups folder
 * (when it holds data; *saved_copy gets that copy's path, or NULL) and replaces the diary's
 * contents with @file's, its schema brought up to date, in one transaction through SQLite's
 * backup API, so the old diary's WAL is never replayed onto it. On failure (the message names
 * @file) nothing in the diary has changed. Emits "changed" on @store. */
gboolean      md_backup_restore    (MdStore    *store,
                                    const char *file,
                                    char      **saved_copy,
                                    GError    **error);

/* Restores @file into the diary at @diary_path whether or not that diary can be opened (the
 * recovery window and --restore use it): a diary that opens (or does not exist yet) is
 * restored as md_backup_restore() does; a damaged one is first kept byte for byte, with its
 * WAL, as backups/BASE-damaged-YYYY-MM-DD-HHMMSS.db (*saved_copy), then replaced by a new
 * file (its -wal and -shm removed first, so they are never replayed onto it). Another
 * program's database or a newer diary is refused, unchanged. */
gboolean      md_backup_restore_path (const char  *diary_path,
                                      const char  *file,
                                      char       **saved_copy,
                                      GError     **error);

G_END_DECLS
