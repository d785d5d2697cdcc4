/* test-stats.c: the numbers behind the charts, from small hand-made diaries. */
#include "config.h"

#include "md-stats.h"
#include "md-stats-private.h"
#include "md-test-utils.h"

#define D0 20000   /* 2024-10-04, a Friday */

/* An episode on local day @day at local @hour:@min, in a zone @offset_h hours from UTC. */
static MdEpisode *
ep (gint64  day,
    int     hour,
    int     min,
    int     offset_h,
    MdSide  side,
    guint32 regions,
    gint64  duration_s)
{
  MdEpisode *e = md_episode_new ();

  e->start_utc = day * 86400 + hour * 3600 + min * 60 - offset_h * 3600;
  e->utc_offset_s = offset_h * 3600;
  e->side = side;
  e->regions = regions;
  e->duration_s = duration_s;
  return e;
}

#define EPS(arr) ((MdEpisode * const *) (arr)->pdata), (arr)->len
#define CIS(arr) ((MdCheckin * const *) (arr)->pdata), (arr)->len

static GPtrArray *
episodes_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
}

static void
test_local_day_and_hour (void)
{
  g_autoptr(GPtrArray) e = episodes_new ();
  guint counts[3];
  gint64 secs[3];
  guint hours[24];

  /* 23:30 UTC on D0 is 00:30 on D0+1 at +01:00 (summer time in Paris). */
  g_ptr_array_add (e, ep (D0 + 1, 0, 30, 1, MD_SIDE_LEFT, MD_BIT (MD_REGION_CHEEK), 60));
  g_assert_cmpint (((MdEpisode *) e->pdata[0])->start_utc, ==, (D0 + 1) * 86400 - 1800);
  /* 01:00 UTC on D0+2 is 21:00 on D0+1 in New York (-04:00). */
  g_ptr_array_add (e, ep (D0 + 1, 21, 0, -4, MD_SIDE_RIGHT, MD_BIT (MD_REGION_CHEEK), MD_UNKNOWN));
  /* The day the clocks change: same UTC hour, offset +02:00 then +01:00. */
  g_ptr_array_add (e, ep (D0 + 2, 9, 0, 2, MD_SIDE_LEFT, MD_BIT (MD_REGION_CHIN), 30));
  g_ptr_array_add (e, ep (D0 + 2, 8, 0, 1, MD_SIDE_LEFT, MD_BIT (MD_REGION_CHIN), 45));
  /* Outside the range on both ends. */
  g_ptr_array_add (e, ep (D0 - 1, 23, 59, 0, MD_SIDE_LEFT, MD_BIT (MD_REGION_CHIN), 45));
  g_ptr_array_add (e, ep (D0 + 3, 0, 0, 0, MD_SIDE_LEFT, MD_BIT (MD_REGION_CHIN), 45));

  md_stats_daily (EPS (e), D0, D0 + 2, counts, secs);
  g_assert_cmpuint (counts[0], ==, 0);
  g_assert_cmpuint (counts[1], ==, 2);
  g_assert_cmpuint (counts[2], ==, 2);
  g_assert_cmpint (secs[0], ==, 0);
  g_assert_cmpint (secs[1], ==, 60);   /* the unknown duration adds nothing */
  g_assert_cmpint (secs[2], ==, 75);

  md_stats_hours (EPS (e), D0, D0 + 2, hours);
  g_assert_cmpuint (hours[0], ==, 1);
  g_assert_cmpuint (hours[21], ==, 1);
  g_assert_cmpuint (hours[9], ==, 1);
  g_assert_cmpuint (hours[8], ==, 1);
  g_assert_cmpuint (hours[23], ==, 0);  /* the one on D0 - 1 is outside */
  g_assert_cmpuint (md_episode_local_hour (e->pdata[1]), ==, 21);
}

static void
test_negative_local_hour (void)
{
  /* Before 1970 the hour must still come out right (floor, not truncation). */
  g_autoptr(MdEpisode) e = ep (-2, 22, 15, 0, MD_SIDE_LEFT, 1, 10);

  g_assert_cmpint (md_episode_local_day (e), ==, -2);
  g_assert_cmpuint (md_episode_local_hour (e), ==, 22);
}

static void
test_rolling_average (void)
{
  const double v[] = { 7, 0, 0, 0, 0, 0, 0, 14, 0 };
  double out[G_N_ELEMENTS (v)];

  md_stats_rolling_average (v, G_N_ELEMENTS (v), 7, out);
  g_assert_cmpfloat_with_epsilon (out[0], 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (out[1], 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (out[6], 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (out[7], 2.0, 1e-9);  /* the 7 fell out, the 14 came in */
  g_assert_cmpfloat_with_epsilon (out[8], 2.0, 1e-9);
}

static void
test_bucket_choice (void)
{
  g_assert_cmpint (md_stats_bucket_for_range (D0 - 29, D0), ==, MD_BUCKET_DAY);
  g_assert_cmpint (md_stats_bucket_for_range (D0 - 89, D0), ==, MD_BUCKET_DAY);
  g_assert_cmpint (md_stats_bucket_for_range (D0 - 364, D0), ==, MD_BUCKET_WEEK);
  g_assert_cmpint (md_stats_bucket_for_range (D0 - 3650, D0), ==, MD_BUCKET_WEEK);
}

static void
test_week_buckets (void)
{
  /* Ten days: weeks end on to_day, so the oldest bucket has the 3 leftover days. */
  const double daily[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  g_autoptr(MdSeries) s = md_series_bucket (daily, 1, D0, D0 + 9, MD_BUCKET_WEEK);
  g_autoptr(MdSeries) d = md_series_bucket (daily, 1, D0, D0 + 9, MD_BUCKET_DAY);

  g_assert_cmpuint (s->n_buckets, ==, 2);
  g_assert_cmpint (s->first_day[0], ==, D0);
  g_assert_cmpint (s->last_day[0], ==, D0 + 2);
  g_assert_cmpint (s->first_day[1], ==, D0 + 3);
  g_assert_cmpint (s->last_day[1], ==, D0 + 9);
  g_assert_cmpfloat (s->values[0], ==, 6);
  g_assert_cmpfloat (s->values[1], ==, 49);
  g_assert_cmpfloat (md_series_max_total (s), ==, 49);

  g_assert_cmpuint (d->n_buckets, ==, 10);
  g_assert_cmpint (d->first_day[4], ==, D0 + 4);
  g_assert_cmpfloat (d->values[4], ==, 5);
  g_assert_false (md_series_is_empty (d));
}

static void
test_durations (void)
{
  g_autoptr(GPtrArray) e = episodes_new ();
  MdDurations d;

  g_ptr_array_add (e, ep (D0, 8, 0, 0, MD_SIDE_LEFT, 1, 60));
  g_ptr_array_add (e, ep (D0, 9, 0, 0, MD_SIDE_LEFT, 1, 300));
  g_ptr_array_add (e, ep (D0, 10, 0, 0, MD_SIDE_LEFT, 1, MD_UNKNOWN));
  g_ptr_array_add (e, ep (D0, 11, 0, 0, MD_SIDE_LEFT, 1, 120));
  g_ptr_array_add (e, ep (D0, 12, 0, 0, MD_SIDE_LEFT, 1, 30));
  g_ptr_array_add (e, ep (D0, 13, 0, 0, MD_SIDE_LEFT, 1, MD_UNKNOWN));
  md_stats_durations (EPS (e), D0, D0, &d);
  g_assert_cmpuint (d.n_known, ==, 4);
  g_assert_cmpuint (d.n_unknown, ==, 2);
  g_assert_cmpfloat (d.median_s, ==, 90);   /* (60 + 120) / 2 */
  g_assert_cmpint (d.longest_s, ==, 300);

  g_ptr_array_add (e, ep (D0, 14, 0, 0, MD_SIDE_LEFT, 1, 1000));
  md_stats_durations (EPS (e), D0, D0, &d);
  g_assert_cmpfloat (d.median_s, ==, 120);
  g_assert_cmpint (d.longest_s, ==, 1000);

  /* Only unknowns. */
  md_stats_durations (EPS (e), D0 + 1, D0 + 1, &d);
  g_assert_cmpuint (d.n_known + d.n_unknown, ==, 0);
  g_assert_cmpfloat (d.median_s, ==, 0);
}

static int
cmp_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The median and the longest, worked out without sorting, against sorting: random lengths,
 * many repeated values, already sorted and reversed lists, one and two values. */
static void
test_durations_median (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GPtrArray) e = episodes_new ();
      guint n = round < 4 ? round + 1 : (guint) g_rand_int_range (rand, 1, round < 200 ? 40 : 3000);
      guint shape = round % 4;
      int spread = round % 3 == 0 ? 4 : 100000;
      g_autofree gint64 *sorted = g_new (gint64, n);
      double median;
      MdDurations d;

      for (guint i = 0; i < n; i++)
        {
          gint64 v = shape == 1 ? (gint64) i + 1 : shape == 2 ? (gint64) (n - i) + 1 : g_rand_int_range (rand, 1, spread + 1);

          sorted[i] = v;
          g_ptr_array_add (e, ep (D0, 8, 0, 0, MD_SIDE_LEFT, 1, v));
        }
      qsort (sorted, n, sizeof (gint64), cmp_gint64);
      median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
      md_stats_durations (EPS (e), D0, D0, &d);
      g_assert_cmpuint (d.n_known, ==, n);
      g_assert_cmpfloat (d.median_s, ==, median);
      g_assert_cmpint (d.longest_s, ==, sorted[n - 1]);
    }
}

/* The selection itself, its sorting fallback included (0 to 3 rounds before it sorts): the
 * k-th value in place, nothing larger before it, nothing smaller after. */
static void
test_select_nth (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (guint round = 0; round < 600; round++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 200);
      guint k = (guint) g_rand_int_range (rand, 0, (gint32) n);
      guint max_rounds = round % 5 == 4 ? 64 : round % 5;
      int spread = round % 2 == 0 ? 3 : 1000;
      g_autofree gint64 *v = g_new (gint64, n);
      g_autofree gint64 *sorted = g_new (gint64, n);
      gint64 kth;

      for (guint i = 0; i < n; i++)
        sorted[i] = v[i] = g_rand_int_range (rand, -spread, spread);
      qsort (sorted, n, sizeof (gint64), cmp_gint64);
      kth = md_stats_select_nth (v, n, k, max_rounds);
      g_assert_cmpint (kth, ==, sorted[k]);
      g_assert_cmpint (v[k], ==, kth);
      for (guint i = 0; i < n; i++)
        if (i < k)
          g_assert_cmpint (v[i], <=, kth);
        else
          g_assert_cmpint (v[i], >=, kth);
    }
}

static void
test_face_counts (void)
{
  g_autoptr(GPtrArray) e = episodes_new ();
  MdFaceCounts f;

  g_ptr_array_add (e, ep (D0, 8, 0, 0, MD_SIDE_LEFT, MD_BIT (MD_REGION_EYELID_UPPER), 60));
  g_ptr_array_add (e, ep (D0, 9, 0, 0, MD_SIDE_BOTH, MD_BIT (MD_REGION_CHEEK), 60));
  g_ptr_array_add (e, ep (D0, 10, 0, 0, MD_SIDE_UNKNOWN, MD_BIT (MD_REGION_CHIN), 60));
  g_ptr_array_add (e, ep (D0, 11, 0, 0, MD_SIDE_RIGHT,
                          MD_BIT (MD_REGION_LIPS) | MD_BIT (MD_REGION_MOUTH_CORNER) | MD_BIT (MD_REGION_CHIN), 60));
  g_ptr_array_add (e, ep (D0, 12, 0, 0, MD_SIDE_LEFT,
                          MD_BIT (MD_REGION_EYELID_UPPER) | MD_BIT (MD_REGION_EYELID_LOWER), 60));
  md_stats_face (EPS (e), D0, D0, &f);

  g_assert_cmpuint (f.left[MD_REGION_EYELID_UPPER], ==, 2);
  g_assert_cmpuint (f.left[MD_REGION_EYELID_LOWER], ==, 1);
  g_assert_cmpuint (f.right[MD_REGION_EYELID_UPPER], ==, 0);
  g_assert_cmpuint (f.left[MD_REGION_CHEEK], ==, 1);    /* both halves */
  g_assert_cmpuint (f.right[MD_REGION_CHEEK], ==, 1);
  g_assert_cmpuint (f.unknown[MD_REGION_CHEEK], ==, 0);
  g_assert_cmpuint (f.unknown[MD_REGION_CHIN], ==, 1);
  g_assert_cmpuint (f.left[MD_REGION_CHIN], ==, 0);
  g_assert_cmpuint (f.right[MD_REGION_CHIN], ==, 1);
  g_assert_cmpuint (f.right[MD_REGION_LIPS], ==, 1);
  /* Groups count episodes: the two-eyelid episode counts once for the eye. */
  g_assert_cmpuint (f.groups[MD_REGION_GROUP_EYE], ==, 2);
  g_assert_cmpuint (f.groups[MD_REGION_GROUP_MOUTH], ==, 1);
  g_assert_cmpuint (f.groups[md_region_group (MD_REGION_CHIN)], ==, 2);
  g_assert_cmpuint (f.groups[MD_REGION_GROUP_FOREHEAD], ==, 0);
}

static MdCheckin *
ci (gint64 day)
{
  return md_checkin_new (day);
}

static void
test_factors (void)
{
  g_autoptr(GPtrArray) e = episodes_new ();
  g_autoptr(GPtrArray) c = g_ptr_array_new_with_free_func ((GDestroyNotify) md_checkin_free);
  MdFactorComparison f[MD_N_FACTORS];
  const char *mag[] = { "magnesium", NULL };
  const char *mag_d[] = { "magnesium", "vitamin D", NULL };

  /* Days 0..5: poor sleep (5 h), 2 episodes each. Days 6..11: 8 h sleep, day 6 has 3 episodes. */
  for (int d = 0; d < 12; d++)
    {
      MdCheckin *k = ci (D0 + d);

      k->sleep_min = d < 6 ? 300 : 480;
      /* Caffeine answered on 4 days only, all high: too little data on both sides. */
      if (d < 4)
        k->caffeine_cups = 3;
      /* Stress 7 is high, 6 is not; unanswered on days 10, 11. */
      if (d < 10)
        k->stress = d % 2 == 0 ? 7 : 6;
      /* Magnesium taken on 9 of 12 days (regular); vitamin D on 2 (not regular). */
      k->supplements = g_strdupv ((char **) (d < 2 ? mag_d : d < 9 ? mag : NULL));
      g_ptr_array_add (c, k);
    }
  for (int d = 0; d < 6; d++)
    {
      g_ptr_array_add (e, ep (D0 + d, 10, 0, 0, MD_SIDE_LEFT, 1, 60));
      g_ptr_array_add (e, ep (D0 + d, 15, 0, 0, MD_SIDE_LEFT, 1, 60));
    }
  for (int i = 0; i < 3; i++)
    g_ptr_array_add (e, ep (D0 + 6, 10 + i, 0, 0, MD_SIDE_LEFT, 1, 60));
  /* An episode on a day with no check-in counts nowhere here. */
  g_ptr_array_add (e, ep (D0 + 20, 10, 0, 0, MD_SIDE_LEFT, 1, 60));

  md_stats_factors (EPS (e), CIS (c), D0, D0 + 29, f);

  g_assert_cmpuint (f[MD_FACTOR_POOR_SLEEP].days_with, ==, 6);
  g_assert_cmpuint (f[MD_FACTOR_POOR_SLEEP].days_without, ==, 6);
  g_assert_cmpuint (f[MD_FACTOR_POOR_SLEEP].episodes_with, ==, 12);
  g_assert_cmpuint (f[MD_FACTOR_POOR_SLEEP].episodes_without, ==, 3);
  g_assert_cmpfloat_with_epsilon (f[MD_FACTOR_POOR_SLEEP].rate_with, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (f[MD_FACTOR_POOR_SLEEP].rate_without, 0.5, 1e-9);
  g_assert_false (f[MD_FACTOR_POOR_SLEEP].too_little_data);

  g_assert_cmpuint (f[MD_FACTOR_HIGH_CAFFEINE].days_with, ==, 4);
  g_assert_cmpuint (f[MD_FACTOR_HIGH_CAFFEINE].days_without, ==, 0);
  g_assert_true (f[MD_FACTOR_HIGH_CAFFEINE].too_little_data);

  /* Stress: high on days 0, 2, 4, 6, 8 (2+2+2+3+0 = 9), not on 1, 3, 5, 7, 9 (2+2+2+0+0 = 6). */
  g_assert_cmpuint (f[MD_FACTOR_HIGH_STRESS].days_with, ==, 5);
  g_assert_cmpuint (f[MD_FACTOR_HIGH_STRESS].days_without, ==, 5);
  g_assert_cmpuint (f[MD_FACTOR_HIGH_STRESS].episodes_with, ==, 9);
  g_assert_cmpuint (f[MD_FACTOR_HIGH_STRESS].episodes_without, ==, 6);
  g_assert_cmpfloat_with_epsilon (f[MD_FACTOR_HIGH_STRESS].rate_with, 1.8, 1e-9);
  g_assert_false (f[MD_FACTOR_HIGH_STRESS].too_little_data);

  /* Nobody answered water or hot flashes. */
  g_assert_cmpuint (f[MD_FACTOR_LOW_WATER].days_with + f[MD_FACTOR_LOW_WATER].days_without, ==, 0);
  g_assert_true (f[MD_FACTOR_LOW_WATER].too_little_data);
  g_assert_cmpfloat (f[MD_FACTOR_LOW_WATER].rate_with, ==, 0);

  /* Magnesium missed on days 9, 10, 11 (0 episodes): 3 days with, 9 without. */
  g_assert_cmpuint (f[MD_FACTOR_SUPPLEMENT_MISSED].days_with, ==, 3);
  g_assert_cmpuint (f[MD_FACTOR_SUPPLEMENT_MISSED].days_without, ==, 9);
  g_assert_cmpuint (f[MD_FACTOR_SUPPLEMENT_MISSED].episodes_without, ==, 15);
  g_assert_true (f[MD_FACTOR_SUPPLEMENT_MISSED].too_little_data);
}

static void
test_factor_thresholds (void)
{
  g_autoptr(MdCheckin) c = ci (D0);
  const char *regular[] = { "magnesium", NULL };
  gboolean answered;

  /* Nothing answered. */
  for (guint f = 0; f < MD_N_FACTORS - 1; f++)
    {
      g_assert_false (md_factor_present (f, c, regular, &answered));
      g_assert_false (answered);
    }
  /* No regular supplement: the question does not apply. */
  g_assert_false (md_factor_present (MD_FACTOR_SUPPLEMENT_MISSED, c, NULL, &answered));
  g_assert_false (answered);
  g_assert_true (md_factor_present (MD_FACTOR_SUPPLEMENT_MISSED, c, regular, &answered));
  g_assert_true (answered);

  c->sleep_min = 6 * 60;
  g_assert_false (md_factor_present (MD_FACTOR_POOR_SLEEP, c, NULL, &answered));
  g_assert_true (answered);
  c->sleep_quality = 2;
  g_assert_true (md_factor_present (MD_FACTOR_POOR_SLEEP, c, NULL, NULL));
  c->sleep_quality = 3;
  c->sleep_min = 6 * 60 - 1;
  g_assert_true (md_factor_present (MD_FACTOR_POOR_SLEEP, c, NULL, NULL));

  c->caffeine_cups = 2;
  g_assert_false (md_factor_present (MD_FACTOR_HIGH_CAFFEINE, c, NULL, NULL));
  c->caffeine_mg = 300;
  g_assert_true (md_factor_present (MD_FACTOR_HIGH_CAFFEINE, c, NULL, NULL));

  c->water_glasses = 4;
  g_assert_false (md_factor_present (MD_FACTOR_LOW_WATER, c, NULL, NULL));
  c->water_glasses = 3;
  g_assert_true (md_factor_present (MD_FACTOR_LOW_WATER, c, NULL, NULL));

  c->hot_flashes = 0;
  g_assert_false (md_factor_present (MD_FACTOR_HOT_FLASHES, c, NULL, &answered));
  g_assert_true (answered);
  c->hot_flashes = 1;
  g_assert_true (md_factor_present (MD_FACTOR_HOT_FLASHES, c, NULL, NULL));
}

static void
test_regular_supplements (void)
{
  g_autoptr(GPtrArray) c = g_ptr_array_new_with_free_func ((GDestroyNotify) md_checkin_free);
  const char *a[] = { "zinc", "magnesium", NULL };
  const char *b[] = { "magnesium", "magnesium", NULL };
  g_auto(GStrv) regular = NULL;

  for (int d = 0; d < 4; d++)
    {
      MdCheckin *k = ci (D0 + d);

      if (d == 0)
        k->supplements = g_strdupv ((char **) a);
      else if (d == 1)
        k->supplements = g_strdupv ((char **) b);
      g_ptr_array_add (c, k);
    }
  /* magnesium 2 of 4 days (half counts), zinc 1 of 4; a name twice on a day counts once. */
  regular = md_stats_regular_supplements (CIS (c), D0, D0 + 3);
  g_assert_cmpuint (g_strv_length (regular), ==, 1);
  g_assert_cmpstr (regular[0], ==, "magnesium");
  g_clear_pointer (&regular, g_strfreev);
  /* Over days 1..3 magnesium is 1 of 3: not regular. */
  regular = md_stats_regular_supplements (CIS (c), D0 + 1, D0 + 3);
  g_assert_cmpuint (g_strv_length (regular), ==, 0);
}

static void
test_summary (void)
{
  g_autoptr(GPtrArray) e = episodes_new ();
  MdSummary s;

  /* 35-day range; twitching on days 0, 1, 2 (run of 3), 10, 30..33 (run of 4). */
  for (int d = 0; d < 3; d++)
    g_ptr_array_add (e, ep (D0 + d, 9, 0, 0, MD_SIDE_LEFT, 1, 60));
  g_ptr_array_add (e, ep (D0 + 10, 9, 0, 0, MD_SIDE_RIGHT, 1, 60));
  g_ptr_array_add (e, ep (D0 + 10, 19, 0, 0, MD_SIDE_BOTH, 1, 60));
  for (int d = 30; d < 34; d++)
    g_ptr_array_add (e, ep (D0 + d, 9, 0, 0, MD_SIDE_UNKNOWN, 1, 60));

  md_stats_summary (EPS (e), D0, D0 + 34, &s);
  g_assert_cmpuint (s.n_days, ==, 35);
  g_assert_cmpuint (s.episodes, ==, 9);
  g_assert_cmpuint (s.days_with_twitching, ==, 8);
  g_assert_cmpuint (s.longest_run_days, ==, 4);
  g_assert_cmpfloat_with_epsilon (s.per_week, 9 * 7.0 / 35, 1e-9);
  /* Last 28 days = days 7..34: 2 + 4 = 6 episodes. */
  g_assert_cmpfloat_with_epsilon (s.per_week_last4, 6 * 7.0 / 28, 1e-9);
  g_assert_cmpuint (s.sides[MD_SIDE_LEFT], ==, 3);
  g_assert_cmpuint (s.sides[MD_SIDE_RIGHT], ==, 1);
  g_assert_cmpuint (s.sides[MD_SIDE_BOTH], ==, 1);
  g_assert_cmpuint (s.sides[MD_SIDE_UNKNOWN], ==, 4);

  /* A 10-day range: the "last 4 weeks" are the whole 10 days. */
  md_stats_summary (EPS (e), D0, D0 + 9, &s);
  g_assert_cmpuint (s.episodes, ==, 3);
  g_assert_cmpfloat_with_epsilon (s.per_week_last4, 3 * 7.0 / 10, 1e-9);
  g_assert_cmpuint (s.longest_run_days, ==, 3);
}

static void
test_compute (void)
{
  g_autoptr(GPtrArray) e = episodes_new ();
  g_autoptr(MdStats) st = NULL;
  MdSeries *f;

  g_ptr_array_add (e, ep (D0 + 2, 9, 0, 2, MD_SIDE_LEFT, MD_BIT (MD_REGION_FOREHEAD), 60));
  g_ptr_array_add (e, ep (D0 + 2, 23, 30, -5, MD_SIDE_BOTH, MD_BIT (MD_REGION_CHEEK) | MD_BIT (MD_REGION_JAW), 120));
  g_ptr_array_add (e, ep (D0 + 4, 7, 0, 0, MD_SIDE_UNKNOWN, MD_BIT (MD_REGION_CHEEK), MD_UNKNOWN));
  st = md_stats_compute (EPS (e), NULL, 0, D0, D0 + 6);

  f = st->frequency;
  g_assert_cmpint (f->size, ==, MD_BUCKET_DAY);
  g_assert_cmpuint (f->n_buckets, ==, 7);
  g_assert_cmpfloat (f->values[2], ==, 2);
  g_assert_cmpfloat (f->values[4], ==, 1);
  g_assert_cmpfloat (f->values[3], ==, 0);
  g_assert_cmpfloat_with_epsilon (f->average[2], 2 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->average[6], 3 / 7.0, 1e-9);
  g_assert_cmpfloat (st->duration->values[2], ==, 180);
  g_assert_cmpfloat (st->duration->values[4], ==, 0);
  /* Sides: left, right, both, unknown. */
  g_assert_cmpfloat (st->sides->values[2 * 4 + 0], ==, 1);
  g_assert_cmpfloat (st->sides->values[2 * 4 + 2], ==, 1);
  g_assert_cmpfloat (st->sides->values[4 * 4 + 3], ==, 1);
  g_assert_cmpfloat (md_series_total (st->sides, 2), ==, 2);
  /* Regions: the cheek+jaw episode touches two groups. */
  g_assert_cmpfloat (md_series_total (st->regions, 2), ==, 3);
  g_assert_cmpfloat (st->regions->values[2 * MD_N_REGION_GROUPS + MD_REGION_GROUP_FOREHEAD], ==, 1);
  g_assert_cmpfloat (st->hours->values[23], ==, 1);
  g_assert_cmpfloat (st->hours->values[9], ==, 1);
  g_assert_cmpfloat (st->hours->values[7], ==, 1);
  g_assert_cmpuint (st->summary.episodes, ==, 3);
  g_assert_cmpuint (st->durations.n_unknown, ==, 1);
  g_assert_cmpfloat (st->durations.median_s, ==, 90);

  /* A year comes out in weeks. */
  g_clear_pointer (&st, md_stats_unref);
  st = md_stats_compute (EPS (e), NULL, 0, D0 - 357, D0 + 6);  /* 364 days */
  g_assert_cmpint (st->frequency->size, ==, MD_BUCKET_WEEK);
  g_assert_cmpuint (st->frequency->n_buckets, ==, 52);
  g_assert_cmpfloat (st->frequency->values[51], ==, 3);
  g_assert_cmpint (st->frequency->last_day[51], ==, D0 + 6);
  g_assert_cmpint (st->frequency->first_day[51], ==, D0);
  /* The 4-week average is a weekly rate over the days the last four buckets cover. */
  g_assert_cmpfloat_with_epsilon (st->frequency->average[51], 3 * 7 / 28.0, 1e-9);

  /* 129 days in weeks: the first bucket has 3 days; its average is a rate, not a total. */
  g_clear_pointer (&st, md_stats_unref);
  st = md_stats_compute (EPS (e), NULL, 0, D0 + 2, D0 + 130);
  g_assert_cmpint (st->frequency->size, ==, MD_BUCKET_WEEK);
  g_assert_cmpint (st->frequency->last_day[0] - st->frequency->first_day[0], ==, 3 - 1);
  g_assert_cmpfloat (st->frequency->values[0], ==, 3);
  g_assert_cmpfloat_with_epsilon (st->frequency->average[0], 3 * 7 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (st->frequency->average[1], 3 * 7 / 10.0, 1e-9);
}

static void
test_empty (void)
{
  g_autoptr(MdStats) st = md_stats_compute (NULL, 0, NULL, 0, D0, D0 + 89);
  g_autoptr(MdStats) one = md_stats_compute (NULL, 0, NULL, 0, D0, D0);

  g_assert_true (md_series_is_empty (st->frequency));
  g_assert_true (md_series_is_empty (st->sides));
  g_assert_true (md_series_is_empty (st->hours));
  g_assert_cmpuint (st->frequency->n_buckets, ==, 90);
  g_assert_cmpfloat (md_series_max_total (st->frequency), ==, 0);
  g_assert_cmpuint (st->summary.episodes, ==, 0);
  g_assert_cmpuint (st->summary.longest_run_days, ==, 0);
  g_assert_cmpfloat (st->summary.per_week, ==, 0);
  g_assert_cmpuint (st->durations.n_known, ==, 0);
  for (guint f = 0; f < MD_N_FACTORS; f++)
    g_assert_true (st->factors[f].too_little_data);
  g_assert_cmpuint (one->frequency->n_buckets, ==, 1);
  g_assert_cmpuint (one->summary.n_days, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/local-day-and-hour", test_local_day_and_hour);
  g_test_add_func ("/stats/negative-local-hour", test_negative_local_hour);
  g_test_add_func ("/stats/rolling-average", test_rolling_average);
  g_test_add_func ("/stats/bucket-choice", test_bucket_choice);
  g_test_add_func ("/stats/week-buckets", test_week_buckets);
  g_test_add_func ("/stats/durations", test_durations);
  g_test_add_func ("/stats/durations-median", test_durations_median);
  g_test_add_func ("/stats/select-nth", test_select_nth);
  g_test_add_func ("/stats/face-counts", test_face_counts);
  g_test_add_func ("/stats/factors", test_factors);
  g_test_add_func ("/stats/factor-thresholds", test_factor_thresholds);
  g_test_add_func ("/stats/regular-supplements", test_regular_supplements);
  g_test_add_func ("/stats/summary", test_summary);
  g_test_add_func ("/stats/compute", test_compute);
  g_test_add_func ("/stats/empty", test_empty);
  return g_test_run ();
}
