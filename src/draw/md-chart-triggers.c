/* md-chart-triggers.c: episodes per day on days with and without each factor.
 *
 * One row per factor: its name, then two bars (with, without) and "rate · n days" after each.
 * Where a group has too few days the row says so instead of drawing bars.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "md-chart-private.h"

#define PAD 6.0

static void
legend_items (const MdDrawStyle *style,
              MdChartLegendItem  items[3])
{
  items[0] = (MdChartLegendItem) { MD_SWATCH_NONE, style->foreground, _("Episodes per day:") };
  items[1] = (MdChartLegendItem) { MD_SWATCH_BOX, style->accent, _("days with it") };
  items[2] = (MdChartLegendItem) { MD_SWATCH_BOX, style->muted, _("days without it") };
}

static char *
value_text (double rate,
            guint  days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.1f · %u day", "%.1f · %u days", days), rate, days);
}

void
md_chart_triggers_layout (const MdStats *stats,
                          MdChartText   *t,
                          double         width,
                          double         height,
                          MdChartLayout *out)
{
  MdChartLegendItem items[3];
  double max_rate = 0, label_w = 0, value_w, tick_w;
  guint max_ticks;

  memset (out, 0, sizeof *out);
  out->width = width;
  out->height = height;
  legend_items (&(MdDrawStyle) { 0 }, items);
  out->legend_h = md_chart_legend_height (t, items, G_N_ELEMENTS (items), width);
  for (guint f = 0; f < MD_N_FACTORS; f++)
    {
      label_w = MAX (label_w, md_chart_text_width (t, md_factor_label (f)));
      if (!stats->factors[f].too_little_data)
        max_rate = MAX (max_rate, MAX (stats->factors[f].rate_with, stats->factors[f].rate_without));
    }
  out->label_w = MIN (label_w, width * 0.38);
  {
    /* The widest value a bar can carry, in the language shown. */
    g_autofree char *widest = value_text (88.8, 8888);

    value_w = md_chart_text_width (t, widest);
  }
  out->px = out->label_w + PAD;
  out->pw = MAX (width - out->px - value_w - PAD, 1);
  out->py = out->legend_h;
  out->ph = MAX (height - out->py - t->line_h - PAD, 1);
  tick_w = md_chart_text_width (t, "0.00");
  max_ticks = (guint) CLAMP (out->pw / (tick_w * 2.5), 1, 8);
  md_ticks_nice (max_rate, max_ticks, FALSE, &out->ticks);
  md_bands_init (&out->bands, out->py, out->ph, MD_N_FACTORS, 0.84);
}

void
md_chart_draw_triggers (cairo_t           *cr,
                        const MdStats     *stats,
                        const MdDrawStyle *style,
                        double             width,
                        double             height,
                        int                highlight)
{
  MdChartLegendItem items[3];
  MdChartText t;
  MdChartLayout l;
  double right_edge = -G_MAXDOUBLE;

  g_return_if_fail (cr != NULL && stats != NULL && style != NULL);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  md_chart_text_init (&t, style);
  if (md_chart_is_empty (MD_CHART_TRIGGERS, stats))
    {
      md_chart_draw_empty_text (cr, &t, style, width, height, _(MD_CHART_NO_CHECKINS));
      goto out;
    }
  md_chart_triggers_layout (stats, &t, width, height, &l);
  legend_items (style, items);
  md_chart_draw_legend (cr, &t, style, items, G_N_ELEMENTS (items), width);

  /* Vertical grid and the rate axis at the bottom. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < l.ticks.n_ticks; i++)
    {
      double v = i * l.ticks.step;
      double x = round (md_ticks_map (&l.ticks, v, l.px, l.px + l.pw)) + 0.5;
      g_autofree char *text = md_format_number (v);
      double w;
      g_autoptr(PangoLayout) layout = md_chart_text_layout (&t, text, &w, NULL);
      double lx = CLAMP (x - w / 2, 0, width - w);

      md_chart_set_rgba (cr, &style->muted, i == 0 ? 0.9 : 0.35);
      cairo_move_to (cr, x, l.py);
      cairo_line_to (cr, x, l.py + l.ph);
      cairo_stroke (cr);
      if (lx < right_edge + PAD)
        continue;
      md_chart_set_secondary (cr, style);
      md_chart_show (cr, layout, lx, l.py + l.ph + PAD / 2);
      right_edge = lx + w;
    }

  for (guint f = 0; f < MD_N_FACTORS; f++)
    {
      const MdFactorComparison *c = &stats->factors[f];
      /* Bars no thicker than a line and a half of text, centred in the row. */
      double half = MIN (l.bands.bar / 2, t.line_h * 1.5);
      double top = md_bands_centre (&l.bands, f) - half;
      double lh;
      g_autoptr(PangoLayout) label = md_chart_text_layout (&t, md_factor_label (f), NULL, &lh);

      pango_layout_set_width (label, (int) (l.label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      if (highlight >= 0 && (guint) highlight / 2 == f)
        {
          md_chart_set_rgba (cr, &style->foreground, 0.12);
          cairo_rectangle (cr, 0, top + (highlight % 2) * half, width, half);
          cairo_fill (cr);
        }
      md_chart_set_rgba (cr, &style->foreground, 1);
      md_chart_show (cr, label, 0, top + half - lh / 2);
      if (c->too_little_data)
        {
          double nh;
          g_autoptr(PangoLayout) note = md_chart_text_layout (&t, _("Not enough data yet"), NULL, &nh);

          md_chart_set_secondary (cr, style);
          md_chart_show (cr, note, l.px + PAD, top + half - nh / 2);
          continue;
        }
      for (guint k = 0; k < 2; k++)
        {
          double rate = k == 0 ? c->rate_with : c->rate_without;
          guint days = k == 0 ? c->days_with : c->days_without;
          double y0 = round (top + k * half + 1), y1 = round (top + (k + 1) * half - 1);
          double x1 = round (md_ticks_map (&l.ticks, rate, l.px, l.px + l.pw));
          g_autofree char *text = value_text (rate, days);
          double tw, th;
          g_autoptr(PangoLayout) layout = md_chart_text_layout (&t, text, &tw, &th);

          if (rate > 0 && x1 - l.px < 1)
            x1 = l.px + 1;
          md_chart_set_rgba (cr, k == 0 ? &style->accent : &style->muted, 1);
          cairo_rectangle (cr, l.px, y0, x1 - l.px, MAX (y1 - y0, 1));
          cairo_fill (cr);
          /* The figure sits after its bar when both figures fit in the row. */
          if (th <= half + 2)
            {
              md_chart_set_secondary (cr, style);
              md_chart_show (cr, layout, x1 + PAD / 2, (y0 + y1) / 2 - th / 2);
            }
        }
    }
out:
  md_chart_text_clear (&t);
  cairo_restore (cr);
}

int
md_chart_triggers_hit (const MdStats     *stats,
                       const MdDrawStyle *style,
                       double             width,
                       double             height,
                       double             x,
                       double             y)
{
  MdChartText t;
  MdChartLayout l;
  int row;

  if (md_chart_is_empty (MD_CHART_TRIGGERS, stats) || x < 0 || x >= width || y < 0 || y >= height)
    return -1;
  md_chart_text_init (&t, style);
  md_chart_triggers_layout (stats, &t, width, height, &l);
  md_chart_text_clear (&t);
  row = md_bands_hit (&l.bands, y);
  if (row < 0)
    return -1;
  return row * 2 + (y >= md_bands_centre (&l.bands, row) ? 1 : 0);
}
