/* md-mrs.h: the Menopause Rating Scale (MRS): 11 symptoms, each rated 0 (none) to 4 (very
 * severe), at most once a day. A symptom scale she fills in herself, not a test: the scores
 * describe how she rated her symptoms.
 *
 * Scores: total 0 .. 44; somatic = items 1, 2, 3, 11; psychological = 4, 5, 6, 7;
 * urogenital = 8, 9, 10. A score sums the answered items of its scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "md-store.h"

G_BEGIN_DECLS

#define MD_MRS_N_ITEMS  11
#define MD_MRS_ITEM_MAX 4

typedef enum {
  MD_MRS_TOTAL,
  MD_MRS_SOMATIC,
  MD_MRS_PSYCHOLOGICAL,
  MD_MRS_UROGENITAL,
  MD_MRS_N_SCALES
} MdMrsScale;

typedef struct {
  gint64 day;                       /* local day */
  gint   items[MD_MRS_N_ITEMS];     /* 0 .. 4, or MD_UNKNOWN */
  gint64 updated_utc;
} MdMrs;

GType       md_mrs_get_type (void) G_GNUC_CONST;
#define MD_TYPE_MRS (md_mrs_get_type ())

MdMrs      *md_mrs_new      (gint64 day) G_GNUC_WARN_UNUSED_RESULT;
MdMrs      *md_mrs_copy     (const MdMrs *self) G_GNUC_WARN_UNUSED_RESULT;
void        md_mrs_free     (MdMrs *self);
gboolean    md_mrs_validate (const MdMrs *self,
                             GError     **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdMrs, md_mrs_free)

/* The CSV column of item @i (0 .. 10): "hot_flushes", "heart_discomfort", ... */
const char *md_mrs_item_id      (guint i);
/* "Hot flushes, sweating", ... (translated). */
const char *md_mrs_item_label   (guint i);
/* "Total", "Somatic", "Psychological", "Urogenital" (translated). */
const char *md_mrs_scale_label  (MdMrsScale scale);
/* The highest score of @scale (44, 16, 16, 12). */
int         md_mrs_scale_max    (MdMrsScale scale);
/* Whether item @i (0-based) belongs to @scale. */
gboolean    md_mrs_item_in_scale (guint i, MdMrsScale scale);
/* The sum of the answered items of @scale, or -1 when none of them is answered;
 * *n_answered (may be NULL) = how many of its items are. */
int         md_mrs_score        (const MdMrs *self,
                                 MdMrsScale   scale,
                                 guint       *n_answered);

/* Store access. */
gboolean    md_store_put_mrs          (MdStore   *store,
                                       MdMrs     *mrs,    /* insert or replace by day */
                                       GError   **error);
/* All or nothing; an existing day is replaced. */
gboolean    md_store_put_mrs_list     (MdStore   *store,
                                       GPtrArray *list,
                                       GError   **error);
gboolean    md_store_delete_mrs       (MdStore   *store,
                                       gint64     day,
                                       GError   **error);
/* Oldest first; days inclusive (G_MININT64 / G_MAXINT64 for open ends). */
GPtrArray  *md_store_mrs_between      (MdStore   *store,
                                       gint64     from_day,
                                       gint64     to_day,
                                       GError   **error) G_GNUC_WARN_UNUSED_RESULT;
/* NULL without error when that day has none. */
MdMrs      *md_store_get_mrs          (MdStore   *store,
                                       gint64     day,
                                       GError   **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
