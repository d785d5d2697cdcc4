/* bench-charts.c: drawing each chart from ten years of diary, against raw Cairo drawing of
 * as many rectangles as there are episodes, in the same run. Target: under 4 ms a chart. */
#include "config.h"

#include "md-bench-data.h"
#include "md-chart.h"

#include <stdlib.h>

#define TARGET_MS 4.0
#define ROUNDS    20

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of ROUNDS timings: steadier than the mean on a shared machine. */
static double
median (double *ms)
{
  qsort (ms, ROUNDS, sizeof (double), (int (*) (const void *, const void *)) cmp_double);
  return ms[ROUNDS / 2];
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(MdStats) stats = NULL;
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  gint64 to_day = 20400;
  guint n_days = 3652;
  double t0, raw_ms, stats_ms;
  gboolean all_ok = TRUE;
  double times[ROUNDS];

  md_bench_generate (to_day, n_days, 10.5, 7, &episodes, &checkins);
  t0 = now_ms ();
  stats = md_stats_compute ((MdEpisode * const *) episodes->pdata, episodes->len,
                            (MdCheckin * const *) checkins->pdata, checkins->len,
                            to_day - n_days + 1, to_day);
  stats_ms = now_ms () - t0;
  g_print ("bench-charts: %u episodes, %u check-ins over %u days; stats computed once in %.1f ms\n",
           episodes->len, checkins->len, n_days, stats_ms);

  /* Baseline: one rectangle per episode, filled one by one, like a naive chart would. */
  for (guint r = 0; r < ROUNDS; r++)
    {
      t0 = now_ms ();
      for (guint i = 0; i < episodes->len; i++)
        {
          cairo_set_source_rgb (cr, 0.2, 0.5, 0.9);
          cairo_rectangle (cr, i % 1280, (i / 1280) % 700, 1, 20);
          cairo_fill (cr);
        }
      times[r] = now_ms () - t0;
    }
  raw_ms = median (times);
  g_print ("bench-charts: raw cairo, %u rectangle+fill: %.2f ms\n", episodes->len, raw_ms);

  /* Warm the font caches once, as a window would have. */
  md_chart_draw (cr, MD_CHART_FREQUENCY, stats, style, 1280, 720, -1);
  for (guint k = 0; k < MD_N_CHART_KINDS; k++)
    {
      double ms;

      if (!md_chart_kind_available (k))
        continue;
      for (guint r = 0; r < ROUNDS; r++)
        {
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          t0 = now_ms ();
          md_chart_draw (cr, k, stats, style, 1280, 720, -1);
          times[r] = now_ms () - t0;
        }
      ms = median (times);
      all_ok = all_ok && ms < TARGET_MS;
      g_print ("bench-charts: %-12s %6.2f ms per chart (median), ratio to raw %.2f%s\n",
               md_chart_kind_id (k), ms, ms / raw_ms, ms < TARGET_MS ? "" : "  (over the 4 ms target)");
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_print ("bench-charts: %s\n", all_ok ? "every chart under 4 ms" : "some chart over 4 ms");
  return 0;
}
