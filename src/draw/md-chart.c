/* md-chart.c: layout and drawing of the bar charts.
 *
 * One layout function per chart shape (columns over time or hours; rows for the triggers)
 * serves both the drawing and the hit test. Text is measured with Pango in a context made
 * from the default Cairo font map, so a layout never depends on the surface it ends on.
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
#define LINE_RUN 24

/* Text. */

void
md_chart_text_init (MdChartText       *t,
                    const MdDrawStyle *style)
{
  PangoFontMetrics *metrics;

  t->ctx = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  t->font = pango_font_description_from_string (style->font_family != NULL ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (t->font, MAX (style->font_size, 4.0) * PANGO_SCALE);
  pango_context_set_font_description (t->ctx, t->font);
  metrics = pango_context_get_metrics (t->ctx, t->font, NULL);
  t->line_h = (double) (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics)) / PANGO_SCALE;
  pango_font_metrics_unref (metrics);
}

void
md_chart_text_clear (MdChartText *t)
{
  g_clear_object (&t->ctx);
  g_clear_pointer (&t->font, pango_font_description_free);
}

PangoLayout *
md_chart_text_layout (MdChartText *t,
                      const char  *text,
                      double      *w,
                      double      *h)
{
  PangoLayout *layout = pango_layout_new (t->ctx);
  int pw, ph;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &pw, &ph);
  if (w != NULL)
    *w = pw;
  if (h != NULL)
    *h = ph;
  return layout;
}

double
md_chart_text_width (MdChartText *t,
                     const char  *text)
{
  double w;
  g_autoptr(PangoLayout) layout = md_chart_text_layout (t, text, &w, NULL);

  return w;
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Colours. */

void
md_chart_set_rgba (cairo_t      *cr,
                   const MdRgba *c,
                   double        alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a * alpha);
}

/* Secondary text: the foreground a little towards the background, still well readable. */
static void
set_secondary (cairo_t           *cr,
               const MdDrawStyle *s)
{
  cairo_set_source_rgba (cr,
                         0.75 * s->foreground.r + 0.25 * s->background.r,
                         0.75 * s->foreground.g + 0.25 * s->background.g,
                         0.75 * s->foreground.b + 0.25 * s->background.b, 1);
}

/* Legend: items flow left to right and wrap into rows. */

static double
legend_height (MdChartText            *t,
               const MdChartLegendItem *items,
               guint                    n,
               double                   width)
{
  double x = 0, box = t->line_h * 0.8;
  guint rows = n > 0 ? 1 : 0;

  for (guint i = 0; i < n; i++)
    {
      double w = (items[i].swatch != MD_SWATCH_NONE ? box + 4 : 0) + md_chart_text_width (t, items[i].label);

      if (x > 0 && x + w > width)
        {
          rows++;
          x = 0;
        }
      x += w + 2 * PAD;
    }
  return rows * (t->line_h + 2) + (rows > 0 ? PAD : 0);
}

static void
draw_legend (cairo_t                 *cr,
             MdChartText             *t,
             const MdDrawStyle       *s,
             const MdChartLegendItem *items,
             guint                    n,
             double                   width)
{
  double x = 0, y = 0, box = t->line_h * 0.8;

  for (guint i = 0; i < n; i++)
    {
      double tw, th;
      g_autoptr(PangoLayout) layout = md_chart_text_layout (t, items[i].label, &tw, &th);
      double w = (items[i].swatch != MD_SWATCH_NONE ? box + 4 : 0) + tw;

      if (x > 0 && x + w > width)
        {
          x = 0;
          y += t->line_h + 2;
        }
      if (items[i].swatch == MD_SWATCH_BOX)
        {
          md_chart_set_rgba (cr, &items[i].colour, 1);
          cairo_rectangle (cr, x, y + (t->line_h - box) / 2, box, box);
          cairo_fill (cr);
        }
      else if (items[i].swatch == MD_SWATCH_LINE)
        {
          md_chart_set_rgba (cr, &items[i].colour, 1);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, x, y + t->line_h / 2);
          cairo_line_to (cr, x + box, y + t->line_h / 2);
          cairo_stroke (cr);
        }
      if (items[i].swatch != MD_SWATCH_NONE)
        x += box + 4;
      set_secondary (cr, s);
      show (cr, layout, x, y + (t->line_h - th) / 2);
      x += tw + 2 * PAD;
    }
}

/* Columns: bars over time or hours. */

static void
format_tick (const MdChartSpec *spec,
             double             value,
             char              *buf,
             gsize              len)
{
  g_autofree char *n = md_format_number (value);

  g_strlcpy (buf, n, len);
}

/* A short first week has too few days for a fair average: the line starts after it. */
static guint
average_start (const MdSeries *s)
{
  if (s->size == MD_BUCKET_WEEK && s->n_buckets > 1 && s->last_day[0] - s->first_day[0] < 6)
    return 1;
  return 0;
}

void
md_chart_columns_layout (const MdChartSpec *spec,
                         MdChartText       *t,
                         double             width,
                         double             height,
                         MdChartLayout     *out)
{
  const MdSeries *s = spec->series;
  double max_value = 0, left = 0, plot_h;
  guint max_ticks;
  char buf[64];

  memset (out, 0, sizeof *out);
  out->width = width;
  out->height = height;
  out->legend_h = legend_height (t, spec->legend, spec->n_legend, width);
  out->py = out->legend_h + t->line_h / 2;
  /* Dates get a second line for the year. */
  plot_h = height - out->py - ((s->size == MD_BUCKET_HOUR ? 1 : 2) * t->line_h + PAD);
  out->ph = MAX (plot_h, 1);

  for (guint b = 0; b < s->n_buckets; b++)
    {
      max_value = MAX (max_value, md_series_total (s, b) / spec->unit);
      if (spec->show_average && s->average != NULL && b >= average_start (s))
        max_value = MAX (max_value, s->average[b] / spec->unit);
    }
  max_ticks = (guint) CLAMP (out->ph / (t->line_h * 2.2), 1, 8);
  md_ticks_nice (max_value, max_ticks, spec->integer, &out->ticks);
  for (guint i = 0; i < out->ticks.n_ticks; i++)
    {
      format_tick (spec, i * out->ticks.step, buf, sizeof buf);
      left = MAX (left, md_chart_text_width (t, buf));
    }
  out->px = left + PAD;
  out->pw = MAX (width - out->px - PAD / 2, 1);
  md_bands_init (&out->bands, out->px, out->pw, s->n_buckets, 1.0);
  /* Thin bands get no gap, so bars stay visible and evenly spaced. */
  md_bands_init (&out->bands, out->px, out->pw, s->n_buckets, out->bands.band >= 4 ? 0.8 : 1.0);
}

static char *
bucket_label (const MdSeries *s,
              guint           b)
{
  g_autoptr(GDateTime) dt = NULL;

  if (s->size == MD_BUCKET_HOUR)
    return g_strdup_printf ("%02u", b);
  dt = g_date_time_new_from_unix_utc (s->first_day[b] * 86400);
  /* TRANSLATORS: a short date on a chart axis, see g_date_time_format(). */
  return g_date_time_format (dt, _("%-d %b"));
}

static int
year_of (gint64 day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day * 86400);

  return g_date_time_get_year (dt);
}

/* Draws on @cr when not NULL; records the box in @boxes when not NULL (for tests). */
static void
put_text (cairo_t     *cr,
          GArray      *boxes,
          PangoLayout *layout,
          double       x,
          double       y,
          double       w,
          double       h)
{
  if (cr != NULL)
    show (cr, layout, x, y);
  if (boxes != NULL)
    g_array_append_val (boxes, ((MdChartBox) { x, y, w, h }));
}

static void
draw_year (cairo_t     *cr,
           GArray      *boxes,
           MdChartText *t,
           int          year,
           double       x,
           double       y,
           double      *right_edge,
           double       left,
           double       width)
{
  g_autofree char *text = g_strdup_printf ("%d", year);
  double w, h;
  g_autoptr(PangoLayout) layout = md_chart_text_layout (t, text, &w, &h);

  x = CLAMP (x, left, width - w);
  if (x + w > *right_edge - PAD)
    return;
  put_text (cr, boxes, layout, x, y, w, h);
  *right_edge = x;
}

void
md_chart_columns_x_labels (cairo_t             *cr,
                           GArray              *boxes,
                           MdChartText          *t,
               const MdChartLayout  *l,
               const MdSeries       *s)
{
  static const guint day_strides[] = { 1, 2, 7, 14, 28, 56, 91, 182, 364 };
  static const guint week_strides[] = { 1, 2, 4, 8, 13, 26, 52, 104, 260, 520 };
  static const guint hour_strides[] = { 1, 2, 3, 4, 6, 12, 24 };
  const guint *nice = s->size == MD_BUCKET_DAY ? day_strides : s->size == MD_BUCKET_WEEK ? week_strides : hour_strides;
  guint n_nice = s->size == MD_BUCKET_DAY ? G_N_ELEMENTS (day_strides) :
                 s->size == MD_BUCKET_WEEK ? G_N_ELEMENTS (week_strides) : G_N_ELEMENTS (hour_strides);
  g_autoptr(GDateTime) sample_day = g_date_time_new_utc (2025, 9, 28, 0, 0, 0);
  /* A sample label in the language shown (the same format as bucket_label). */
  g_autofree char *sample_text = s->size == MD_BUCKET_HOUR ? g_strdup ("00")
                                 : g_date_time_format (sample_day, _("%-d %b"));
  double sample = md_chart_text_width (t, sample_text);
  guint stride = md_label_stride (l->bands.band, sample, PAD * 2, nice, n_nice);
  double y = l->py + l->ph + PAD / 2;
  double right_edge = G_MAXDOUBLE;  /* left edge of the label drawn last (to the right) */
  gboolean hours = s->size == MD_BUCKET_HOUR;

  /* Time runs to the latest bucket, which always keeps its label; hours start at 00. Going
   * right to left, a label is skipped when it would come too close to the one drawn before. */
  int year_x = -1, year = 0;
  double year_right = G_MAXDOUBLE;

  for (int b = (int) s->n_buckets - 1; b >= 0; b--)
    {
      guint from_anchor = hours ? (guint) b : s->n_buckets - 1 - (guint) b;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double w, h, x;

      if (from_anchor % stride != 0)
        continue;
      text = bucket_label (s, b);
      layout = md_chart_text_layout (t, text, &w, &h);
      /* Right of the y labels, inside the chart. */
      x = CLAMP (md_bands_centre (&l->bands, b) - w / 2, l->px, l->width - w);
      if (x + w > right_edge - PAD)
        continue;
      put_text (cr, boxes, layout, x, y, w, h);
      right_edge = x;
      if (!hours)
        {
          /* The year goes under the leftmost label of each year. */
          int this_year = year_of (s->first_day[b]);

          if (year_x >= 0 && this_year != year)
            draw_year (cr, boxes, t, year, year_x, y + t->line_h, &year_right, l->px, l->width);
          year = this_year;
          year_x = (int) x;
        }
    }
  if (year_x >= 0)
    draw_year (cr, boxes, t, year, year_x, y + t->line_h, &year_right, l->px, l->width);
}

void
md_chart_columns_y_labels (cairo_t             *cr,
                           GArray              *boxes,
                           MdChartText         *t,
             const MdDrawStyle   *style,
             const MdChartSpec   *spec,
             const MdChartLayout *l)
{
  char buf[64];

  if (cr != NULL)
    cairo_set_line_width (cr, 1);
  for (guint i = 0; i < l->ticks.n_ticks; i++)
    {
      double v = i * l->ticks.step;
      double y = round (md_ticks_map (&l->ticks, v, l->py + l->ph, l->py)) + 0.5;
      g_autoptr(PangoLayout) layout = NULL;
      double w, h;

      if (cr != NULL)
        {
          md_chart_set_rgba (cr, &style->muted, i == 0 ? 0.9 : 0.35);
          cairo_move_to (cr, l->px, y);
          cairo_line_to (cr, l->px + l->pw, y);
          cairo_stroke (cr);
          set_secondary (cr, style);
        }
      format_tick (spec, v, buf, sizeof buf);
      layout = md_chart_text_layout (t, buf, &w, &h);
      put_text (cr, boxes, layout, l->px - PAD / 2 - w, CLAMP (y - h / 2, 0, l->height - h), w, h);
    }
}

static void
draw_empty_text (cairo_t           *cr,
                 MdChartText       *t,
                 const MdDrawStyle *style,
                 double             width,
                 double             height,
                 const char        *text)
{
  double w, h;
  g_autoptr(PangoLayout) layout = md_chart_text_layout (t, text, &w, &h);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  {
    int pw, ph;

    pango_layout_get_pixel_size (layout, &pw, &ph);
    h = ph;
  }
  set_secondary (cr, style);
  show (cr, layout, 0, (height - h) / 2);
}

static void
draw_empty (cairo_t           *cr,
            MdChartText       *t,
            const MdDrawStyle *style,
            double             width,
            double             height)
{
  draw_empty_text (cr, t, style, width, height, _("Nothing logged in this period"));
}

void
md_chart_draw_empty_text (cairo_t           *cr,
                          MdChartText       *t,
                          const MdDrawStyle *style,
                          double             width,
                          double             height,
                          const char        *text)
{
  draw_empty_text (cr, t, style, width, height, text);
}

void
md_chart_draw_columns (cairo_t           *cr,
                       const MdChartSpec *spec,
                       const MdDrawStyle *style,
                       double             width,
                       double             height,
                       int                highlight)
{
  const MdSeries *s = spec->series;
  MdChartText t;
  MdChartLayout l;
  double base;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  md_chart_text_init (&t, style);
  if (md_series_is_empty (s))
    {
      draw_empty (cr, &t, style, width, height);
      goto out;
    }
  md_chart_columns_layout (spec, &t, width, height, &l);
  draw_legend (cr, &t, style, spec->legend, spec->n_legend, width);
  md_chart_columns_y_labels (cr, NULL, &t, style, spec, &l);
  md_chart_columns_x_labels (cr, NULL, &t, &l, s);

  base = round (l.py + l.ph);
  if (highlight >= 0 && (guint) highlight < s->n_buckets)
    {
      md_chart_set_rgba (cr, &style->foreground, 0.12);
      cairo_rectangle (cr, l.px + l.bands.band * highlight, l.py, l.bands.band, l.ph);
      cairo_fill (cr);
    }
  /* One path and one fill per series colour: thousands of bars stay cheap. */
  for (guint k = 0; k < s->n_series; k++)
    {
      for (guint b = 0; b < s->n_buckets; b++)
        {
          double x0 = round (md_bands_bar_start (&l.bands, b));
          double x1 = MAX (round (md_bands_bar_start (&l.bands, b) + l.bands.bar), x0 + 1);
          double v = s->values[b * s->n_series + k] / spec->unit;
          double acc = 0, y0, y1;

          if (v <= 0)
            continue;
          for (guint j = 0; j < k; j++)
            acc += s->values[b * s->n_series + j] / spec->unit;
          y0 = round (md_ticks_map (&l.ticks, acc, base, l.py));
          y1 = round (md_ticks_map (&l.ticks, acc + v, base, l.py));
          if (y0 - y1 < 1)
            y1 = y0 - 1;  /* a value above zero always shows */
          cairo_rectangle (cr, x0, y1, x1 - x0, y0 - y1);
        }
      md_chart_set_rgba (cr, &spec->colours[k], 1);
      cairo_fill (cr);
    }
  if (spec->show_average && s->average != NULL && s->n_buckets > 1)
    {
      cairo_set_line_width (cr, MAX (1.5, style->font_size / 6));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      md_chart_set_rgba (cr, &spec->line_colour, 1);
      /* At most a point every 3 units (finer is not seen), in short runs: one long path is
       * slow to tessellate, single segments cost a stroke each. Runs share their end points. */
      guint step = (guint) MAX (1, ceil (3.0 / l.bands.band));
      guint first = average_start (s), n_points = 0;

      for (guint b = first; ; b = MIN (b + step, s->n_buckets - 1))
        {
          double x = md_bands_centre (&l.bands, b);
          double y = md_ticks_map (&l.ticks, s->average[b] / spec->unit, base, l.py);

          cairo_line_to (cr, x, y);
          if (++n_points % LINE_RUN == 0)
            {
              cairo_stroke (cr);
              cairo_move_to (cr, x, y);
            }
          if (b == s->n_buckets - 1)
            break;  /* the line always ends on the last bucket */
        }
      cairo_stroke (cr);
    }
out:
  md_chart_text_clear (&t);
  cairo_restore (cr);
}

int
md_chart_columns_hit (const MdChartSpec *spec,
                      const MdDrawStyle *style,
                      double             width,
                      double             height,
                      double             x,
                      double             y)
{
  MdChartText t;
  MdChartLayout l;

  if (md_series_is_empty (spec->series) || x < 0 || y < 0 || x >= width || y >= height)
    return -1;
  md_chart_text_init (&t, style);
  md_chart_columns_layout (spec, &t, width, height, &l);
  md_chart_text_clear (&t);
  if (y < l.py || y > l.py + l.ph)
    return -1;
  return md_bands_hit (&l.bands, x);
}

/* Shared pieces for the triggers chart (md-chart-triggers.c). */

void
md_chart_draw_legend (cairo_t                 *cr,
                      MdChartText             *t,
                      const MdDrawStyle       *style,
                      const MdChartLegendItem *items,
                      guint                    n,
                      double                   width)
{
  draw_legend (cr, t, style, items, n, width);
}

double
md_chart_legend_height (MdChartText             *t,
                        const MdChartLegendItem *items,
                        guint                    n,
                        double                   width)
{
  return legend_height (t, items, n, width);
}

void
md_chart_draw_empty (cairo_t           *cr,
                     MdChartText       *t,
                     const MdDrawStyle *style,
                     double             width,
                     double             height)
{
  draw_empty (cr, t, style, width, height);
}

void
md_chart_set_secondary (cairo_t           *cr,
                        const MdDrawStyle *style)
{
  set_secondary (cr, style);
}

void
md_chart_show (cairo_t     *cr,
               PangoLayout *layout,
               double       x,
               double       y)
{
  show (cr, layout, x, y);
}
