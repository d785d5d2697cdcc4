/* md-history-model.h: the episodes of the diary as a GListModel, newest first, read page by page.
 *
 * Only the pages that are looked at are loaded (and a few are kept), so a diary of 50 000
 * episodes opens at once; a page next to a cached one is read from that one's last key, so
 * scrolling deep costs the same as at the top. The model follows the diary's "changed"
 * signal: one episode added, changed or deleted in the window is reported as just its rows
 * (and the row after, whose day heading may change), keeping the pages before it; any other
 * change rereads everything. */
#pragma once

#include <gio/gio.h>

#include "md-episode-object.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_HISTORY_PAGE_SIZE 100

#define MD_TYPE_HISTORY_MODEL (md_history_model_get_type ())
G_DECLARE_FINAL_TYPE (MdHistoryModel, md_history_model, MD, HISTORY_MODEL, GObject)

MdHistoryModel *md_history_model_new              (MdDiary *diary) G_GNUC_WARN_UNUSED_RESULT;
MdDiary        *md_history_model_get_diary        (MdHistoryModel *self);
/* Rereads the count, drops the cached pages and reports every row changed (done on a
 * "changed" that is not about one known episode). */
void            md_history_model_refresh          (MdHistoryModel *self);
/* How many pages are in the cache now (for tests and benchmarks). */
guint           md_history_model_get_cached_pages (MdHistoryModel *self);
/* The position of the episode with @id among the cached pages, or -1 if not loaded. */
int             md_history_model_find_cached      (MdHistoryModel *self,
                                                   gint64          id);

/* Shows only the episodes that pass @filter (copied; NULL or empty: all of them), rereading
 * the list when it differs from the current one. */
void            md_history_model_set_filter       (MdHistoryModel        *self,
                                                   const MdEpisodeFilter *filter);
/* The current filter, or NULL when every episode is shown. */
const MdEpisodeFilter *md_history_model_get_filter (MdHistoryModel *self);
/* The position of episode @id in the (filtered) list, or -1 when it is not shown. */
int             md_history_model_position_of      (MdHistoryModel *self,
                                                   gint64          id);

G_END_DECLS
