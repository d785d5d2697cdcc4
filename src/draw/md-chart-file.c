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

#include "md-chart.h"

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
  if (format == FORMAT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else if (format == FORMAT_SVG)
    surface = cairo_svg_surface_create (path, width, height);
  else
    surface = cairo_pdf_surface_create (path, width, height);

  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, style->background.r, style->background.g, style->background.b, 1);
  cairo_paint (cr);
  md_chart_draw (cr, kind, stats, style, width, height, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (format == FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MD_CHART_ERROR, MD_CHART_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  /* A chart of her diary is health data too: readable by her alone. */
  g_chmod (path, 0600);
  return TRUE;
}
