/* md-episode-filter.h: which episodes the history shows (search words, region, side, sign, or
 * the evidence of one alert).
 *
 * A plain struct with a pure matcher, so tests need no store; the store runs the same test in
 * SQL (md_store_count_filtered and friends), walking the (start_utc, id) index in history
 * order, so a filtered page costs about what an unfiltered one does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "md-episode.h"

G_BEGIN_DECLS

typedef struct {
  guint32  regions;  /* any of these regions; 0 = any */
  MdSide   side;     /* exactly this side; MD_SIDE_UNKNOWN = any */
  guint32  signs;    /* any of these signs; 0 = any */
  char    *words;    /* every word appears in the notes (any case); NULL or blank = any */
  GArray  *ids;      /* only these episodes (gint64), e.g. an alert's evidence; NULL = any */
} MdEpisodeFilter;

GType            md_episode_filter_get_type (void) G_GNUC_CONST;
#define MD_TYPE_EPISODE_FILTER (md_episode_filter_get_type ())

MdEpisodeFilter *md_episode_filter_new      (void) G_GNUC_WARN_UNUSED_RESULT;
MdEpisodeFilter *md_episode_filter_copy     (const MdEpisodeFilter *self) G_GNUC_WARN_UNUSED_RESULT;
void             md_episode_filter_free     (MdEpisodeFilter *self);
void             md_episode_filter_set_words (MdEpisodeFilter *self,
                                             const char      *words);
void             md_episode_filter_set_ids  (MdEpisodeFilter *self,
                                             const gint64    *ids,
                                             guint            n_ids);
/* TRUE when it lets every episode through (NULL is empty too). */
gboolean         md_episode_filter_is_empty (const MdEpisodeFilter *self);
gboolean         md_episode_filter_equal    (const MdEpisodeFilter *a,
                                             const MdEpisodeFilter *b);
gboolean         md_episode_filter_matches  (const MdEpisodeFilter *self,
                                             const MdEpisode       *episode);

/* The words, case-folded and normalized, space-separated; NULL when there are none. */
char            *md_episode_filter_folded_words (const MdEpisodeFilter *self) G_GNUC_WARN_UNUSED_RESULT;
/* The ids as a JSON array ("[3,5]") for SQL's json_each; NULL when not restricted. */
char            *md_episode_filter_ids_json (const MdEpisodeFilter *self) G_GNUC_WARN_UNUSED_RESULT;
/* Whether @notes contains every one of @folded_words (from md_episode_filter_folded_words). */
gboolean         md_notes_match_words       (const char *notes,
                                             const char *folded_words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdEpisodeFilter, md_episode_filter_free)

G_END_DECLS
