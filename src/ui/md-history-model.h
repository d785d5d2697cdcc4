/* md-history-model.h: the episodes of the diary as a GListModel, newest first, read page by page.
 *
 * Only the pages that are looked at are loaded (and a few are kept), so a diary of 50 000
 * episodes opens at once. The model follows the diary's "changed" signal. */
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
/* Rereads the count and drops the cached pages (done on "changed"). */
void            md_history_model_refresh          (MdHistoryModel *self);
/* How many pages are in the cache now (for tests and benchmarks). */
guint           md_history_model_get_cached_pages (MdHistoryModel *self);
/* The position of the episode with @id among the cached pages, or -1 if not loaded. */
int             md_history_model_find_cached      (MdHistoryModel *self,
                                                   gint64          id);

G_END_DECLS
