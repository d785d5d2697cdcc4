/* md-chart-kinds.c: the chart kinds: what each one shows, its texts and its hit test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "md-chart-private.h"

static const char *kind_ids[MD_N_CHART_KINDS] = {
  "frequency", "duration", "face", "sides", "regions", "time-of-day", "triggers", "mrs",
};

const char *
md_chart_kind_id (MdChartKind kind)
{
  g_return_val_if_fail (kind < MD_N_CHART_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
md_chart_kind_from_id (const char  *id,
                       MdChartKind *out)
{
  for (guint k = 0; id != NULL && k < MD_N_CHART_KINDS; k++)
    if (g_str_equal (id, kind_ids[k]))
      {
        *out = k;
        return TRUE;
      }
  return FALSE;
}

const char *
md_chart_kind_label (MdChartKind kind)
{
  static const char *labels[MD_N_CHART_KINDS] = {
    N_("How often"), N_("Total twitching time"), N_("Where on the face"), N_("Sides over time"),
    N_("Face areas over time"), N_("Time of day"), N_("Days with and without"),
    N_("Menopause Rating Scale"),
  };

  g_return_val_if_fail (kind < MD_N_CHART_KINDS, NULL);
  return _(labels[kind]);
}

gboolean
md_chart_kind_available (MdChartKind kind)
{
  /* The face map has its own renderer (md-face-map.h), built separately. */
  return kind < MD_N_CHART_KINDS;
}

static MdRgba
rgb (guint32 hex)
{
  return (MdRgba) { (hex >> 16 & 0xff) / 255.0, (hex >> 8 & 0xff) / 255.0, (hex & 0xff) / 255.0, 1 };
}

static void
add_legend (MdChartSpec  *spec,
            MdSwatch      swatch,
            const MdRgba *colour,
            char         *label)
{
  g_assert (spec->n_legend < G_N_ELEMENTS (spec->legend));
  spec->owned[spec->n_legend] = label;
  spec->legend[spec->n_legend++] = (MdChartLegendItem) { swatch, *colour, label };
}

static double
duration_unit (const MdSeries *s)
{
  return md_series_max_total (s) < 2 * 3600 ? 60 : 3600;
}

/* FALSE for kinds that are not column charts. */
static gboolean
spec_init (MdChartSpec       *spec,
           MdChartKind        kind,
           const MdStats     *stats,
           const MdDrawStyle *style)
{
  gboolean week;

  memset (spec, 0, sizeof *spec);
  spec->unit = 1;
  spec->integer = TRUE;
  spec->line_colour = style->foreground;
  switch (kind)
    {
    case MD_CHART_FREQUENCY:
      spec->series = stats->frequency;
      week = spec->series->size == MD_BUCKET_WEEK;
      spec->colours[0] = style->accent;
      spec->show_average = TRUE;
      add_legend (spec, MD_SWATCH_BOX, &style->accent,
                  g_strdup (week ? _("Episodes per week") : _("Episodes per day")));
      add_legend (spec, MD_SWATCH_LINE, &style->foreground,
                  g_strdup (week ? _("4-week average") : _("7-day average")));
      return TRUE;
    case MD_CHART_DURATION:
      spec->series = stats->duration;
      week = spec->series->size == MD_BUCKET_WEEK;
      spec->colours[0] = style->accent;
      spec->show_average = TRUE;
      spec->integer = FALSE;
      spec->unit = duration_unit (spec->series);
      add_legend (spec, MD_SWATCH_BOX, &style->accent, g_strdup (spec->unit == 60 ?
                  (week ? _("Minutes of twitching per week") : _("Minutes of twitching per day")) :
                  (week ? _("Hours of twitching per week") : _("Hours of twitching per day"))));
      add_legend (spec, MD_SWATCH_LINE, &style->foreground,
                  g_strdup (week ? _("4-week average") : _("7-day average")));
      return TRUE;
    case MD_CHART_SIDES:
      spec->series = stats->sides;
      spec->colours[0] = style->left;
      spec->colours[1] = style->right;
      spec->colours[2] = style->both;
      spec->colours[3] = style->muted;
      add_legend (spec, MD_SWATCH_BOX, &style->left, g_strdup (_("Left")));
      add_legend (spec, MD_SWATCH_BOX, &style->right, g_strdup (_("Right")));
      add_legend (spec, MD_SWATCH_BOX, &style->both, g_strdup (_("Both sides")));
      add_legend (spec, MD_SWATCH_BOX, &style->muted, g_strdup (_("Side not recorded")));
      return TRUE;
    case MD_CHART_REGIONS:
      spec->series = stats->regions;
      /* Blue, yellow, green, orange, purple: apart in hue and in lightness. */
      spec->colours[MD_REGION_GROUP_EYE] = style->left;
      spec->colours[MD_REGION_GROUP_FOREHEAD] = rgb (style->dark ? 0xf6d32d : 0xc88800);
      spec->colours[MD_REGION_GROUP_MIDFACE] = rgb (style->dark ? 0x57e389 : 0x26a269);
      spec->colours[MD_REGION_GROUP_MOUTH] = style->right;
      spec->colours[MD_REGION_GROUP_LOWER] = style->both;
      for (guint g = 0; g < MD_N_REGION_GROUPS; g++)
        add_legend (spec, MD_SWATCH_BOX, &spec->colours[g], g_strdup (md_region_group_label (g)));
      return TRUE;
    case MD_CHART_TIME_OF_DAY:
      spec->series = stats->hours;
      spec->colours[0] = style->accent;
      add_legend (spec, MD_SWATCH_BOX, &style->accent, g_strdup (_("Episodes by the hour they began")));
      return TRUE;
    case MD_CHART_MRS:
      if (stats->mrs == NULL)
        return FALSE;
      spec->series = stats->mrs;
      spec->integer = FALSE;
      spec->colours[0] = style->left;
      spec->colours[1] = style->both;
      spec->colours[2] = rgb (style->dark ? 0x57e389 : 0x26a269);
      add_legend (spec, MD_SWATCH_BOX, &spec->colours[0], g_strdup (_("Somatic (items 1–3, 11)")));
      add_legend (spec, MD_SWATCH_BOX, &spec->colours[1], g_strdup (_("Psychological (items 4–7)")));
      add_legend (spec, MD_SWATCH_BOX, &spec->colours[2], g_strdup (_("Urogenital (items 8–10)")));
      add_legend (spec, MD_SWATCH_NONE, &style->foreground,
                  g_strdup (_("Each column is the week’s total score (0–44), the mean of its answers")));
      return TRUE;
    case MD_CHART_FACE:
    case MD_CHART_TRIGGERS:
    case MD_N_CHART_KINDS:
    default:
      return FALSE;
    }
}

/* The medicine bands: one row per medicine, at most this many (the rest are named in a last row). */
#define MAX_BAND_ROWS 5

static guint
band_rows (const MdStats *stats)
{
  guint n = stats->medicines != NULL ? stats->medicines->len : 0;

  return n > MAX_BAND_ROWS ? MAX_BAND_ROWS + 1 : n;
}

double
md_chart_medicine_bands_height (const MdStats     *stats,
                                const MdDrawStyle *style,
                                double             height)
{
  guint rows = band_rows (stats);
  double row_h = style->font_size * 1.6;

  if (rows == 0 || md_series_is_empty (stats->frequency))
    return 0;
  /* Never more than a third of the chart. */
  return MIN (rows * row_h + style->font_size * 0.6, height / 3);
}

static void
draw_medicine_bands (cairo_t           *cr,
                     const MdStats     *stats,
                     const MdDrawStyle *style,
                     double             px,
                     double             pw,
                     double             top,
                     double             height)
{
  MdChartText t;
  gint64 from = stats->summary.from_day, to = stats->summary.to_day;
  double days = MAX (to - from + 1, 1);
  guint rows = band_rows (stats);
  double row_h = (height - style->font_size * 0.6) / MAX (rows, 1);

  md_chart_text_init (&t, style);
  for (guint r = 0; r < rows; r++)
    {
      double y = top + style->font_size * 0.6 + r * row_h;
      g_autofree char *label = NULL;
      PangoLayout *layout;
      double tw, th;

      if (r == MAX_BAND_ROWS)
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more medicine", "and %u more medicines",
                                              stats->medicines->len - MAX_BAND_ROWS),
                                 stats->medicines->len - MAX_BAND_ROWS);
      else
        {
          const MdMedicine *m = g_ptr_array_index (stats->medicines, r);
          gint64 a = m->started == MD_NO_DAY ? from : MAX (m->started, from);
          gint64 b = m->stopped == MD_NO_DAY ? to : MIN (m->stopped, to);
          double x0 = px + (a - from) / days * pw;
          double x1 = px + (b - from + 1) / days * pw;
          const MdRgba *c = m->kind == MD_MEDICINE_HRT ? &style->accent : &style->muted;

          md_chart_set_rgba (cr, c, 0.35);
          cairo_rectangle (cr, x0, y + row_h * 0.1, MAX (x1 - x0, 2), row_h * 0.8);
          cairo_fill (cr);
          md_chart_set_rgba (cr, c, 1);
          cairo_rectangle (cr, x0, y + row_h * 0.1, 2, row_h * 0.8);
          cairo_fill (cr);
          label = g_strdup_printf ("%s (%s)", m->name, md_medicine_kind_label (m->kind));
        }
      layout = md_chart_text_layout (&t, label, &tw, &th);
      pango_layout_set_width (layout, (int) (pw * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      md_chart_set_rgba (cr, &style->foreground, 1);
      md_chart_show (cr, layout, px + 4, y + (row_h - th) / 2);
      g_object_unref (layout);
    }
  md_chart_text_clear (&t);
}

static void
spec_clear (MdChartSpec *spec)
{
  for (guint i = 0; i < spec->n_legend; i++)
    g_free (spec->owned[i]);
}

static void
draw_kind (cairo_t           *cr,
           MdChartKind        kind,
           const MdStats     *stats,
           const MdDrawStyle *style,
           double             width,
           double             height,
           int                highlight)
{
  MdChartSpec spec;

  g_return_if_fail (cr != NULL && stats != NULL && style != NULL);
  if (kind == MD_CHART_MRS && md_chart_is_empty (kind, stats))
    {
      MdChartText t;

      md_chart_text_init (&t, style);
      md_chart_draw_empty_text (cr, &t, style, width, height,
                                _("No Menopause Rating Scale answers in this period yet. It is offered once a week."));
      md_chart_text_clear (&t);
      return;
    }
  if (spec_init (&spec, kind, stats, style))
    {
      double bands = kind == MD_CHART_FREQUENCY ? md_chart_medicine_bands_height (stats, style, height) : 0;

      md_chart_draw_columns (cr, &spec, style, width, height - bands, highlight);
      if (bands > 0)
        {
          MdChartText t;
          MdChartLayout l;

          md_chart_text_init (&t, style);
          md_chart_columns_layout (&spec, &t, width, height - bands, &l);
          md_chart_text_clear (&t);
          draw_medicine_bands (cr, stats, style, l.px, l.pw, height - bands, bands);
        }
    }
  spec_clear (&spec);
}

void
md_chart_draw_symptom (cairo_t           *cr,
                       const MdStats     *stats,
                       guint              index,
                       const MdDrawStyle *style,
                       double             width,
                       double             height)
{
  MdChartSpec spec;

  g_return_if_fail (cr != NULL && stats != NULL && style != NULL);
  g_return_if_fail (index < stats->n_symptoms);
  memset (&spec, 0, sizeof spec);
  spec.unit = 1;
  spec.series = stats->symptoms[index];
  spec.colours[0] = style->both;
  spec.line_colour = style->foreground;
  add_legend (&spec, MD_SWATCH_BOX, &style->both,
              g_strdup_printf (spec.series->size == MD_BUCKET_WEEK ? _("%s: mean rating per week (0–10)")
                                                                    : _("%s: rating per day (0–10)"),
                               stats->symptom_names[index]));
  md_chart_draw_columns (cr, &spec, style, width, height, -1);
  spec_clear (&spec);
}

void
md_chart_draw_frequency (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                         double width, double height, int highlight)
{
  draw_kind (cr, MD_CHART_FREQUENCY, stats, style, width, height, highlight);
}

void
md_chart_draw_duration (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                        double width, double height, int highlight)
{
  draw_kind (cr, MD_CHART_DURATION, stats, style, width, height, highlight);
}

void
md_chart_draw_sides (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                     double width, double height, int highlight)
{
  draw_kind (cr, MD_CHART_SIDES, stats, style, width, height, highlight);
}

void
md_chart_draw_regions (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                       double width, double height, int highlight)
{
  draw_kind (cr, MD_CHART_REGIONS, stats, style, width, height, highlight);
}

void
md_chart_draw_time_of_day (cairo_t *cr, const MdStats *stats, const MdDrawStyle *style,
                           double width, double height, int highlight)
{
  draw_kind (cr, MD_CHART_TIME_OF_DAY, stats, style, width, height, highlight);
}

gboolean
md_chart_draw (cairo_t           *cr,
               MdChartKind        kind,
               const MdStats     *stats,
               const MdDrawStyle *style,
               double             width,
               double             height,
               int                highlight)
{
  if (!md_chart_kind_available (kind))
    return FALSE;
  if (kind == MD_CHART_TRIGGERS)
    md_chart_draw_triggers (cr, stats, style, width, height, highlight);
  else if (kind == MD_CHART_FACE)
    md_chart_draw_face (cr, stats, style, width, height, highlight);
  else
    draw_kind (cr, kind, stats, style, width, height, highlight);
  return TRUE;
}

gboolean
md_chart_is_empty (MdChartKind    kind,
                   const MdStats *stats)
{
  switch (kind)
    {
    case MD_CHART_FREQUENCY: return md_series_is_empty (stats->frequency);
    case MD_CHART_DURATION: return md_series_is_empty (stats->duration);
    case MD_CHART_SIDES: return md_series_is_empty (stats->sides);
    case MD_CHART_REGIONS: return md_series_is_empty (stats->regions);
    case MD_CHART_TIME_OF_DAY: return md_series_is_empty (stats->hours);
    case MD_CHART_FACE: return stats->summary.episodes == 0;
    case MD_CHART_MRS: return stats->mrs_days == 0;
    case MD_CHART_TRIGGERS:
      for (guint f = 0; f < MD_N_FACTORS; f++)
        if (stats->factors[f].days_with + stats->factors[f].days_without > 0)
          return FALSE;
      return TRUE;
    case MD_N_CHART_KINDS:
    default:
      return TRUE;
    }
}

guint
md_chart_n_items (MdChartKind    kind,
                  const MdStats *stats)
{
  MdChartSpec spec;
  guint n = 0;

  if (kind == MD_CHART_TRIGGERS)
    return md_chart_is_empty (kind, stats) ? 0 : 2 * MD_N_FACTORS;
  if (kind == MD_CHART_FACE)
    return md_chart_is_empty (kind, stats) ? 0 : 2 * MD_N_REGIONS;
  if (spec_init (&spec, kind, stats, &(MdDrawStyle) { 0 }) && !md_series_is_empty (spec.series))
    n = spec.series->n_buckets;
  spec_clear (&spec);
  return n;
}

int
md_chart_hit_test (MdChartKind        kind,
                   const MdStats     *stats,
                   const MdDrawStyle *style,
                   double             width,
                   double             height,
                   double             x,
                   double             y)
{
  MdChartSpec spec;
  int hit = -1;

  if (kind == MD_CHART_TRIGGERS)
    return md_chart_triggers_hit (stats, style, width, height, x, y);
  if (kind == MD_CHART_FACE)
    return md_chart_face_hit (stats, width, height, x, y);
  if (spec_init (&spec, kind, stats, style))
    hit = md_chart_columns_hit (&spec, style, width,
                                height - (kind == MD_CHART_FREQUENCY ? md_chart_medicine_bands_height (stats, style, height) : 0),
                                x, y);
  spec_clear (&spec);
  return hit;
}

GArray *
md_chart_label_boxes (MdChartKind        kind,
                      const MdStats     *stats,
                      const MdDrawStyle *style,
                      double             width,
                      double             height)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (MdChartBox));
  MdChartSpec spec;

  if (spec_init (&spec, kind, stats, style) && !md_series_is_empty (spec.series))
    {
      MdChartText t;
      MdChartLayout l;

      md_chart_text_init (&t, style);
      md_chart_columns_layout (&spec, &t, width, height, &l);
      md_chart_columns_y_labels (NULL, boxes, &t, style, &spec, &l);
      md_chart_columns_x_labels (NULL, boxes, &t, &l, spec.series);
      md_chart_text_clear (&t);
    }
  spec_clear (&spec);
  return boxes;
}
