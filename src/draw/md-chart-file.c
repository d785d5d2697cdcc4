/* md-chart-file.c: a chart written to a PNG, SVG or PDF file, with no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <pango/pangocairo.h>

#include "md-cairo-output.h"
#include "md-chart.h"
#include "md-time.h"

G_DEFINE_QUARK (md-chart-error-quark, md_chart_error)

typedef enum { FORMAT_NONE, FORMAT_PNG, FORMAT_SVG, FORMAT_PDF } Format;

static Format
format_of (const char *path)
{
  g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;

  if (lower == NULL)
    return FORMAT_NONE;
  if (g_str_has_suffix (lower, ".png"))
    return FORMAT_PNG;
  if (g_str_has_suffix (lower, ".svg"))
    return FORMAT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return FORMAT_PDF;
  return FORMAT_NONE;
}

gboolean
md_chart_file_format_ok (const char *path)
{
  return format_of (path) != FORMAT_NONE;
}

/* "How often, 2025-01-01 to 2025-03-31" at the top; returns the height it took. */
static double
draw_title (cairo_t           *cr,
            MdChartKind        kind,
            const MdStats     *stats,
            const MdDrawStyle *style,
            double             pad,
            double             width)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font_family ? style->font_family : "Sans");
  g_autofree char *from = md_time_format_day_text (stats->summary.from_day);
  g_autofree char *to = md_time_format_day_text (stats->summary.to_day);
  /* Translators: the title of a chart saved to a file: what it shows, then the period. */
  g_autofree char *title = g_strdup_printf (_("%s, %s to %s"), md_chart_kind_label (kind), from, to);
  int w, h;

  pango_font_description_set_absolute_size (font, style->font_size * 1.15 * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, title, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgba (cr, style->foreground.r, style->foreground.g, style->foreground.b, 1);
  cairo_move_to (cr, pad, pad);
  pango_cairo_show_layout (cr, layout);
  return h + style->font_size * 0.6;
}

gboolean
md_chart_save (MdChartKind        kind,
               const MdStats     *stats,
               const MdDrawStyle *style,
               int                width,
               int                height,
               const char        *path,
               GError           **error)
{
  Format format = format_of (path);
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  MdOutput *out;
  cairo_t *cr;

  if (format == FORMAT_NONE)
    {
      g_set_error (error, MD_CHART_ERROR, MD_CHART_ERROR_FORMAT,
                   _("“%s” does not end in .png, .svg or .pdf."), path);
      return FALSE;
    }
  if (!md_chart_kind_available (kind))
    {
      g_set_error (error, MD_CHART_ERROR, MD_CHART_ERROR_UNAVAILABLE,
                   _("The “%s” chart is not available yet."), md_chart_kind_id (kind));
      return FALSE;
    }
  out = md_output_new (path, error);
  if (out == NULL)
    return FALSE;
  if (format == FORMAT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else if (format == FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (md_cairo_output_write, out, width, height);
  else
    surface = cairo_pdf_surface_create_for_stream (md_cairo_output_write, out, width, height);

  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, style->background.r, style->background.g, style->background.b, 1);
  cairo_paint (cr);
  {
    /* A file stands alone: a margin, and a title saying what it shows and when. */
    double pad = MAX (8.0, MIN (width, height) * 0.03);
    double title_h = draw_title (cr, kind, stats, style, pad, width - 2 * pad);

    cairo_translate (cr, pad, pad + title_h);
    md_chart_draw (cr, kind, stats, style, width - 2 * pad, height - 2 * pad - title_h, -1);
  }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, md_cairo_output_write, out);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* The output's own error (a full disk, say) says more than Cairo's. */
      if (md_output_check (out, error))
        g_set_error (error, MD_CHART_ERROR, MD_CHART_ERROR_WRITE,
                     _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      md_output_abort (out);
      return FALSE;
    }
  return md_output_commit (out, error);
}
