/* md-backup-ui.h: how the window and the recovery window show copies of the diary: a copy's
 * date and counts in words, its row in a list, and the question asked before restoring it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "md-backup.h"

G_BEGIN_DECLS

/* "Monday 17 March 2025" for a daily copy; with the time and "before a restore" for the
 * copy kept by a restore; with the time it was last written for a file she chose. */
char      *md_backup_format_date    (const MdBackupInfo *info) G_GNUC_WARN_UNUSED_RESULT;
/* "42 episodes · 10 check-ins", or "This copy cannot be read". */
char      *md_backup_format_counts  (const MdBackupInfo *info) G_GNUC_WARN_UNUSED_RESULT;

/* A row for @info with a "Restore…" button; @clicked gets the button, whose "info" data is a
 * copy of @info (owned by the button). A copy that cannot be read has the button off. */
GtkWidget *md_backup_row_new        (const MdBackupInfo *info,
                                     GCallback           clicked,
                                     gpointer            user_data);

/* The question asked before @info replaces the diary (responses "cancel" and "restore"),
 * naming the copy's date and what it holds. */
GtkWidget *md_backup_confirm_dialog_new (GtkWindow          *parent,
                                         const MdBackupInfo *info);

/* A dialog with @heading and @body and a Close button (an error she should read). */
GtkWidget *md_message_dialog_new    (GtkWindow  *parent,
                                     const char *heading,
                                     const char *body);

G_END_DECLS
