/* chart-shots.c: every chart, light and dark, small and wide, from a generated year.
 * Usage: chart-shots OUTPUT-DIR [DAYS]. For looking at, not for tests. */
#include "config.h"

#include <stdlib.h>

#include "md-bench-data.h"
#include "md-chart.h"

int
main (int argc, char **argv)
{
  static const int sizes[][2] = { { 360, 300 }, { 1600, 600 } };
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(MdStats) stats = NULL;
  gint64 to_day = 20400;
  guint n_days = argc > 2 ? (guint) atoi (argv[2]) : 365;

  if (argc < 2)
    return 2;
  md_bench_generate (to_day, n_days, 1.5, 42, &episodes, &checkins);
  stats = md_stats_compute ((MdEpisode * const *) episodes->pdata, episodes->len,
                            (MdCheckin * const *) checkins->pdata, checkins->len,
                            to_day - n_days + 1, to_day);
  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(MdDrawStyle) style = md_draw_style_new_default (dark);

      for (guint k = 0; k < MD_N_CHART_KINDS; k++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            g_autoptr(GError) error = NULL;
            g_autofree char *name = g_strdup_printf ("%s/%s-%s-%dx%d.png", argv[1], md_chart_kind_id (k),
                                                     dark ? "dark" : "light", sizes[s][0], sizes[s][1]);

            if (!md_chart_kind_available (k))
              continue;
            if (!md_chart_save (k, stats, style, sizes[s][0], sizes[s][1], name, &error))
              g_printerr ("%s\n", error->message);
          }
    }
  for (guint k = 0; k < MD_N_CHART_KINDS; k++)
    {
      g_autofree char *text = md_chart_describe (k, stats);

      g_print ("%s: %s\n", md_chart_kind_id (k), text);
    }
  return 0;
}
