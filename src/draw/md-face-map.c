/* md-face-map.c: the face drawing and its hit test, from one table of shapes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-face-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "md-face-map.h"

/* The face lives in a unit square; x < 0.5 is the person's left (mirror view). Each region is
 * an ellipse on the left half, mirrored for the right half. The order is the hit priority:
 * small shapes that sit inside bigger ones come first. */
typedef struct {
  MdRegion region;
  double   cx, cy, rx, ry;
  double   px, py;         /* a point that hits only this region */
} Shape;

static const Shape shapes[] = {
  { MD_REGION_EYELID_UPPER, 0.320, 0.375, 0.075, 0.022, 0.320, 0.372 },
  { MD_REGION_EYELID_LOWER, 0.320, 0.425, 0.075, 0.022, 0.320, 0.428 },
  { MD_REGION_MOUTH_CORNER, 0.375, 0.745, 0.028, 0.030, 0.372, 0.745 },
  { MD_REGION_LIPS,         0.450, 0.745, 0.050, 0.032, 0.458, 0.745 },
  { MD_REGION_AROUND_EYE,   0.320, 0.400, 0.130, 0.085, 0.215, 0.400 },
  { MD_REGION_FOREHEAD,     0.340, 0.190, 0.140, 0.080, 0.340, 0.190 },
  { MD_REGION_CHEEK,        0.240, 0.580, 0.075, 0.090, 0.240, 0.580 },
  { MD_REGION_MID_FACE,     0.405, 0.570, 0.050, 0.075, 0.405, 0.570 },
  { MD_REGION_CHIN,         0.450, 0.880, 0.060, 0.050, 0.450, 0.880 },
  { MD_REGION_JAW,          0.260, 0.800, 0.055, 0.085, 0.260, 0.790 },
};

/* The face outline. */
#define FACE_CX 0.5
#define FACE_CY 0.5
#define FACE_RX 0.40
#define FACE_RY 0.48

typedef struct {
  double ox, oy, size;      /* the unit square in drawing coordinates */
  double top_h, bottom_h;   /* label strip above, legend strip below */
} Layout;

static void
compute_layout (double  width,
                double  height,
                double  font_size,
                Layout *l)
{
  double avail;

  l->top_h = MAX (font_size * 2.2, 18.0);
  l->bottom_h = MAX (font_size * 2.8, 22.0);
  avail = MAX (height - l->top_h - l->bottom_h, 1.0);
  l->size = MAX (MIN (width, avail), 1.0);
  l->ox = (width - l->size) / 2.0;
  l->oy = l->top_h + (avail - l->size) / 2.0;
}

/* Hit testing does not know the style; it uses the default font size, as the picker does. */
#define LAYOUT_FONT_SIZE 11.0

static const Shape *
shape_for (MdRegion region)
{
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    if (shapes[i].region == region)
      return &shapes[i];
  g_assert_not_reached ();
  return NULL;
}

static gboolean
in_ellipse (double x, double y, double cx, double cy, double rx, double ry)
{
  double dx = (x - cx) / rx;
  double dy = (y - cy) / ry;

  return dx * dx + dy * dy <= 1.0;
}

void
md_face_map_values_init (MdFaceMapValues *values,
                         MdFaceMapMode    mode)
{
  g_return_if_fail (values != NULL);

  memset (values, 0, sizeof *values);
  values->mode = mode;
  values->focus_region = -1;
  values->focus_side = MD_SIDE_UNKNOWN;
}

gboolean
md_face_map_hit (double    width,
                 double    height,
                 double    x,
                 double    y,
                 MdRegion *region,
                 MdSide   *side)
{
  Layout l;
  double u, v;
  MdSide s;

  compute_layout (width, height, LAYOUT_FONT_SIZE, &l);
  u = (x - l.ox) / l.size;
  v = (y - l.oy) / l.size;
  if (!in_ellipse (u, v, FACE_CX, FACE_CY, FACE_RX, FACE_RY))
    return FALSE;
  s = u < 0.5 ? MD_SIDE_LEFT : MD_SIDE_RIGHT;
  if (u >= 0.5)
    u = 1.0 - u;
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      const Shape *sh = &shapes[i];

      if (in_ellipse (u, v, sh->cx, sh->cy, sh->rx, sh->ry))
        {
          if (region != NULL)
            *region = sh->region;
          if (side != NULL)
            *side = s;
          return TRUE;
        }
    }
  return FALSE;
}

void
md_face_map_region_point (double   width,
                          double   height,
                          MdRegion region,
                          MdSide   side,
                          double  *x,
                          double  *y)
{
  const Shape *sh;
  Layout l;
  double u;

  g_return_if_fail ((guint) region < MD_N_REGIONS);
  g_return_if_fail (side == MD_SIDE_LEFT || side == MD_SIDE_RIGHT);

  sh = shape_for (region);
  compute_layout (width, height, LAYOUT_FONT_SIZE, &l);
  u = side == MD_SIDE_LEFT ? sh->px : 1.0 - sh->px;
  *x = l.ox + u * l.size;
  *y = l.oy + sh->py * l.size;
}

void
md_face_map_face_bounds (double  width,
                         double  height,
                         double *x,
                         double *y,
                         double *w,
                         double *h)
{
  Layout l;

  compute_layout (width, height, LAYOUT_FONT_SIZE, &l);
  *x = l.ox + (FACE_CX - FACE_RX) * l.size;
  *y = l.oy + (FACE_CY - FACE_RY) * l.size;
  *w = 2 * FACE_RX * l.size;
  *h = 2 * FACE_RY * l.size;
}

static void
set_rgba (cairo_t *cr, const MdRgba *c, double alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a * alpha);
}

static void
set_mix (cairo_t *cr, const MdRgba *a, const MdRgba *b, double t)
{
  cairo_set_source_rgb (cr,
                        a->r + (b->r - a->r) * t,
                        a->g + (b->g - a->g) * t,
                        a->b + (b->b - a->b) * t);
}

static void
ellipse_path (cairo_t *cr, double cx, double cy, double rx, double ry)
{
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, rx, ry);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
}

static PangoLayout *
make_text (cairo_t           *cr,
           const MdDrawStyle *style,
           const char        *text,
           gboolean           bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();

  pango_font_description_set_family (desc, style->font_family ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (desc, style->font_size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text with its anchor at x (0 = left edge, 0.5 = centre, 1 = right edge) and top at y. */
static void
draw_text (cairo_t           *cr,
           const MdDrawStyle *style,
           const char        *text,
           gboolean           bold,
           double             x,
           double             anchor,
           double             y)
{
  g_autoptr(PangoLayout) layout = make_text (cr, style, text, bold);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * anchor, y);
  pango_cairo_show_layout (cr, layout);
}

static double
region_value (const MdFaceMapValues *values, MdRegion region, MdSide side)
{
  double v;

  if (values->mode == MD_FACE_MAP_SELECT)
    {
      guint32 set = side == MD_SIDE_LEFT ? values->selected_left : values->selected_right;
      return (set & MD_BIT (region)) ? 1.0 : 0.0;
    }
  v = side == MD_SIDE_LEFT ? values->heat_left[region] : values->heat_right[region];
  return isnan (v) ? 0.0 : CLAMP (v, 0.0, 1.0);
}

static void
draw_regions (cairo_t               *cr,
              const MdDrawStyle     *style,
              const MdFaceMapValues *values,
              MdSide                 side)
{
  /* Big shapes first, so small ones sit on top (the reverse of the hit order). */
  for (int i = G_N_ELEMENTS (shapes) - 1; i >= 0; i--)
    {
      const Shape *sh = &shapes[i];
      double cx = side == MD_SIDE_LEFT ? sh->cx : 1.0 - sh->cx;
      double v = region_value (values, sh->region, side);

      ellipse_path (cr, cx, sh->cy, sh->rx, sh->ry);
      /* Opaque colours mixed here: one fill per shape keeps big drawings fast. */
      if (values->mode == MD_FACE_MAP_SELECT)
        {
          if (v > 0)
            set_rgba (cr, &style->accent, 1.0);
          else
            set_mix (cr, &style->background, &style->foreground, 0.07);
        }
      else if (v > 0)
        set_mix (cr, &style->background, &style->accent, 0.15 + 0.85 * v);
      else
        set_mix (cr, &style->background, &style->foreground, 0.04);
      cairo_fill_preserve (cr);
      set_rgba (cr, &style->muted, 0.9);
      cairo_stroke (cr);

      if (values->focus_region == (int) sh->region && values->focus_side == side)
        {
          ellipse_path (cr, cx, sh->cy, sh->rx + 0.012, sh->ry + 0.012);
          set_rgba (cr, &style->foreground, 1.0);
          cairo_save (cr);
          cairo_set_line_width (cr, cairo_get_line_width (cr) * 2);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
}

static void
draw_features (cairo_t           *cr,
               const MdDrawStyle *style)
{
  set_rgba (cr, &style->foreground, 0.55);
  /* Eyes (almond outlines) and brows. */
  for (int k = 0; k < 2; k++)
    {
      double cx = k == 0 ? 0.32 : 0.68;

      cairo_move_to (cr, cx - 0.06, 0.40);
      cairo_curve_to (cr, cx - 0.03, 0.385, cx + 0.03, 0.385, cx + 0.06, 0.40);
      cairo_curve_to (cr, cx + 0.03, 0.415, cx - 0.03, 0.415, cx - 0.06, 0.40);
      cairo_stroke (cr);
      cairo_move_to (cr, cx - 0.09, 0.305);
      cairo_curve_to (cr, cx - 0.04, 0.285, cx + 0.04, 0.285, cx + 0.09, 0.300);
      cairo_stroke (cr);
    }
  /* Nose. */
  cairo_move_to (cr, 0.48, 0.44);
  cairo_curve_to (cr, 0.47, 0.52, 0.45, 0.60, 0.46, 0.625);
  cairo_curve_to (cr, 0.48, 0.645, 0.52, 0.645, 0.54, 0.625);
  cairo_stroke (cr);
}

static void
draw_legend (cairo_t               *cr,
             const MdDrawStyle     *style,
             const MdFaceMapValues *values,
             double                 width,
             double                 top,
             double                 h)
{
  const char *low = values->legend_low ? values->legend_low : _("Fewer");
  const char *high = values->legend_high ? values->legend_high : _("More");
  double bar_w = MIN (width * 0.4, 160.0);
  double bar_h = MAX (h * 0.35, 6.0);
  double x0 = (width - bar_w) / 2.0;
  double y0 = top + (h - bar_h) / 2.0;
  g_autoptr(PangoLayout) probe = make_text (cr, style, low, FALSE);
  int tw, th;
  cairo_pattern_t *grad;

  grad = cairo_pattern_create_linear (x0, 0, x0 + bar_w, 0);
  cairo_pattern_add_color_stop_rgb (grad, 0, style->background.r + (style->accent.r - style->background.r) * 0.15,
                                    style->background.g + (style->accent.g - style->background.g) * 0.15,
                                    style->background.b + (style->accent.b - style->background.b) * 0.15);
  cairo_pattern_add_color_stop_rgb (grad, 1, style->accent.r, style->accent.g, style->accent.b);
  cairo_rectangle (cr, x0, y0, bar_w, bar_h);
  cairo_set_source (cr, grad);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (grad);
  set_rgba (cr, &style->muted, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  pango_layout_get_pixel_size (probe, &tw, &th);
  set_rgba (cr, &style->foreground, 0.8);
  draw_text (cr, style, low, FALSE, x0 - 8, 1.0, y0 + bar_h / 2 - th / 2.0);
  draw_text (cr, style, high, FALSE, x0 + bar_w + 8, 0.0, y0 + bar_h / 2 - th / 2.0);
}

void
md_face_map_draw (cairo_t               *cr,
                  double                 width,
                  double                 height,
                  const MdDrawStyle     *style,
                  const MdFaceMapValues *values)
{
  Layout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (values != NULL);

  compute_layout (width, height, LAYOUT_FONT_SIZE, &l);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  /* Curves flattened to a quarter pixel are indistinguishable and much cheaper to fill. */
  cairo_set_tolerance (cr, 0.25);

  /* Side labels: the picture is a mirror, her left is on the left. */
  set_rgba (cr, &style->foreground, 0.85);
  /* Each label sits over its own half, next to the midline, so they never meet. */
  draw_text (cr, style, values->label_left ? values->label_left : _("Your left"), TRUE,
             l.ox + l.size * 0.5 - style->font_size, 1.0, (l.top_h - style->font_size * 1.3) / 2.0);
  draw_text (cr, style, values->label_right ? values->label_right : _("Your right"), TRUE,
             l.ox + l.size * 0.5 + style->font_size, 0.0, (l.top_h - style->font_size * 1.3) / 2.0);

  cairo_save (cr);
  cairo_translate (cr, l.ox, l.oy);
  cairo_scale (cr, l.size, l.size);
  cairo_set_line_width (cr, 1.5 / l.size);

  /* Face outline. */
  ellipse_path (cr, FACE_CX, FACE_CY, FACE_RX, FACE_RY);
  set_rgba (cr, &style->background, 1.0);
  cairo_fill_preserve (cr);
  set_rgba (cr, &style->foreground, 0.04);
  cairo_fill_preserve (cr);
  set_rgba (cr, &style->foreground, 0.6);
  cairo_save (cr);
  cairo_set_line_width (cr, 2.0 / l.size);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Each half clipped to its side of the face. */
  for (int k = 0; k < 2; k++)
    {
      MdSide side = k == 0 ? MD_SIDE_LEFT : MD_SIDE_RIGHT;

      cairo_save (cr);
      ellipse_path (cr, FACE_CX, FACE_CY, FACE_RX, FACE_RY);
      cairo_clip (cr);
      cairo_rectangle (cr, k == 0 ? 0.0 : 0.5, 0.0, 0.5, 1.0);
      cairo_clip (cr);
      draw_regions (cr, style, values, side);
      cairo_restore (cr);
    }
  draw_features (cr, style);

  /* The midline, dashed. */
  {
    double dash = 4.0 / l.size;

    cairo_save (cr);
    cairo_set_dash (cr, &dash, 1, 0);
    set_rgba (cr, &style->muted, 0.8);
    cairo_move_to (cr, 0.5, FACE_CY - FACE_RY);
    cairo_line_to (cr, 0.5, FACE_CY + FACE_RY);
    cairo_stroke (cr);
    cairo_restore (cr);
  }
  cairo_restore (cr);

  if (values->mode == MD_FACE_MAP_HEAT)
    draw_legend (cr, style, values, width, l.oy + l.size, l.bottom_h);

  cairo_restore (cr);
}
