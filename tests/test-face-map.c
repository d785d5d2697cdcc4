/* test-face-map.c: the face map's hit test and drawing, without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <math.h>

#include "md-face-map.h"

static const struct { double w, h; } sizes[] = {
  { 320, 400 }, { 600, 300 }, { 200, 800 }, { 1000, 1000 },
};

static void
test_hit_region_points (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    for (MdRegion r = 0; r < MD_N_REGIONS; r++)
      for (MdSide s = MD_SIDE_LEFT; s <= MD_SIDE_RIGHT; s++)
        {
          double x, y;
          MdRegion hit_region = MD_N_REGIONS;
          MdSide hit_side = MD_SIDE_UNKNOWN;

          md_face_map_region_point (sizes[k].w, sizes[k].h, r, s, &x, &y);
          g_assert_true (md_face_map_hit (sizes[k].w, sizes[k].h, x, y, &hit_region, &hit_side));
          g_assert_cmpint (hit_region, ==, r);
          g_assert_cmpint (hit_side, ==, s);
        }
}

static void
test_hit_mirror (void)
{
  double bx, by, bw, bh;

  /* Her left is on the left of the picture: the left half of the face hits MD_SIDE_LEFT. */
  md_face_map_face_bounds (400, 500, &bx, &by, &bw, &bh);
  for (MdRegion r = 0; r < MD_N_REGIONS; r++)
    {
      double lx, ly, rx, ry;

      md_face_map_region_point (400, 500, r, MD_SIDE_LEFT, &lx, &ly);
      md_face_map_region_point (400, 500, r, MD_SIDE_RIGHT, &rx, &ry);
      g_assert_cmpfloat (lx, <, bx + bw / 2);
      g_assert_cmpfloat (rx, >, bx + bw / 2);
      g_assert_cmpfloat_with_epsilon (lx - bx, bx + bw - rx, 1e-6);
      g_assert_cmpfloat_with_epsilon (ly, ry, 1e-6);
    }
}

static void
test_hit_outside (void)
{
  double bx, by, bw, bh;
  MdRegion region = MD_N_REGIONS;
  MdSide side = MD_SIDE_UNKNOWN;

  md_face_map_face_bounds (400, 500, &bx, &by, &bw, &bh);
  g_assert_false (md_face_map_hit (400, 500, 1, 1, &region, &side));
  g_assert_false (md_face_map_hit (400, 500, bx - 5, by + bh / 2, &region, &side));
  g_assert_false (md_face_map_hit (400, 500, bx + bw / 2, by + bh + 5, &region, &side));
  g_assert_false (md_face_map_hit (400, 500, -50, -50, &region, &side));
  g_assert_false (md_face_map_hit (400, 500, 4000, 250, &region, &side));
  /* Inside the face but between regions (the tip of the nose, on the midline). */
  g_assert_false (md_face_map_hit (400, 500, bx + bw / 2, by + bh * 0.66, &region, &side));
  g_assert_cmpint (region, ==, MD_N_REGIONS);
  g_assert_cmpint (side, ==, MD_SIDE_UNKNOWN);
}

static void
pixel_at (cairo_surface_t *surface, int x, int y, double *r, double *g, double *b, double *a)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px = *(guint32 *) (data + y * stride + x * 4);

  *a = ((px >> 24) & 0xff) / 255.0;
  *r = ((px >> 16) & 0xff) / 255.0;
  *g = ((px >> 8) & 0xff) / 255.0;
  *b = (px & 0xff) / 255.0;
}

static gboolean
near_colour (cairo_surface_t *surface, double x, double y, const MdRgba *c)
{
  double r, g, b, a;

  pixel_at (surface, (int) x, (int) y, &r, &g, &b, &a);
  return fabs (r - c->r) < 0.02 && fabs (g - c->g) < 0.02 && fabs (b - c->b) < 0.02 && a > 0.98;
}

static void
test_draw_selection (void)
{
  const int W = 400, H = 500, M = 40;
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  MdFaceMapValues values;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 left = MD_BIT (MD_REGION_EYELID_UPPER) | MD_BIT (MD_REGION_CHEEK) | MD_BIT (MD_REGION_LIPS) |
                 MD_BIT (MD_REGION_AROUND_EYE);
  guint32 right = MD_BIT (MD_REGION_JAW) | MD_BIT (MD_REGION_FOREHEAD) | MD_BIT (MD_REGION_EYELID_LOWER);

  md_face_map_values_init (&values, MD_FACE_MAP_SELECT);
  values.selected_left = left;
  values.selected_right = right;

  /* A bigger surface with a margin: nothing may be drawn outside (0, 0, W, H). */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W + 2 * M, H + 2 * M);
  cr = cairo_create (surface);
  cairo_translate (cr, M, M);
  md_face_map_draw (cr, W, H, style, &values);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (MdRegion r = 0; r < MD_N_REGIONS; r++)
    for (MdSide s = MD_SIDE_LEFT; s <= MD_SIDE_RIGHT; s++)
      {
        double x, y;
        gboolean selected = ((s == MD_SIDE_LEFT ? left : right) & MD_BIT (r)) != 0;

        md_face_map_region_point (W, H, r, s, &x, &y);
        g_test_message ("region %s side %d", md_region_id (r), s);
        g_assert_cmpint (near_colour (surface, x + M, y + M, &style->accent), ==, selected);
      }

  for (int y = 0; y < H + 2 * M; y++)
    for (int x = 0; x < W + 2 * M; x++)
      {
        double r, g, b, a;

        if (x >= M && x < M + W && y >= M && y < M + H)
          continue;
        pixel_at (surface, x, y, &r, &g, &b, &a);
        g_assert_cmpfloat (a, ==, 0.0);
      }
  cairo_surface_destroy (surface);
}

static void
test_draw_heat (void)
{
  const int W = 400, H = 500;
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  MdFaceMapValues values;
  cairo_surface_t *surface;
  cairo_t *cr;
  double lx, ly, rx, ry, r1, g1, b1, a1, r2, g2, b2, a2;

  md_face_map_values_init (&values, MD_FACE_MAP_HEAT);
  values.heat_left[MD_REGION_CHEEK] = 1.0;
  values.heat_right[MD_REGION_CHEEK] = 0.25;
  values.heat_left[MD_REGION_CHIN] = 5.0;  /* clamped to 1 */

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cr = cairo_create (surface);
  md_face_map_draw (cr, W, H, style, &values);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  md_face_map_region_point (W, H, MD_REGION_CHEEK, MD_SIDE_LEFT, &lx, &ly);
  md_face_map_region_point (W, H, MD_REGION_CHEEK, MD_SIDE_RIGHT, &rx, &ry);
  g_assert_true (near_colour (surface, lx, ly, &style->accent));
  g_assert_false (near_colour (surface, rx, ry, &style->accent));
  pixel_at (surface, (int) lx, (int) ly, &r1, &g1, &b1, &a1);
  pixel_at (surface, (int) rx, (int) ry, &r2, &g2, &b2, &a2);
  /* The lighter value is closer to the white background. */
  g_assert_cmpfloat (r2 + g2 + b2, >, r1 + g1 + b1 + 0.3);
  md_face_map_region_point (W, H, MD_REGION_CHIN, MD_SIDE_LEFT, &lx, &ly);
  g_assert_true (near_colour (surface, lx, ly, &style->accent));
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/face-map/hit/region-points", test_hit_region_points);
  g_test_add_func ("/face-map/hit/mirror", test_hit_mirror);
  g_test_add_func ("/face-map/hit/outside", test_hit_outside);
  g_test_add_func ("/face-map/draw/selection", test_draw_selection);
  g_test_add_func ("/face-map/draw/heat", test_draw_heat);

  return g_test_run ();
}
