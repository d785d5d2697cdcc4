/* md-bench-data.c: a generated diary for benchmarks and screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "md-bench-data.h"

static guint
poisson (GRand  *rand,
         double  mean)
{
  double l = exp (-mean), p = 1;
  guint k = 0;

  do
    {
      k++;
      p *= g_rand_double (rand);
    }
  while (p > l && k < 1000);
  return k - 1;
}

static int
pick_hour (GRand *rand)
{
  /* Mornings and evenings are busier. */
  static const int weights[24] = { 1, 1, 1, 1, 1, 2, 4, 7, 9, 8, 6, 5, 5, 5, 5, 6, 7, 8, 9, 9, 8, 6, 3, 2 };
  int total = 0, r;

  for (int h = 0; h < 24; h++)
    total += weights[h];
  r = g_rand_int_range (rand, 0, total);
  for (int h = 0; h < 24; h++)
    {
      if (r < weights[h])
        return h;
      r -= weights[h];
    }
  return 12;
}

void
md_bench_generate (gint64      to_day,
                   guint       n_days,
                   double      per_day,
                   guint32     seed,
                   GPtrArray **episodes,
                   GPtrArray **checkins)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  static const char *supplements[] = { "magnesium", NULL };
  static const MdRegion regions[] = { MD_REGION_EYELID_LOWER, MD_REGION_EYELID_LOWER, MD_REGION_EYELID_UPPER,
                                      MD_REGION_AROUND_EYE, MD_REGION_CHEEK, MD_REGION_MOUTH_CORNER,
                                      MD_REGION_LIPS, MD_REGION_FOREHEAD, MD_REGION_CHIN, MD_REGION_JAW };

  *episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  *checkins = g_ptr_array_new_with_free_func ((GDestroyNotify) md_checkin_free);
  for (gint64 day = to_day - n_days + 1; day <= to_day; day++)
    {
      double phase = (double) (day % 120) / 120.0;
      double rate = per_day * (0.4 + 1.2 * sin (G_PI * phase) * sin (G_PI * phase));
      /* Summer time from about the end of March to the end of October. */
      int doy = (int) (((day % 365) + 365) % 365);
      gint32 offset = doy >= 87 && doy < 300 ? 7200 : 3600;
      MdCheckin *c = NULL;
      guint n;

      if (g_rand_double (rand) < 0.8)
        {
          c = md_checkin_new (day);
          c->sleep_min = g_rand_int_range (rand, 240, 540);
          c->sleep_quality = g_rand_int_range (rand, 1, 6);
          c->caffeine_cups = g_rand_int_range (rand, 0, 5);
          c->water_glasses = g_rand_double (rand) < 0.3 ? MD_UNKNOWN : g_rand_int_range (rand, 1, 10);
          c->stress = g_rand_int_range (rand, 0, 11);
          c->hot_flashes = g_rand_double (rand) < 0.6 ? 0 : g_rand_int_range (rand, 1, 8);
          if (g_rand_double (rand) < 0.85)
            c->supplements = g_strdupv ((char **) supplements);
          if (c->sleep_min < 360)
            rate *= 1.6;
          if (c->stress >= 7)
            rate *= 1.3;
          g_ptr_array_add (*checkins, c);
        }
      n = poisson (rand, rate);
      for (guint i = 0; i < n; i++)
        {
          MdEpisode *e = md_episode_new ();
          double side = g_rand_double (rand);

          e->utc_offset_s = offset;
          e->start_utc = day * 86400 + pick_hour (rand) * 3600 + g_rand_int_range (rand, 0, 3600) - offset;
          e->regions = MD_BIT (regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (regions))]);
          e->side = side < 0.6 ? MD_SIDE_LEFT : side < 0.8 ? MD_SIDE_RIGHT : side < 0.9 ? MD_SIDE_BOTH : MD_SIDE_UNKNOWN;
          e->duration_s = g_rand_double (rand) < 0.12 ? MD_UNKNOWN
                          : (gint64) (5 + 90 * -log (1 - g_rand_double (rand)));
          e->intensity = g_rand_int_range (rand, 1, 8);
          g_ptr_array_add (*episodes, e);
        }
    }
}
