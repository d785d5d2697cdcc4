/* md-diary.h: the diary as every view sees it: the store, one clock, the current alerts, and a
 * detailed "changed" signal (a change made by another process included).
 *
 * Windows, pages, the CLI and the clinician summary read through this object; no widget opens
 * or queries the store itself. Tests set the clock (md_diary_set_now) so that "now" and "today"
 * have one answer everywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "md-checkin.h"
#include "md-episode.h"
#include "md-medicine.h"
#include "md-mrs.h"
#include "md-rules.h"
#include "md-store.h"

G_BEGIN_DECLS

/* What changed: "changed" carries these flags. A change made by another process (or one whose
 * kind is not known, such as a CSV import) carries every flag, plus MD_DIARY_CHANGE_EXTERNAL
 * when it came from another process. */
typedef enum {
  MD_DIARY_CHANGE_EPISODES = 1 << 0,
  MD_DIARY_CHANGE_CHECKINS = 1 << 1,
  MD_DIARY_CHANGE_MARKS    = 1 << 2,
  MD_DIARY_CHANGE_EXTERNAL = 1 << 3,
  MD_DIARY_CHANGE_MEDICINES = 1 << 4,
  MD_DIARY_CHANGE_MRS      = 1 << 5,
  MD_DIARY_CHANGE_ALL      = 0x37,
} MdDiaryChange;

/* What happened to the one episode a "changed" emission is about (md_diary_get_changed_episode). */
typedef enum {
  MD_EPISODE_ADDED = 1,    /* added, or put back by undo */
  MD_EPISODE_UPDATED,
  MD_EPISODE_DELETED,
} MdEpisodeChangeKind;

#define MD_TYPE_DIARY (md_diary_get_type ())
G_DECLARE_FINAL_TYPE (MdDiary, md_diary, MD, DIARY, GObject)

/* Opens the diary at @path (see md_store_open), creating it when missing. */
MdDiary    *md_diary_open            (const char  *path,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Opens it as md_store_open_full() does (read-only, or only when it exists). */
MdDiary    *md_diary_open_full       (const char       *path,
                                      MdStoreOpenFlags  flags,
                                      GError          **error) G_GNUC_WARN_UNUSED_RESULT;
MdDiary    *md_diary_new             (MdStore     *store) G_GNUC_WARN_UNUSED_RESULT;
/* For code in src/core that works on the store (CSV import and export, the report builder). */
MdStore    *md_diary_get_store       (MdDiary     *self);
const char *md_diary_get_path        (MdDiary     *self);

/* The clock: 0 means the real one. Setting it re-evaluates the alerts. */
void        md_diary_set_now         (MdDiary     *self,
                                      gint64       now_utc);
gint64      md_diary_get_now         (MdDiary     *self);
/* The local day number (days since 1970-01-01) of "now", and the local UTC offset then. */
gint64      md_diary_get_today       (MdDiary     *self);
gint32      md_diary_get_utc_offset  (MdDiary     *self);

/* The clock moved on (a view calls this every minute while shown): works the alerts out
 * again, so their "2 hours ago" and their time windows stay true; notifies "alerts" only
 * when they changed. Cheap: the rules read only the last 31 days in full. */
void        md_diary_refresh_alerts  (MdDiary     *self);

/* The alerts of the whole diary as of now (MdFlag*, marks applied), highest level first as the
 * rules return them; owned by the diary, valid until the next "notify::alerts". */
GPtrArray  *md_diary_get_alerts      (MdDiary     *self);
MdLevel     md_diary_get_level       (MdDiary     *self);

/* Another process (an import from the command line, say) may have written: when it has,
 * emits "changed" with every flag and returns TRUE. Cheap (PRAGMA data_version). */
gboolean    md_diary_check_external  (MdDiary     *self);

/* Watches the diary's files and calls md_diary_check_external() soon after another process
 * writes (the window does this; the command line does not need to). */
void        md_diary_watch           (MdDiary     *self);

/* While "changed" is being emitted: TRUE when the change is exactly one episode added,
 * updated or deleted through this diary, with its @id and @kind, so a view can update just
 * that row. FALSE for any other change (check-ins, marks, an import, another process),
 * after which a view should reread what it shows. */
gboolean    md_diary_get_changed_episode (MdDiary             *self,
                                      gint64              *id,
                                      MdEpisodeChangeKind *kind);

/* Reads. */
guint       md_diary_count_episodes  (MdDiary     *self);
GPtrArray  *md_diary_list_episodes   (MdDiary     *self,
                                      guint        offset,
                                      guint        limit,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The @limit episodes that follow (start @start_utc, id @id) in md_diary_list_episodes order
 * (newest first), or with @newer those just before it, still newest first: paging by the
 * last row seen costs the same at any depth. */
GPtrArray  *md_diary_list_episodes_from (MdDiary  *self,
                                      gint64       start_utc,
                                      gint64       id,
                                      gboolean     newer,
                                      guint        limit,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
int         md_diary_episode_position (MdDiary    *self,
                                      gint64       id);
/* The history through a filter (search words, region, side, sign, an alert's evidence):
 * the same reads as above, for the episodes that pass. NULL or an empty filter: all. */
guint       md_diary_count_filtered  (MdDiary               *self,
                                      const MdEpisodeFilter *filter);
GPtrArray  *md_diary_list_filtered   (MdDiary               *self,
                                      const MdEpisodeFilter *filter,
                                      guint                  offset,
                                      guint                  limit,
                                      GError               **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *md_diary_list_filtered_from (MdDiary            *self,
                                      const MdEpisodeFilter *filter,
                                      gint64                 start_utc,
                                      gint64                 id,
                                      gboolean               newer,
                                      guint                  limit,
                                      GError               **error) G_GNUC_WARN_UNUSED_RESULT;
int         md_diary_filtered_position (MdDiary             *self,
                                      const MdEpisodeFilter *filter,
                                      gint64                 id);
MdEpisode  *md_diary_get_episode     (MdDiary     *self,
                                      gint64       id,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *md_diary_episodes_between (MdDiary    *self,
                                      gint64       from_utc,
                                      gint64       to_utc,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Episodes that may fall on local days @from_day..@to_day (any UTC offset). */
GPtrArray  *md_diary_episodes_on_days (MdDiary    *self,
                                      gint64       from_day,
                                      gint64       to_day,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same without notes and write times, in no set order (md_store_episodes_brief_between):
 * for statistics. */
GPtrArray  *md_diary_episodes_brief_on_days (MdDiary  *self,
                                             gint64    from_day,
                                             gint64    to_day,
                                             GError  **error) G_GNUC_WARN_UNUSED_RESULT;
MdCheckin  *md_diary_get_checkin     (MdDiary     *self,
                                      gint64       day,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *md_diary_checkins_between (MdDiary    *self,
                                      gint64       from_day,
                                      gint64       to_day,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Medicines: those without a start first, then by start (md_store_list_medicines). */
GPtrArray  *md_diary_list_medicines  (MdDiary     *self,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Menopause Rating Scale answers, oldest first, days inclusive. */
GPtrArray  *md_diary_mrs_between     (MdDiary     *self,
                                      gint64       from_day,
                                      gint64       to_day,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
MdMrs      *md_diary_get_mrs         (MdDiary     *self,
                                      gint64       day,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The latest day with rating scale answers up to today, or FALSE when there is none. */
gboolean    md_diary_last_mrs_day    (MdDiary     *self,
                                      gint64      *day);
/* Whether the weekly rating scale is due: never answered, or last answered 7 or more days
 * before today. */
gboolean    md_diary_mrs_due         (MdDiary     *self);

/* The first local day with an episode or a check-in, or FALSE for an empty diary. */
gboolean    md_diary_first_day       (MdDiary     *self,
                                      gint64      *day);

/* Writes: each one transaction; "changed" once on success. */
gboolean    md_diary_add_episode     (MdDiary     *self,
                                      MdEpisode   *episode,
                                      GError     **error);
gboolean    md_diary_update_episode  (MdDiary     *self,
                                      MdEpisode   *episode,
                                      GError     **error);
gboolean    md_diary_delete_episode  (MdDiary     *self,
                                      gint64       id,
                                      GError     **error);
gboolean    md_diary_restore_episode (MdDiary     *self,
                                      const MdEpisode *episode,
                                      GError     **error);
gboolean    md_diary_put_checkin     (MdDiary     *self,
                                      MdCheckin   *checkin,
                                      GError     **error);
gboolean    md_diary_add_medicine    (MdDiary     *self,
                                      MdMedicine  *medicine,
                                      GError     **error);
gboolean    md_diary_update_medicine (MdDiary     *self,
                                      MdMedicine  *medicine,
                                      GError     **error);
gboolean    md_diary_delete_medicine (MdDiary     *self,
                                      gint64       id,
                                      GError     **error);
gboolean    md_diary_put_mrs         (MdDiary     *self,
                                      MdMrs       *mrs,
                                      GError     **error);
/* "Discussed with my doctor" marks on alerts. */
gboolean    md_diary_mark_alert      (MdDiary      *self,
                                      const MdFlag *flag,
                                      GError      **error);
gboolean    md_diary_unmark_alert    (MdDiary      *self,
                                      const char   *rule,
                                      GError      **error);

/* Backups (md-backup.h). A consistent copy of the diary written to @file (0600, whole or
 * absent). */
gboolean    md_diary_backup          (MdDiary      *self,
                                      const char   *file,
                                      GError      **error);
/* The copies in the backups folder, newest first (MdBackupInfo*: path, kind, day, counts). */
GPtrArray  *md_diary_list_backups    (MdDiary      *self,
                                      GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* Replaces the diary's contents with @file's (a copy from md_diary_list_backups or any
 * diary file), after copying the diary as it was to the backups folder (*saved_copy, NULL
 * when the diary was empty). Emits "changed" with every flag. */
gboolean    md_diary_restore         (MdDiary      *self,
                                      const char   *file,
                                      char        **saved_copy,
                                      GError      **error);

G_END_DECLS
