/* md-chart-face.c: the face map as a chart: each region per side shaded by how often it
 * twitched. The drawing itself is md-face-map's, the same as the log form's.
 *
 * Items (for hover and keyboard focus) are region × side: index = side * MD_N_REGIONS + region,
 * side 0 = her left, 1 = her right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "md-chart-private.h"
#include "md-chart.h"
#include "md-face-map.h"

static guint
face_max (const MdStats *stats)
{
  guint max = 0;

  for (guint r = 0; r < MD_N_REGIONS; r++)
    max = MAX (max, MAX (stats->face.left[r], stats->face.right[r]));
  return max;
}

void
md_chart_face_values (const MdStats   *stats,
                      MdFaceMapValues *values,
                      int              highlight)
{
  guint max = face_max (stats);

  md_face_map_values_init (values, MD_FACE_MAP_HEAT);
  for (guint r = 0; r < MD_N_REGIONS && max > 0; r++)
    {
      values->heat_left[r] = (double) stats->face.left[r] / max;
      values->heat_right[r] = (double) stats->face.right[r] / max;
    }
  if (highlight >= 0 && highlight < 2 * MD_N_REGIONS)
    {
      values->focus_region = highlight % MD_N_REGIONS;
      values->focus_side = highlight < MD_N_REGIONS ? MD_SIDE_LEFT : MD_SIDE_RIGHT;
    }
}

void
md_chart_draw_face (cairo_t           *cr,
                    const MdStats     *stats,
                    const MdDrawStyle *style,
                    double             width,
                    double             height,
                    int                highlight)
{
  MdFaceMapValues values;
  g_autofree char *high = NULL;

  g_return_if_fail (cr != NULL && stats != NULL && style != NULL);

  if (md_chart_is_empty (MD_CHART_FACE, stats))
    {
      MdChartText t;

      md_chart_text_init (&t, style);
      md_chart_draw_empty (cr, &t, style, width, height);
      md_chart_text_clear (&t);
      return;
    }
  md_chart_face_values (stats, &values, highlight);
  values.legend_low = _("None");
  high = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u episode", "%u episodes", face_max (stats)), face_max (stats));
  values.legend_high = high;
  md_face_map_draw (cr, width, height, style, &values);
}

int
md_chart_face_hit (const MdStats *stats,
                   double         width,
                   double         height,
                   double         x,
                   double         y)
{
  MdRegion region;
  MdSide side;

  if (md_chart_is_empty (MD_CHART_FACE, stats) || !md_face_map_hit (width, height, x, y, &region, &side))
    return -1;
  return (side == MD_SIDE_LEFT ? 0 : MD_N_REGIONS) + (int) region;
}

char *
md_chart_face_item_text (const MdStats *stats,
                         guint          index)
{
  MdRegion region = index % MD_N_REGIONS;
  gboolean left = index < MD_N_REGIONS;
  guint n = left ? stats->face.left[region] : stats->face.right[region];

  g_return_val_if_fail (index < 2 * MD_N_REGIONS, NULL);
  return g_strdup_printf (left ? g_dngettext (GETTEXT_PACKAGE, "%s, your left: %u episode", "%s, your left: %u episodes", n)
                               : g_dngettext (GETTEXT_PACKAGE, "%s, your right: %u episode", "%s, your right: %u episodes", n),
                          md_region_label (region), n);
}

char *
md_chart_face_describe (const MdStats *stats)
{
  guint best = 0, best_n = 0, left = 0, right = 0, unknown = 0;

  if (md_chart_is_empty (MD_CHART_FACE, stats))
    return g_strdup (_("Nothing logged in this period."));
  for (guint i = 0; i < 2 * MD_N_REGIONS; i++)
    {
      guint n = i < MD_N_REGIONS ? stats->face.left[i] : stats->face.right[i - MD_N_REGIONS];

      if (n > best_n)
        {
          best = i;
          best_n = n;
        }
    }
  for (guint r = 0; r < MD_N_REGIONS; r++)
    {
      left += stats->face.left[r];
      right += stats->face.right[r];
      unknown += stats->face.unknown[r];
    }
  {
    g_autofree char *most = md_chart_face_item_text (stats, best);

    /* Translators: the accessible summary of the face map; the first %s is e.g. "Lower eyelid, your left: 12 episodes". */
    return g_strdup_printf (_("Face map. Most often: %s. Region counts on your left add up to %u, on your right to %u, "
                              "and %u more with the side not recorded."), most, left, right, unknown);
  }
}
