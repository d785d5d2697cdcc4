/* md-stats.h: the numbers behind the charts and the clinician summary.
 *
 * Pure functions over arrays of episodes and check-ins for a range of local calendar days
 * [from_day, to_day] (days since 1970-01-01). An episode belongs to the local day of its own
 * start (md_episode_local_day); episodes outside the range are ignored, so a caller may pass
 * a slightly wider selection from the store.
 *
 * The figures describe what was written down. They show things that happened together,
 * never what caused what.
 */
#pragma once

#include <glib-object.h>

#include "md-checkin.h"
#include "md-episode.h"
#include "md-medicine.h"
#include "md-mrs.h"

G_BEGIN_DECLS

/* Ranges up to this many days are shown day by day, longer ones week by week. */
#define MD_STATS_DAY_BUCKETS_MAX_DAYS 120
/* The trailing window of the rolling average: 7 days, or 4 weeks for week buckets (then a
 * weekly rate over the days those buckets cover). */
#define MD_STATS_ROLLING_DAYS  7
#define MD_STATS_ROLLING_WEEKS 4
/* Triggers comparison: a group of fewer days than this is "too little data". */
#define MD_STATS_MIN_DAYS 5

/* Factor thresholds. */
#define MD_STATS_POOR_SLEEP_MIN      (6 * 60) /* slept less than this, in minutes */
#define MD_STATS_POOR_SLEEP_QUALITY  2        /* or quality at most this */
#define MD_STATS_HIGH_CAFFEINE_CUPS  3        /* at least this many cups */
#define MD_STATS_HIGH_CAFFEINE_MG    300      /* or at least this many mg */
#define MD_STATS_LOW_WATER_GLASSES   4        /* fewer glasses than this */
#define MD_STATS_HIGH_STRESS         7        /* at least this on 0 .. 10 */
#define MD_STATS_HOT_FLASHES         1        /* at least this many */
/* A supplement is "regular" when taken on at least this share of the check-in days. */
#define MD_STATS_REGULAR_SHARE       0.5

typedef enum {
  MD_BUCKET_DAY,
  MD_BUCKET_WEEK,
  MD_BUCKET_HOUR,     /* time of day: 24 buckets, no dates */
} MdBucketSize;

/* Bars over time (or hours): n_buckets x n_series values, bucket after bucket. */
typedef struct {
  MdBucketSize size;
  guint        n_buckets;
  guint        n_series;
  gint64      *first_day;   /* per bucket (NULL for hours); clipped to the range */
  gint64      *last_day;    /* per bucket (NULL for hours) */
  double      *values;      /* values[bucket * n_series + series] */
  double      *average;     /* per bucket trailing rolling average of the totals, or NULL */
} MdSeries;

typedef struct {
  guint   n_known;
  guint   n_unknown;
  double  median_s;         /* 0 when nothing known */
  gint64  longest_s;        /* 0 when nothing known */
} MdDurations;

typedef struct {
  guint left[MD_N_REGIONS];      /* "both" counts here and on the right */
  guint right[MD_N_REGIONS];
  guint unknown[MD_N_REGIONS];   /* side not known */
  guint groups[MD_N_REGION_GROUPS]; /* episodes touching each group */
} MdFaceCounts;

typedef enum {
  MD_FACTOR_POOR_SLEEP,
  MD_FACTOR_HIGH_CAFFEINE,
  MD_FACTOR_LOW_WATER,
  MD_FACTOR_HIGH_STRESS,
  MD_FACTOR_HOT_FLASHES,
  MD_FACTOR_SUPPLEMENT_MISSED,
  MD_N_FACTORS
} MdFactor;

typedef struct {
  guint    days_with;       /* check-in days with the factor */
  guint    days_without;    /* check-in days that answered, without the factor */
  guint    episodes_with;
  guint    episodes_without;
  double   rate_with;       /* episodes per day; 0 when no days */
  double   rate_without;
  gboolean too_little_data; /* either group has fewer than MD_STATS_MIN_DAYS days */
} MdFactorComparison;

typedef struct {
  gint64  from_day;
  gint64  to_day;
  guint   n_days;
  guint   episodes;
  guint   days_with_twitching;
  double  per_week;          /* mean over the range */
  double  per_week_last4;    /* mean over the last 28 days of the range (or fewer) */
  guint   longest_run_days;  /* consecutive days with twitching */
  guint   sides[MD_N_SIDES];
} MdSummary;

/* Everything the charts draw, computed once. Reference counted and immutable. */
typedef struct {
  MdSummary          summary;
  MdDurations        durations;
  MdFaceCounts       face;
  MdSeries          *frequency;   /* episodes per bucket, with rolling average */
  MdSeries          *duration;    /* known twitching seconds per bucket, with rolling average */
  MdSeries          *sides;       /* 4 series: left, right, both, unknown */
  MdSeries          *regions;     /* MD_N_REGION_GROUPS series */
  MdSeries          *hours;       /* 24 buckets by local hour */
  MdFactorComparison factors[MD_N_FACTORS];
  /* The menopause picture (md_stats_add_menopause; NULL / 0 until then). */
  MdSeries          *mrs;         /* week buckets, 3 series (somatic, psychological, urogenital):
                                   * the mean of the week's answers, stacked to the total */
  guint              mrs_days;    /* days with answers in the range */
  GPtrArray         *medicines;   /* MdMedicine* taken at some time in the range, for the bands */
  guint              n_symptoms;
  char             **symptom_names;
  MdSeries         **symptoms;    /* per name: the mean rating (0 .. 10) of the rated days */
  guint              episode_triggers[MD_N_TRIGGERS]; /* episodes in range noted with each trigger */
} MdStats;

GType        md_stats_get_type (void) G_GNUC_CONST;
#define MD_TYPE_STATS (md_stats_get_type ())

MdStats     *md_stats_compute (MdEpisode * const *episodes,
                               guint              n_episodes,
                               MdCheckin * const *checkins,
                               guint              n_checkins,
                               gint64             from_day,
                               gint64             to_day) G_GNUC_WARN_UNUSED_RESULT;
/* Adds the rating scale, the medicines and the custom symptoms (@symptom_names, in the order to
 * show; NULL = every name rated in the range, by first use) to freshly computed @self, before it
 * is shared. */
void         md_stats_add_menopause (MdStats            *self,
                                     MdCheckin * const  *checkins,
                                     guint               n_checkins,
                                     MdMrs * const      *mrs,
                                     guint               n_mrs,
                                     MdMedicine * const *medicines,
                                     guint               n_medicines,
                                     const char * const *symptom_names);
MdStats     *md_stats_ref     (MdStats *self);
void         md_stats_unref   (MdStats *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdStats, md_stats_unref)

/* The building blocks, each usable alone. */
MdBucketSize md_stats_bucket_for_range (gint64 from_day, gint64 to_day);

/* Per day of the range (to_day - from_day + 1 entries, caller-allocated). */
void         md_stats_daily       (MdEpisode * const *episodes,
                                   guint              n_episodes,
                                   gint64             from_day,
                                   gint64             to_day,
                                   guint             *counts,
                                   gint64            *known_seconds);

/* Trailing mean over @window entries (fewer at the start). */
void         md_stats_rolling_average (const double *values,
                                       guint         n,
                                       guint         window,
                                       double       *out);

/* Day or week buckets of per-day values (n_series per day, day after day). Week buckets end
 * on to_day; the first one may be shorter. */
MdSeries    *md_series_bucket     (const double *daily,
                                   guint         n_series,
                                   gint64        from_day,
                                   gint64        to_day,
                                   MdBucketSize  size) G_GNUC_WARN_UNUSED_RESULT;
double       md_series_total      (const MdSeries *self, guint bucket);
double       md_series_max_total  (const MdSeries *self);
gboolean     md_series_is_empty   (const MdSeries *self);
void         md_series_free       (MdSeries *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdSeries, md_series_free)

void         md_stats_durations   (MdEpisode * const *episodes,
                                   guint              n_episodes,
                                   gint64             from_day,
                                   gint64             to_day,
                                   MdDurations       *out);
void         md_stats_face        (MdEpisode * const *episodes,
                                   guint              n_episodes,
                                   gint64             from_day,
                                   gint64             to_day,
                                   MdFaceCounts      *out);
void         md_stats_hours       (MdEpisode * const *episodes,
                                   guint              n_episodes,
                                   gint64             from_day,
                                   gint64             to_day,
                                   guint              hours[24]);
void         md_stats_factors     (MdEpisode * const *episodes,
                                   guint              n_episodes,
                                   MdCheckin * const *checkins,
                                   guint              n_checkins,
                                   gint64             from_day,
                                   gint64             to_day,
                                   MdFactorComparison out[MD_N_FACTORS]);
void         md_stats_summary     (MdEpisode * const *episodes,
                                   guint              n_episodes,
                                   gint64             from_day,
                                   gint64             to_day,
                                   MdSummary         *out);

/* Whether a check-in has the factor; FALSE with *answered = FALSE when it does not say.
 * @regular: the regular supplements (for MD_FACTOR_SUPPLEMENT_MISSED), may be NULL. */
gboolean     md_factor_present    (MdFactor            factor,
                                   const MdCheckin    *checkin,
                                   const char * const *regular,
                                   gboolean           *answered);
/* Supplements taken on at least MD_STATS_REGULAR_SHARE of the check-in days in range. */
char       **md_stats_regular_supplements (MdCheckin * const *checkins,
                                           guint              n_checkins,
                                           gint64             from_day,
                                           gint64             to_day) G_GNUC_WARN_UNUSED_RESULT;
const char  *md_factor_label      (MdFactor factor);

/* The local hour (0 .. 23) an episode started at. */
guint        md_episode_local_hour (const MdEpisode *episode);

G_END_DECLS
