/* md-episode.h: one twitching episode, a plain boxed struct. */
#pragma once

#include <glib-object.h>

#include "md-vocab.h"

G_BEGIN_DECLS

#define MD_UNKNOWN (-1)

#define MD_DURATION_MAX_S     (30 * 24 * 3600)  /* 30 days */
#define MD_INTENSITY_MAX      10
#define MD_NOTES_MAX_CHARS    4000
#define MD_FUTURE_TOLERANCE_S 300               /* a start up to 5 minutes ahead is accepted */
#define MD_UTC_OFFSET_MAX_S   (14 * 3600)

#define MD_EPISODE_ERROR (md_episode_error_quark ())

typedef enum {
  MD_EPISODE_ERROR_START,
  MD_EPISODE_ERROR_OFFSET,
  MD_EPISODE_ERROR_REGIONS,
  MD_EPISODE_ERROR_SIDE,
  MD_EPISODE_ERROR_DURATION,
  MD_EPISODE_ERROR_INTENSITY,
  MD_EPISODE_ERROR_SIGNS,
  MD_EPISODE_ERROR_TRIGGERS,
  MD_EPISODE_ERROR_NOTES,
} MdEpisodeError;

typedef struct {
  gint64   id;            /* 0 while not stored */
  gint64   start_utc;     /* Unix seconds, UTC */
  gint32   utc_offset_s;  /* offset in force where and when it happened, e.g. 3600 for +01:00 */
  guint32  regions;       /* bit set of MdRegion, never empty */
  MdSide   side;
  gint64   duration_s;    /* MD_UNKNOWN or 1 .. MD_DURATION_MAX_S */
  gint     intensity;     /* MD_UNKNOWN or 0 .. 10 */
  guint32  signs;         /* bit set of MdSign */
  guint32  triggers;      /* bit set of MdTrigger */
  char    *notes;         /* NULL or UTF-8, at most MD_NOTES_MAX_CHARS characters */
  gint64   created_utc;   /* set by the store */
  gint64   updated_utc;   /* set by the store */
} MdEpisode;

/* All the rules need of an episode older than a month (MD_RULES_DETAIL_S): which one, when,
 * and its local day (worked out once, in what would be padding). Ten years of these are a
 * third of the memory of whole episodes. Filled by md_episode_key_init(). */
typedef struct {
  gint64   id;
  gint64   start_utc;
  gint32   utc_offset_s;
  gint32   local_day;     /* md_episode_local_day() */
} MdEpisodeKey;

GType      md_episode_get_type (void) G_GNUC_CONST;
#define MD_TYPE_EPISODE (md_episode_get_type ())

GQuark     md_episode_error_quark (void);

MdEpisode *md_episode_new      (void) G_GNUC_WARN_UNUSED_RESULT;
MdEpisode *md_episode_copy     (const MdEpisode *self) G_GNUC_WARN_UNUSED_RESULT;
void       md_episode_free     (MdEpisode *self);
void       md_episode_set_notes (MdEpisode *self, const char *notes);

/* Checks every field; the error message names the field and is fit to show to a person.
 * @now_utc: the present instant, to reject a start more than 5 minutes in the future. */
gboolean   md_episode_validate (const MdEpisode *self,
                                gint64           now_utc,
                                GError         **error);

/* The local calendar day of the episode (days since 1970-01-01 in its own UTC offset). */
gint64     md_episode_local_day (const MdEpisode *self);
void       md_episode_key_init  (MdEpisodeKey    *key,
                                 gint64           id,
                                 gint64           start_utc,
                                 gint32           utc_offset_s);

/* The offset of @local_tz at instant @utc, in seconds (NULL = the machine's local zone). */
gint32     md_utc_offset_at     (GTimeZone *local_tz, gint64 utc);

/* Equal in start, regions, side and duration: the duplicate test of CSV import. */
gboolean   md_episode_same_event (const MdEpisode *a, const MdEpisode *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdEpisode, md_episode_free)

G_END_DECLS
