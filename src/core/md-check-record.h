/* md-check-record.h: which diary files passed PRAGMA quick_check and are unchanged since.
 *
 * The check reads every page, tens of milliseconds for ten years of diary, on every open of
 * every command. A file need not be checked again while it is, byte for byte as far as the
 * file system can tell, the file that passed: same device and inode, same size, same change
 * and modification times, and the same for its write-ahead log (all but its change time,
 * which SQLite run as root moves on every open; each frame of the log has its checksum).
 *
 * File times are coarse (a clock tick; two seconds on FAT), so a write in the same tick as the
 * check could leave them unchanged. A state is therefore recorded only when all its times are
 * at least MD_CHECK_RECORD_MARGIN_S older than the start of the check that passed: any later
 * write then moves a time. A file written in the last few seconds is simply checked again.
 *
 * The records (numbers only, no paths) live in $XDG_CACHE_HOME/menodiary/checked, private,
 * written through md-output; losing them costs one check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MD_CHECK_RECORD_MARGIN_S 3

typedef struct
{
  gint64 v[14];    /* of the file, then of its -wal (zeros when there is none) */
} MdCheckState;

/* Reads the state of @path and its WAL now; FALSE when @path cannot be read. */
gboolean md_check_record_read_state (const char   *path,
                                     MdCheckState *state);
/* TRUE when @state passed a check before. */
gboolean md_check_record_lookup     (const MdCheckState *state);
/* Records that @state, read before a check that started at @check_start_us (real time,
 * g_get_real_time()) and passed, is good; does nothing when its times are too recent.
 * Failures are only logged: the next open checks again. */
void     md_check_record_add        (const MdCheckState *state,
                                     gint64              check_start_us);

G_END_DECLS
