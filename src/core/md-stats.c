/* md-stats.c: the numbers behind the charts and the clinician summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "md-stats.h"
#include "md-stats-private.h"

G_DEFINE_BOXED_TYPE (MdStats, md_stats, md_stats_ref, md_stats_unref)

static gboolean
in_range (const MdEpisode *e,
          gint64           from_day,
          gint64           to_day,
          gint64          *day)
{
  gint64 d = md_episode_local_day (e);

  if (day != NULL)
    *day = d;
  return d >= from_day && d <= to_day;
}

static guint
n_days_of (gint64 from_day,
           gint64 to_day)
{
  return to_day >= from_day ? (guint) (to_day - from_day + 1) : 0;
}

guint
md_episode_local_hour (const MdEpisode *episode)
{
  gint64 local = episode->start_utc + episode->utc_offset_s;
  gint64 secs = local % 86400;

  if (secs < 0)
    secs += 86400;
  return (guint) (secs / 3600);
}

MdBucketSize
md_stats_bucket_for_range (gint64 from_day,
                           gint64 to_day)
{
  return n_days_of (from_day, to_day) <= MD_STATS_DAY_BUCKETS_MAX_DAYS ? MD_BUCKET_DAY : MD_BUCKET_WEEK;
}

void
md_stats_daily (MdEpisode * const *episodes,
                guint              n_episodes,
                gint64             from_day,
                gint64             to_day,
                guint             *counts,
                gint64            *known_seconds)
{
  guint n = n_days_of (from_day, to_day);

  for (guint i = 0; i < n; i++)
    {
      if (counts != NULL)
        counts[i] = 0;
      if (known_seconds != NULL)
        known_seconds[i] = 0;
    }
  for (guint i = 0; i < n_episodes; i++)
    {
      gint64 day;

      if (!in_range (episodes[i], from_day, to_day, &day))
        continue;
      if (counts != NULL)
        counts[day - from_day]++;
      if (known_seconds != NULL && episodes[i]->duration_s != MD_UNKNOWN)
        known_seconds[day - from_day] += episodes[i]->duration_s;
    }
}

void
md_stats_rolling_average (const double *values,
                          guint         n,
                          guint         window,
                          double       *out)
{
  double sum = 0;

  g_return_if_fail (window > 0);
  for (guint i = 0; i < n; i++)
    {
      guint len = MIN (i + 1, window);

      sum += values[i];
      if (i >= window)
        sum -= values[i - window];
      out[i] = sum / len;
    }
}

MdSeries *
md_series_bucket (const double *daily,
                  guint         n_series,
                  gint64        from_day,
                  gint64        to_day,
                  MdBucketSize  size)
{
  MdSeries *self = g_new0 (MdSeries, 1);
  guint n_days = n_days_of (from_day, to_day);
  guint width = size == MD_BUCKET_WEEK ? 7 : 1;

  g_return_val_if_fail (size != MD_BUCKET_HOUR, NULL);
  self->size = size;
  self->n_series = n_series;
  self->n_buckets = (n_days + width - 1) / width;
  self->first_day = g_new0 (gint64, self->n_buckets);
  self->last_day = g_new0 (gint64, self->n_buckets);
  self->values = g_new0 (double, (gsize) self->n_buckets * n_series);

  for (guint b = 0; b < self->n_buckets; b++)
    {
      /* Buckets end on to_day and go backwards: the oldest one may be short. */
      gint64 last = to_day - (gint64) width * (self->n_buckets - 1 - b);
      gint64 first = MAX (from_day, last - width + 1);

      self->first_day[b] = first;
      self->last_day[b] = last;
      for (gint64 d = first; d <= last; d++)
        for (guint s = 0; s < n_series; s++)
          self->values[b * n_series + s] += daily[(d - from_day) * n_series + s];
    }
  return self;
}

double
md_series_total (const MdSeries *self,
                 guint           bucket)
{
  double total = 0;

  g_return_val_if_fail (bucket < self->n_buckets, 0);
  for (guint s = 0; s < self->n_series; s++)
    total += self->values[bucket * self->n_series + s];
  return total;
}

double
md_series_max_total (const MdSeries *self)
{
  double max = 0;

  for (guint b = 0; b < self->n_buckets; b++)
    {
      max = MAX (max, md_series_total (self, b));
      if (self->average != NULL)
        max = MAX (max, self->average[b]);
    }
  return max;
}

gboolean
md_series_is_empty (const MdSeries *self)
{
  for (guint i = 0; i < self->n_buckets * self->n_series; i++)
    if (self->values[i] != 0)
      return FALSE;
  return TRUE;
}

void
md_series_free (MdSeries *self)
{
  if (self == NULL)
    return;
  g_free (self->first_day);
  g_free (self->last_day);
  g_free (self->values);
  g_free (self->average);
  g_free (self);
}

/* The trailing average as a rate per bucket width: the sum over the last few buckets divided
 * by the days they cover, times 7 for weeks. A short first week is not read as a quiet one. */
static void
add_average (MdSeries *self)
{
  guint window = self->size == MD_BUCKET_WEEK ? MD_STATS_ROLLING_WEEKS : MD_STATS_ROLLING_DAYS;
  double width = self->size == MD_BUCKET_WEEK ? 7 : 1;

  self->average = g_new0 (double, MAX (self->n_buckets, 1));
  for (guint b = 0; b < self->n_buckets; b++)
    {
      double sum = 0, days = 0;

      for (guint k = b + 1 > window ? b + 1 - window : 0; k <= b; k++)
        {
          sum += md_series_total (self, k);
          days += self->last_day[k] - self->first_day[k] + 1;
        }
      self->average[b] = sum / days * width;
    }
}

static int
cmp_int64 (const void *a,
           const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Puts the @k-th smallest of @v (0-based) at v[k], smaller or equal ones before it and larger
 * or equal ones after, in linear time on average (a median without sorting ten years of
 * durations); sorts what is left after @max_rounds rounds (2 log2(n) + 4 from
 * md_stats_durations), so that no input makes it slower than sorting. */
gint64
md_stats_select_nth (gint64 *v,
                     guint   n,
                     guint   k,
                     guint   max_rounds)
{
  guint lo = 0, hi, rounds = 0;

  g_assert (n > 0 && k < n);
  hi = n - 1;

  while (lo < hi)
    {
      gint64 a = v[lo], b = v[lo + (hi - lo) / 2], c = v[hi];
      gint64 pivot = MAX (MIN (a, b), MIN (MAX (a, b), c));   /* median of three */
      guint i = lo, j = hi;

      if (++rounds > max_rounds)
        {
          qsort (v + lo, hi - lo + 1, sizeof (gint64), cmp_int64);
          break;
        }
      /* Hoare's partition: v[lo..j] <= pivot <= v[i..hi], i > j at the end. */
      while (i <= j)
        {
          while (v[i] < pivot)
            i++;
          while (v[j] > pivot)
            j--;
          if (i <= j)
            {
              gint64 t = v[i];

              v[i] = v[j];
              v[j] = t;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;   /* j < k < i: v[k] == pivot, in place */
    }
  return v[k];
}

void
md_stats_durations (MdEpisode * const *episodes,
                    guint              n_episodes,
                    gint64             from_day,
                    gint64             to_day,
                    MdDurations       *out)
{
  g_autofree gint64 *known = g_new (gint64, MAX (n_episodes, 1));

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < n_episodes; i++)
    {
      if (!in_range (episodes[i], from_day, to_day, NULL))
        continue;
      if (episodes[i]->duration_s == MD_UNKNOWN)
        out->n_unknown++;
      else
        known[out->n_known++] = episodes[i]->duration_s;
    }
  if (out->n_known == 0)
    return;
  out->longest_s = known[0];
  for (guint i = 1; i < out->n_known; i++)
    out->longest_s = MAX (out->longest_s, known[i]);
  out->median_s = md_stats_select_nth (known, out->n_known, out->n_known / 2, 2 * g_bit_storage (out->n_known) + 4);
  if (out->n_known % 2 == 0)
    {
      /* The one below the middle: the largest of the part left before it. */
      gint64 below = known[0];

      for (guint i = 1; i < out->n_known / 2; i++)
        below = MAX (below, known[i]);
      out->median_s = (below + known[out->n_known / 2]) / 2.0;
    }
}

void
md_stats_face (MdEpisode * const *episodes,
               guint              n_episodes,
               gint64             from_day,
               gint64             to_day,
               MdFaceCounts      *out)
{
  memset (out, 0, sizeof *out);
  for (guint i = 0; i < n_episodes; i++)
    {
      const MdEpisode *e = episodes[i];
      guint32 groups;

      if (!in_range (e, from_day, to_day, NULL))
        continue;
      for (guint r = 0; r < MD_N_REGIONS; r++)
        {
          if (!(e->regions & MD_BIT (r)))
            continue;
          if (e->side == MD_SIDE_LEFT || e->side == MD_SIDE_BOTH)
            out->left[r]++;
          if (e->side == MD_SIDE_RIGHT || e->side == MD_SIDE_BOTH)
            out->right[r]++;
          if (e->side == MD_SIDE_UNKNOWN)
            out->unknown[r]++;
        }
      groups = md_regions_groups (e->regions);
      for (guint g = 0; g < MD_N_REGION_GROUPS; g++)
        if (groups & MD_BIT (g))
          out->groups[g]++;
    }
}

void
md_stats_hours (MdEpisode * const *episodes,
                guint              n_episodes,
                gint64             from_day,
                gint64             to_day,
                guint              hours[24])
{
  memset (hours, 0, 24 * sizeof (guint));
  for (guint i = 0; i < n_episodes; i++)
    if (in_range (episodes[i], from_day, to_day, NULL))
      hours[md_episode_local_hour (episodes[i])]++;
}

const char *
md_factor_label (MdFactor factor)
{
  static const char *labels[MD_N_FACTORS] = {
    N_("Poor sleep"),
    N_("High caffeine"),
    N_("Little water"),
    N_("High stress"),
    N_("Hot flashes"),
    N_("Supplement missed"),
  };

  g_return_val_if_fail (factor < MD_N_FACTORS, NULL);
  return _(labels[factor]);
}

gboolean
md_factor_present (MdFactor            factor,
                   const MdCheckin    *c,
                   const char * const *regular,
                   gboolean           *answered)
{
  gboolean known = FALSE, present = FALSE;

  switch (factor)
    {
    case MD_FACTOR_POOR_SLEEP:
      known = c->sleep_min != MD_UNKNOWN || c->sleep_quality != MD_UNKNOWN;
      present = (c->sleep_min != MD_UNKNOWN && c->sleep_min < MD_STATS_POOR_SLEEP_MIN) ||
                (c->sleep_quality != MD_UNKNOWN && c->sleep_quality <= MD_STATS_POOR_SLEEP_QUALITY);
      break;
    case MD_FACTOR_HIGH_CAFFEINE:
      known = c->caffeine_cups != MD_UNKNOWN || c->caffeine_mg != MD_UNKNOWN;
      present = (c->caffeine_cups != MD_UNKNOWN && c->caffeine_cups >= MD_STATS_HIGH_CAFFEINE_CUPS) ||
                (c->caffeine_mg != MD_UNKNOWN && c->caffeine_mg >= MD_STATS_HIGH_CAFFEINE_MG);
      break;
    case MD_FACTOR_LOW_WATER:
      known = c->water_glasses != MD_UNKNOWN;
      present = known && c->water_glasses < MD_STATS_LOW_WATER_GLASSES;
      break;
    case MD_FACTOR_HIGH_STRESS:
      known = c->stress != MD_UNKNOWN;
      present = known && c->stress >= MD_STATS_HIGH_STRESS;
      break;
    case MD_FACTOR_HOT_FLASHES:
      known = c->hot_flashes != MD_UNKNOWN;
      present = known && c->hot_flashes >= MD_STATS_HOT_FLASHES;
      break;
    case MD_FACTOR_SUPPLEMENT_MISSED:
      /* A check-in always says which supplements were taken (none is an answer); with no
       * regular supplement there is nothing to miss, so the question does not apply. */
      known = regular != NULL && regular[0] != NULL;
      for (guint i = 0; known && regular[i] != NULL; i++)
        if (!md_checkin_took (c, regular[i]))
          present = TRUE;
      break;
    case MD_N_FACTORS:
    default:
      g_return_val_if_reached (FALSE);
    }
  if (answered != NULL)
    *answered = known;
  return known && present;
}

char **
md_stats_regular_supplements (MdCheckin * const *checkins,
                              guint              n_checkins,
                              gint64             from_day,
                              gint64             to_day)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GList) keys = NULL;
  guint n_days = 0;

  for (guint i = 0; i < n_checkins; i++)
    {
      const MdCheckin *c = checkins[i];

      if (c->day < from_day || c->day > to_day)
        continue;
      n_days++;
      for (guint s = 0; c->supplements != NULL && c->supplements[s] != NULL; s++)
        {
          const char *name = c->supplements[s];
          gboolean seen = FALSE;

          /* Count a name once per day even if written twice. */
          for (guint t = 0; t < s; t++)
            if (g_strcmp0 (c->supplements[t], name) == 0)
              seen = TRUE;
          if (!seen)
            g_hash_table_insert (counts, (gpointer) name,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
        }
    }
  keys = g_list_sort (g_hash_table_get_keys (counts), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, l->data));

      if (n_days > 0 && n >= MD_STATS_REGULAR_SHARE * n_days)
        g_ptr_array_add (names, g_strdup (l->data));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

void
md_stats_factors (MdEpisode * const *episodes,
                  guint              n_episodes,
                  MdCheckin * const *checkins,
                  guint              n_checkins,
                  gint64             from_day,
                  gint64             to_day,
                  MdFactorComparison out[MD_N_FACTORS])
{
  guint n_days = n_days_of (from_day, to_day);
  g_autofree guint *counts = g_new0 (guint, MAX (n_days, 1));
  g_auto(GStrv) regular = md_stats_regular_supplements (checkins, n_checkins, from_day, to_day);

  memset (out, 0, MD_N_FACTORS * sizeof (MdFactorComparison));
  md_stats_daily (episodes, n_episodes, from_day, to_day, counts, NULL);
  for (guint i = 0; i < n_checkins; i++)
    {
      const MdCheckin *c = checkins[i];
      guint n;

      if (c->day < from_day || c->day > to_day)
        continue;
      n = counts[c->day - from_day];
      for (guint f = 0; f < MD_N_FACTORS; f++)
        {
          gboolean answered;
          gboolean present = md_factor_present (f, c, (const char * const *) regular, &answered);

          if (!answered)
            continue;
          if (present)
            {
              out[f].days_with++;
              out[f].episodes_with += n;
            }
          else
            {
              out[f].days_without++;
              out[f].episodes_without += n;
            }
        }
    }
  for (guint f = 0; f < MD_N_FACTORS; f++)
    {
      out[f].rate_with = out[f].days_with > 0 ? (double) out[f].episodes_with / out[f].days_with : 0;
      out[f].rate_without = out[f].days_without > 0 ? (double) out[f].episodes_without / out[f].days_without : 0;
      out[f].too_little_data = out[f].days_with < MD_STATS_MIN_DAYS || out[f].days_without < MD_STATS_MIN_DAYS;
    }
}

void
md_stats_summary (MdEpisode * const *episodes,
                  guint              n_episodes,
                  gint64             from_day,
                  gint64             to_day,
                  MdSummary         *out)
{
  guint n_days = n_days_of (from_day, to_day);
  g_autofree guint *counts = g_new0 (guint, MAX (n_days, 1));
  guint run = 0, last4 = 0, last4_days = MIN (n_days, 28);

  memset (out, 0, sizeof *out);
  out->from_day = from_day;
  out->to_day = to_day;
  out->n_days = n_days;
  md_stats_daily (episodes, n_episodes, from_day, to_day, counts, NULL);
  for (guint i = 0; i < n_episodes; i++)
    if (in_range (episodes[i], from_day, to_day, NULL) && episodes[i]->side < MD_N_SIDES)
      out->sides[episodes[i]->side]++;
  for (guint d = 0; d < n_days; d++)
    {
      out->episodes += counts[d];
      if (d >= n_days - last4_days)
        last4 += counts[d];
      if (counts[d] > 0)
        {
          out->days_with_twitching++;
          run++;
          out->longest_run_days = MAX (out->longest_run_days, run);
        }
      else
        run = 0;
    }
  out->per_week = n_days > 0 ? 7.0 * out->episodes / n_days : 0;
  out->per_week_last4 = last4_days > 0 ? 7.0 * last4 / last4_days : 0;
}

MdStats *
md_stats_compute (MdEpisode * const *episodes,
                  guint              n_episodes,
                  MdCheckin * const *checkins,
                  guint              n_checkins,
                  gint64             from_day,
                  gint64             to_day)
{
  MdStats *self = g_atomic_rc_box_new0 (MdStats);
  guint n_days = n_days_of (from_day, to_day);
  MdBucketSize size = md_stats_bucket_for_range (from_day, to_day);
  g_autofree guint *counts = g_new0 (guint, MAX (n_days, 1));
  g_autofree gint64 *seconds = g_new0 (gint64, MAX (n_days, 1));
  g_autofree double *daily = g_new0 (double, MAX (n_days, 1) * MD_N_REGION_GROUPS);
  guint hours[24];

  md_stats_summary (episodes, n_episodes, from_day, to_day, &self->summary);
  md_stats_durations (episodes, n_episodes, from_day, to_day, &self->durations);
  md_stats_face (episodes, n_episodes, from_day, to_day, &self->face);
  md_stats_factors (episodes, n_episodes, checkins, n_checkins, from_day, to_day, self->factors);
  md_stats_daily (episodes, n_episodes, from_day, to_day, counts, seconds);

  for (guint d = 0; d < n_days; d++)
    daily[d] = counts[d];
  self->frequency = md_series_bucket (daily, 1, from_day, to_day, size);
  add_average (self->frequency);
  for (guint d = 0; d < n_days; d++)
    daily[d] = seconds[d];
  self->duration = md_series_bucket (daily, 1, from_day, to_day, size);
  add_average (self->duration);

  /* Sides and region groups: per day, then bucketed. */
  memset (daily, 0, sizeof (double) * MAX (n_days, 1) * MD_N_REGION_GROUPS);
  for (guint i = 0; i < n_episodes; i++)
    {
      gint64 day;
      static const guint side_series[MD_N_SIDES] = {
        [MD_SIDE_LEFT] = 0, [MD_SIDE_RIGHT] = 1, [MD_SIDE_BOTH] = 2, [MD_SIDE_UNKNOWN] = 3,
      };

      if (in_range (episodes[i], from_day, to_day, &day) && episodes[i]->side < MD_N_SIDES)
        daily[(day - from_day) * 4 + side_series[episodes[i]->side]] += 1;
    }
  self->sides = md_series_bucket (daily, 4, from_day, to_day, size);
  memset (daily, 0, sizeof (double) * MAX (n_days, 1) * MD_N_REGION_GROUPS);
  for (guint i = 0; i < n_episodes; i++)
    {
      gint64 day;
      guint32 groups;

      if (!in_range (episodes[i], from_day, to_day, &day))
        continue;
      for (guint t = 0; t < MD_N_TRIGGERS; t++)
        if (episodes[i]->triggers & MD_BIT (t))
          self->episode_triggers[t]++;
      groups = md_regions_groups (episodes[i]->regions);
      for (guint g = 0; g < MD_N_REGION_GROUPS; g++)
        if (groups & MD_BIT (g))
          daily[(day - from_day) * MD_N_REGION_GROUPS + g] += 1;
    }
  self->regions = md_series_bucket (daily, MD_N_REGION_GROUPS, from_day, to_day, size);

  md_stats_hours (episodes, n_episodes, from_day, to_day, hours);
  self->hours = g_new0 (MdSeries, 1);
  self->hours->size = MD_BUCKET_HOUR;
  self->hours->n_buckets = 24;
  self->hours->n_series = 1;
  self->hours->values = g_new (double, 24);
  for (guint h = 0; h < 24; h++)
    self->hours->values[h] = hours[h];
  return self;
}

MdStats *
md_stats_ref (MdStats *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
stats_clear (MdStats *self)
{
  md_series_free (self->frequency);
  md_series_free (self->duration);
  md_series_free (self->sides);
  md_series_free (self->regions);
  md_series_free (self->hours);
  md_series_free (self->mrs);
  g_clear_pointer (&self->medicines, g_ptr_array_unref);
  for (guint i = 0; i < self->n_symptoms; i++)
    md_series_free (self->symptoms[i]);
  g_free (self->symptoms);
  g_strfreev (self->symptom_names);
}

/* Bucket means: sums and counts per day, bucketed, divided. */
static MdSeries *
bucket_means (const double *sums,
              const double *counts,
              guint         n_series,
              gint64        from_day,
              gint64        to_day,
              MdBucketSize  size)
{
  MdSeries *s = md_series_bucket (sums, n_series, from_day, to_day, size);
  g_autoptr(MdSeries) n = md_series_bucket (counts, 1, from_day, to_day, size);

  for (guint b = 0; b < s->n_buckets; b++)
    for (guint k = 0; k < n_series; k++)
      s->values[b * n_series + k] = n->values[b] > 0 ? s->values[b * n_series + k] / n->values[b] : 0;
  return s;
}

void
md_stats_add_menopause (MdStats            *self,
                        MdCheckin * const  *checkins,
                        guint               n_checkins,
                        MdMrs * const      *mrs,
                        guint               n_mrs,
                        MdMedicine * const *medicines,
                        guint               n_medicines,
                        const char * const *symptom_names)
{
  gint64 from = self->summary.from_day, to = self->summary.to_day;
  guint n_days = n_days_of (from, to);
  MdBucketSize size = md_stats_bucket_for_range (from, to);
  g_autofree double *sums = g_new0 (double, MAX (n_days, 1) * 3);
  g_autofree double *counts = g_new0 (double, MAX (n_days, 1));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_if_fail (self->mrs == NULL);

  for (guint i = 0; i < n_mrs; i++)
    {
      const MdMrs *m = mrs[i];

      if (m->day < from || m->day > to || md_mrs_score (m, MD_MRS_TOTAL, NULL) < 0)
        continue;
      for (MdMrsScale k = MD_MRS_SOMATIC; k < MD_MRS_N_SCALES; k++)
        sums[(m->day - from) * 3 + (k - 1)] += MAX (md_mrs_score (m, k, NULL), 0);
      counts[m->day - from] += 1;
      self->mrs_days++;
    }
  self->mrs = bucket_means (sums, counts, 3, from, to, MD_BUCKET_WEEK);

  self->medicines = g_ptr_array_new_with_free_func ((GDestroyNotify) md_medicine_free);
  for (guint i = 0; i < n_medicines; i++)
    {
      const MdMedicine *m = medicines[i];

      if ((m->started == MD_NO_DAY || m->started <= to) && (m->stopped == MD_NO_DAY || m->stopped >= from))
        g_ptr_array_add (self->medicines, md_medicine_copy (m));
    }

  if (symptom_names != NULL)
    for (guint i = 0; symptom_names[i] != NULL; i++)
      g_ptr_array_add (names, (gpointer) symptom_names[i]);
  else
    for (guint i = 0; i < n_checkins; i++)
      for (guint k = 0; k < checkins[i]->n_symptoms; k++)
        {
          const char *name = checkins[i]->symptoms[k].name;
          gboolean seen = FALSE;

          if (checkins[i]->day < from || checkins[i]->day > to)
            continue;
          for (guint j = 0; j < names->len && !seen; j++)
            seen = strcmp (names->pdata[j], name) == 0;
          if (!seen)
            g_ptr_array_add (names, (gpointer) name);
        }
  self->n_symptoms = names->len;
  self->symptom_names = g_new0 (char *, names->len + 1);
  self->symptoms = g_new0 (MdSeries *, MAX (names->len, 1));
  for (guint j = 0; j < names->len; j++)
    {
      memset (sums, 0, sizeof (double) * MAX (n_days, 1));
      memset (counts, 0, sizeof (double) * MAX (n_days, 1));
      for (guint i = 0; i < n_checkins; i++)
        {
          int v;

          if (checkins[i]->day < from || checkins[i]->day > to)
            continue;
          v = md_checkin_get_symptom (checkins[i], names->pdata[j]);
          if (v == MD_UNKNOWN)
            continue;
          sums[checkins[i]->day - from] = v;
          counts[checkins[i]->day - from] = 1;
        }
      self->symptom_names[j] = g_strdup (names->pdata[j]);
      self->symptoms[j] = bucket_means (sums, counts, 1, from, to, size);
    }
}

void
md_stats_unref (MdStats *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, (GDestroyNotify) stats_clear);
}
