/* md-episode-form.h: the logic of the episode form as plain functions (no widgets), so it is
 * tested without a display. The editor widget keeps its state in these and only mirrors it. */
#pragma once

#include <glib.h>

#include "md-episode.h"

G_BEGIN_DECLS

/* Regions chosen on each half of the face, and the side the episode is stored with. */
typedef struct {
  guint32 left;    /* bit set of MdRegion drawn on her left half */
  guint32 right;   /* bit set of MdRegion drawn on her right half */
  MdSide  side;
} MdFaceSelection;

void    md_face_selection_set_episode (MdFaceSelection *self,
                                       guint32          regions,
                                       MdSide           side);
/* A click on @region on half @half (MD_SIDE_LEFT or MD_SIDE_RIGHT) toggles it there; the side
 * follows the halves: only left -> left, only right -> right, both -> both. */
void    md_face_selection_click       (MdFaceSelection *self,
                                       MdRegion         region,
                                       MdSide           half);
/* From the list of regions (no half given): adds on the halves of the current side. */
void    md_face_selection_set_region  (MdFaceSelection *self,
                                       MdRegion         region,
                                       gboolean         active);
void    md_face_selection_set_side    (MdFaceSelection *self,
                                       MdSide           side);
guint32 md_face_selection_regions     (const MdFaceSelection *self);

typedef enum {
  MD_DURATION_SECONDS,
  MD_DURATION_MINUTES,
  MD_DURATION_HOURS,
} MdDurationUnit;

/* @value 0 means "not known" (MD_UNKNOWN). */
gint64  md_duration_from_parts (double          value,
                                MdDurationUnit  unit);
/* The largest unit that shows @seconds exactly (whole number); MD_UNKNOWN gives 0 seconds. */
void    md_duration_to_parts   (gint64          seconds,
                                double         *value,
                                MdDurationUnit *unit);

/* "45 s", "3 min", "1 h 30 min"; NULL for MD_UNKNOWN. */
/* "Today", "Yesterday", or "Monday 17 March 2025". */
char   *md_format_day_header   (gint64 day,
                                gint64 today) G_GNUC_WARN_UNUSED_RESULT;
/* "09:05" in the episode's own offset. */
char   *md_format_episode_time (const MdEpisode *episode) G_GNUC_WARN_UNUSED_RESULT;

/* Today's day number in @tz (NULL = local) at @now_utc. */
gint64  md_local_today         (GTimeZone *tz,
                                gint64     now_utc);
/* A wall-clock time in @tz (NULL = local) as an instant and the offset then in force. */
gboolean md_local_to_utc       (GTimeZone *tz,
                                int        year,
                                int        month,
                                int        day,
                                int        hour,
                                int        minute,
                                gint64    *utc,
                                gint32    *utc_offset_s);

G_END_DECLS
