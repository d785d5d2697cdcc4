/* test-charts.c: the chart maths with exact numbers, and the drawings checked pixel by pixel. */
#include "config.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include "md-time.h"
#include "md-chart.h"
#include "md-chart-private.h"
#include "md-chart-scale.h"
#include "md-face-map.h"
#include "md-test-utils.h"

#define D0     20000
#define MARGIN 50

/* Scale maths. */

static void
test_ticks (void)
{
  MdTicks t;

  md_ticks_nice (17, 5, TRUE, &t);
  g_assert_cmpfloat (t.step, ==, 5);
  g_assert_cmpfloat (t.max, ==, 20);
  g_assert_cmpuint (t.n_ticks, ==, 5);

  md_ticks_nice (0.43, 5, FALSE, &t);
  g_assert_cmpfloat_with_epsilon (t.step, 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (t.max, 0.5, 1e-12);
  g_assert_cmpuint (t.n_ticks, ==, 6);

  /* Counts never get fractional steps; nothing at all still gives an axis. */
  md_ticks_nice (3, 8, TRUE, &t);
  g_assert_cmpfloat (t.step, ==, 1);
  g_assert_cmpfloat (t.max, ==, 3);
  g_assert_cmpuint (t.n_ticks, ==, 4);
  md_ticks_nice (0, 4, TRUE, &t);
  g_assert_cmpfloat (t.max, ==, 1);
  g_assert_cmpuint (t.n_ticks, ==, 2);

  md_ticks_nice (100, 5, TRUE, &t);
  g_assert_cmpfloat (t.step, ==, 20);
  g_assert_cmpuint (t.n_ticks, ==, 6);
  md_ticks_nice (101, 5, TRUE, &t);
  g_assert_cmpfloat (t.step, ==, 50);
  g_assert_cmpfloat (t.max, ==, 150);

  md_ticks_nice (17, 5, TRUE, &t);
  g_assert_cmpfloat (md_ticks_map (&t, 10, 300, 100), ==, 200);
  g_assert_cmpfloat (md_ticks_map (&t, 0, 300, 100), ==, 300);
}

static void
test_bands (void)
{
  MdBands b;

  md_bands_init (&b, 10, 100, 4, 0.8);
  g_assert_cmpfloat (b.band, ==, 25);
  g_assert_cmpfloat (b.bar, ==, 20);
  g_assert_cmpfloat (md_bands_bar_start (&b, 1), ==, 37.5);
  g_assert_cmpfloat (md_bands_centre (&b, 3), ==, 97.5);
  g_assert_cmpint (md_bands_hit (&b, 9.9), ==, -1);
  g_assert_cmpint (md_bands_hit (&b, 10), ==, 0);
  g_assert_cmpint (md_bands_hit (&b, 35), ==, 1);
  g_assert_cmpint (md_bands_hit (&b, 109.99), ==, 3);
  g_assert_cmpint (md_bands_hit (&b, 110), ==, -1);

  md_bands_init (&b, 0, 100, 0, 0.8);
  g_assert_cmpint (md_bands_hit (&b, 50), ==, -1);
}

static void
test_label_stride (void)
{
  static const guint days[] = { 1, 2, 7, 14, 28 };

  g_assert_cmpuint (md_label_stride (60, 40, 12, days, G_N_ELEMENTS (days)), ==, 1);
  g_assert_cmpuint (md_label_stride (30, 40, 12, days, G_N_ELEMENTS (days)), ==, 2);
  g_assert_cmpuint (md_label_stride (3, 40, 12, days, G_N_ELEMENTS (days)), ==, 28);
  g_assert_cmpuint (md_label_stride (0.5, 40, 12, days, G_N_ELEMENTS (days)), ==, 28);
  g_assert_true (md_spans_apart (0, 10, 16, 20, 6));
  g_assert_false (md_spans_apart (0, 10, 15, 20, 6));
  g_assert_true (md_spans_apart (16, 20, 0, 10, 6));
}

static void
test_format (void)
{
  static const struct { double s; const char *text; } durations[] = {
    { 0, "0 s" }, { 45, "45 s" }, { 90, "1 min 30 s" }, { 120, "2 min" },
    { 3600, "1 h" }, { 3690, "1 h 2 min" }, { 7199, "2 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      g_autofree char *text = md_format_duration (durations[i].s);

      g_assert_cmpstr (text, ==, durations[i].text);
    }
  {
    g_autofree char *a = md_format_number (2.5);
    g_autofree char *b = md_format_number (0.1 + 0.2);
    g_autofree char *c = md_format_number (3);

    g_assert_cmpstr (a, ==, "2.5");
    g_assert_cmpstr (b, ==, "0.3");
    g_assert_cmpstr (c, ==, "3");
  }
}

static void
test_kinds (void)
{
  MdChartKind k;

  for (guint i = 0; i < MD_N_CHART_KINDS; i++)
    {
      g_assert_true (md_chart_kind_from_id (md_chart_kind_id (i), &k));
      g_assert_cmpint (k, ==, i);
    }
  g_assert_false (md_chart_kind_from_id ("pie", &k));
  g_assert_false (md_chart_kind_from_id (NULL, &k));
  g_assert_true (md_chart_kind_from_id ("time-of-day", &k));
  g_assert_cmpint (k, ==, MD_CHART_TIME_OF_DAY);
  g_assert_true (md_chart_kind_available (MD_CHART_FACE));
  g_assert_true (md_chart_kind_available (MD_CHART_TRIGGERS));
}

/* Data and drawing. */

static MdEpisode *
ep (gint64 day, int hour, MdSide side, gint64 duration_s)
{
  MdEpisode *e = md_episode_new ();

  e->start_utc = day * 86400 + hour * 3600;
  e->regions = MD_BIT (MD_REGION_EYELID_LOWER);
  e->side = side;
  e->duration_s = duration_s;
  return e;
}

/* Ten days: 4 episodes on day 2 (left, 09:00), 10 on day 5 (right, 18:00), none elsewhere. */
static MdStats *
ten_days (void)
{
  g_autoptr(GPtrArray) e = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);

  for (int i = 0; i < 4; i++)
    g_ptr_array_add (e, ep (D0 + 2, 9, MD_SIDE_LEFT, 60));
  for (int i = 0; i < 10; i++)
    g_ptr_array_add (e, ep (D0 + 5, 18, MD_SIDE_RIGHT, 120));
  return md_stats_compute ((MdEpisode * const *) e->pdata, e->len, NULL, 0, D0, D0 + 9);
}

typedef struct {
  cairo_surface_t *surface;
  int              width, height;  /* the chart; the surface has MARGIN all round */
} Shot;

static Shot
render (MdChartKind kind, const MdStats *stats, const MdDrawStyle *style, int width, int height, int highlight)
{
  Shot shot = { cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 2 * MARGIN, height + 2 * MARGIN),
                width, height };
  cairo_t *cr = cairo_create (shot.surface);

  cairo_translate (cr, MARGIN, MARGIN);
  g_assert_true (md_chart_draw (cr, kind, stats, style, width, height, highlight));
  cairo_destroy (cr);
  cairo_surface_flush (shot.surface);
  return shot;
}

static guint32
pixel (const Shot *shot, int x, int y)
{
  const unsigned char *data = cairo_image_surface_get_data (shot->surface);
  int stride = cairo_image_surface_get_stride (shot->surface);

  return *(const guint32 *) (data + (y + MARGIN) * stride + (x + MARGIN) * 4);
}

static gboolean
is_colour (guint32 p, const MdRgba *c)
{
  int r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff, a = p >> 24;

  return a == 255 && ABS (r - (int) (c->r * 255 + 0.5)) <= 1 && ABS (g - (int) (c->g * 255 + 0.5)) <= 1 &&
         ABS (b - (int) (c->b * 255 + 0.5)) <= 1;
}

/* How many pixels of colour @c in column @x. */
static guint
column_count (const Shot *shot, int x, const MdRgba *c)
{
  guint n = 0;

  for (int y = 0; y < shot->height; y++)
    n += is_colour (pixel (shot, x, y), c);
  return n;
}

static gboolean
margin_untouched (const Shot *shot)
{
  const unsigned char *data = cairo_image_surface_get_data (shot->surface);
  int stride = cairo_image_surface_get_stride (shot->surface);

  for (int y = 0; y < shot->height + 2 * MARGIN; y++)
    for (int x = 0; x < shot->width + 2 * MARGIN; x++)
      {
        gboolean inside = x >= MARGIN && x < MARGIN + shot->width && y >= MARGIN && y < MARGIN + shot->height;

        if (!inside && *(const guint32 *) (data + y * stride + x * 4) != 0)
          return FALSE;
      }
  return TRUE;
}

static gboolean
anything_drawn (const Shot *shot)
{
  for (int y = 0; y < shot->height; y++)
    for (int x = 0; x < shot->width; x++)
      if (pixel (shot, x, y) != 0)
        return TRUE;
  return FALSE;
}

/* The centre x of the band the hit test gives for @index along the line @y. */
static int
band_centre (MdChartKind kind, const MdStats *stats, const MdDrawStyle *style, int width, int height,
             int y, int index)
{
  int first = -1, last = -1;

  for (int x = 0; x < width; x++)
    if (md_chart_hit_test (kind, stats, style, width, height, x, y) == index)
      {
        if (first < 0)
          first = x;
        last = x;
      }
  g_assert_cmpint (first, >=, 0);
  return (first + last) / 2;
}

static void
test_frequency_pixels (void)
{
  g_autoptr(MdStats) stats = ten_days ();
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  int w = 400, h = 300, y = h / 2;
  Shot shot = render (MD_CHART_FREQUENCY, stats, style, w, h, -1);
  int x5 = band_centre (MD_CHART_FREQUENCY, stats, style, w, h, y, 5);
  int x2 = band_centre (MD_CHART_FREQUENCY, stats, style, w, h, y, 2);
  int x3 = band_centre (MD_CHART_FREQUENCY, stats, style, w, h, y, 3);
  guint n5 = column_count (&shot, x5, &style->accent);
  guint n2 = column_count (&shot, x2, &style->accent);

  g_assert_cmpint (x2, <, x3);
  g_assert_cmpint (x3, <, x5);
  /* Bar heights in proportion to 10 and 4 (within rounding and the average line crossing). */
  g_assert_cmpuint (n5, >, h / 3);
  g_assert_cmpfloat_with_epsilon ((double) n2 / n5, 0.4, 0.04);
  g_assert_cmpuint (column_count (&shot, x3, &style->accent), ==, 0);
  g_assert_true (margin_untouched (&shot));
  cairo_surface_destroy (shot.surface);

  /* The same on a dark style and a narrow, low chart. */
  {
    g_autoptr(MdDrawStyle) dark = md_draw_style_new_default (TRUE);
    Shot small = render (MD_CHART_FREQUENCY, stats, dark, 200, 200, 5);
    int sx5 = band_centre (MD_CHART_FREQUENCY, stats, dark, 200, 200, 100, 5);

    g_assert_cmpuint (column_count (&small, sx5, &dark->accent), >, 0);
    g_assert_true (margin_untouched (&small));
    cairo_surface_destroy (small.surface);
  }
}

static void
test_sides_pixels (void)
{
  g_autoptr(MdStats) stats = ten_days ();
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  int w = 500, h = 300;
  Shot shot = render (MD_CHART_SIDES, stats, style, w, h, -1);
  int x2 = band_centre (MD_CHART_SIDES, stats, style, w, h, h / 2, 2);
  int x5 = band_centre (MD_CHART_SIDES, stats, style, w, h, h / 2, 5);

  g_assert_cmpuint (column_count (&shot, x2, &style->left), >, 0);
  g_assert_cmpuint (column_count (&shot, x2, &style->right), ==, 0);
  g_assert_cmpuint (column_count (&shot, x5, &style->right), >, 0);
  g_assert_cmpuint (column_count (&shot, x5, &style->left), ==, 0);
  g_assert_true (margin_untouched (&shot));
  cairo_surface_destroy (shot.surface);
}

static void
test_time_of_day_pixels (void)
{
  g_autoptr(MdStats) stats = ten_days ();
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  int w = 360, h = 240;
  Shot shot = render (MD_CHART_TIME_OF_DAY, stats, style, w, h, -1);
  int x9 = band_centre (MD_CHART_TIME_OF_DAY, stats, style, w, h, h / 2, 9);
  int x18 = band_centre (MD_CHART_TIME_OF_DAY, stats, style, w, h, h / 2, 18);
  int x3 = band_centre (MD_CHART_TIME_OF_DAY, stats, style, w, h, h / 2, 3);

  g_assert_cmpuint (column_count (&shot, x9, &style->accent), >, 0);
  g_assert_cmpuint (column_count (&shot, x18, &style->accent), >
                    , column_count (&shot, x9, &style->accent));
  g_assert_cmpuint (column_count (&shot, x3, &style->accent), ==, 0);
  g_assert_true (margin_untouched (&shot));
  cairo_surface_destroy (shot.surface);
}

static void
test_triggers_pixels (void)
{
  g_autoptr(GPtrArray) e = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GPtrArray) c = g_ptr_array_new_with_free_func ((GDestroyNotify) md_checkin_free);
  g_autoptr(MdStats) stats = NULL;
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  int w = 600, h = 360, row_sleep = -1, row_water = -1;
  Shot shot;
  guint sleep_accent = 0, water_accent = 0;

  /* Stress answered on 12 days (6 high), water on 3 days only: too little data. */
  for (int d = 0; d < 12; d++)
    {
      MdCheckin *k = md_checkin_new (D0 + d);

      k->sleep_min = d < 6 ? 300 : 480;
      if (d < 3)
        k->water_glasses = 2;
      g_ptr_array_add (c, k);
      if (d < 6)
        g_ptr_array_add (e, ep (D0 + d, 9, MD_SIDE_LEFT, 60));
    }
  stats = md_stats_compute ((MdEpisode * const *) e->pdata, e->len, (MdCheckin * const *) c->pdata, c->len,
                            D0, D0 + 11);
  g_assert_false (stats->factors[MD_FACTOR_POOR_SLEEP].too_little_data);
  g_assert_true (stats->factors[MD_FACTOR_LOW_WATER].too_little_data);
  shot = render (MD_CHART_TRIGGERS, stats, style, w, h, -1);

  for (int y = 0; y < h; y++)
    {
      int hit = md_chart_hit_test (MD_CHART_TRIGGERS, stats, style, w, h, w / 2, y);

      if (hit == MD_FACTOR_POOR_SLEEP * 2 && row_sleep < 0)
        row_sleep = y;
      if (hit == MD_FACTOR_LOW_WATER * 2 && row_water < 0)
        row_water = y;
    }
  g_assert_cmpint (row_sleep, >=, 0);
  g_assert_cmpint (row_water, >, row_sleep);
  /* The "with" half of each row: a bar for poor sleep (1 per day), none for water. */
  for (int y = row_sleep; y < row_sleep + 8; y++)
    for (int x = 0; x < w; x++)
      sleep_accent += is_colour (pixel (&shot, x, y + 3), &style->accent);
  for (int y = row_water; y < row_water + 8; y++)
    for (int x = 0; x < w; x++)
      water_accent += is_colour (pixel (&shot, x, y + 3), &style->accent);
  g_assert_cmpuint (sleep_accent, >, 100);
  g_assert_cmpuint (water_accent, ==, 0);
  g_assert_true (margin_untouched (&shot));
  cairo_surface_destroy (shot.surface);

  {
    g_autofree char *with = md_chart_item_text (MD_CHART_TRIGGERS, stats, MD_FACTOR_POOR_SLEEP * 2);
    g_autofree char *without = md_chart_item_text (MD_CHART_TRIGGERS, stats, MD_FACTOR_POOR_SLEEP * 2 + 1);
    g_autofree char *water = md_chart_item_text (MD_CHART_TRIGGERS, stats, MD_FACTOR_LOW_WATER * 2);
    g_autofree char *text = md_chart_describe (MD_CHART_TRIGGERS, stats);

    g_assert_cmpstr (with, ==, "Poor sleep: 1.00 episodes per day on the 6 days with it");
    g_assert_cmpstr (without, ==, "Poor sleep: 0.00 episodes per day on the 6 days without it");
    g_assert_nonnull (strstr (water, "not enough data yet"));
    g_assert_nonnull (strstr (text, "Poor sleep: 1.0 with (6 days), 0.0 without (6 days)"));
    g_assert_nonnull (strstr (text, "Little water: not enough data yet"));
    g_assert_nonnull (strstr (text, "not what causes twitching"));
  }
}

/* Distance of a pixel's colour from @c (0 = the same). */
static int
colour_distance (guint32 p, const MdRgba *c)
{
  int r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff;

  return ABS (r - (int) (c->r * 255)) + ABS (g - (int) (c->g * 255)) + ABS (b - (int) (c->b * 255));
}

static void
test_face_pixels (void)
{
  g_autoptr(GPtrArray) e = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(MdStats) stats = NULL;
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  int w = 400, h = 400;
  double lx, ly, rx, ry, ox, oy;
  Shot shot;
  int hit;

  /* Ten times the left lower eyelid, twice the right cheek. */
  for (int i = 0; i < 10; i++)
    g_ptr_array_add (e, ep (D0 + i % 5, 9, MD_SIDE_LEFT, 60));
  for (int i = 0; i < 2; i++)
    {
      MdEpisode *x = ep (D0 + 6, 10 + i, MD_SIDE_RIGHT, 60);
      x->regions = MD_BIT (MD_REGION_CHEEK);
      g_ptr_array_add (e, x);
    }
  stats = md_stats_compute ((MdEpisode * const *) e->pdata, e->len, NULL, 0, D0, D0 + 9);
  g_assert_false (md_chart_is_empty (MD_CHART_FACE, stats));
  g_assert_cmpuint (md_chart_n_items (MD_CHART_FACE, stats), ==, 2 * MD_N_REGIONS);

  shot = render (MD_CHART_FACE, stats, style, w, h, -1);
  g_assert_true (margin_untouched (&shot));
  md_face_map_region_point (w, h, MD_REGION_EYELID_LOWER, MD_SIDE_LEFT, &lx, &ly);
  md_face_map_region_point (w, h, MD_REGION_CHEEK, MD_SIDE_RIGHT, &rx, &ry);
  md_face_map_region_point (w, h, MD_REGION_CHEEK, MD_SIDE_LEFT, &ox, &oy);
  /* The busiest region is the darkest shade of the accent; fewer is lighter; none is lightest. */
  g_assert_cmpint (colour_distance (pixel (&shot, (int) lx, (int) ly), &style->accent), <,
                   colour_distance (pixel (&shot, (int) rx, (int) ry), &style->accent));
  g_assert_cmpint (colour_distance (pixel (&shot, (int) rx, (int) ry), &style->accent), <,
                   colour_distance (pixel (&shot, (int) ox, (int) oy), &style->accent));

  hit = md_chart_hit_test (MD_CHART_FACE, stats, style, w, h, lx, ly);
  g_assert_cmpint (hit, ==, MD_REGION_EYELID_LOWER);
  text = md_chart_item_text (MD_CHART_FACE, stats, hit);
  g_assert_cmpstr (text, ==, "Lower eyelid, your left: 10 episodes");
  g_assert_cmpint (md_chart_hit_test (MD_CHART_FACE, stats, style, w, h, rx, ry), ==, MD_N_REGIONS + MD_REGION_CHEEK);
  g_assert_cmpint (md_chart_hit_test (MD_CHART_FACE, stats, style, w, h, 1, 1), ==, -1);
  summary = md_chart_describe (MD_CHART_FACE, stats);
  g_assert_nonnull (strstr (summary, "Most often: Lower eyelid, your left: 10 episodes"));
  cairo_surface_destroy (shot.surface);
}

static void
test_empty_state (void)
{
  g_autoptr(MdStats) stats = md_stats_compute (NULL, 0, NULL, 0, D0, D0 + 89);
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);

  for (guint k = 0; k < MD_N_CHART_KINDS; k++)
    {
      Shot shot;
      g_autofree char *text = NULL;

      if (!md_chart_kind_available (k))
        continue;
      g_assert_true (md_chart_is_empty (k, stats));
      g_assert_cmpuint (md_chart_n_items (k, stats), ==, 0);
      shot = render (k, stats, style, 360, 200, -1);
      /* The message is drawn (text pixels), no bars. */
      g_assert_true (anything_drawn (&shot));
      g_assert_cmpuint (column_count (&shot, 180, &style->accent), ==, 0);
      g_assert_true (margin_untouched (&shot));
      g_assert_cmpint (md_chart_hit_test (k, stats, style, 360, 200, 180, 100), ==, -1);
      text = md_chart_describe (k, stats);
      g_assert_cmpstr (text, ==, k == MD_CHART_TRIGGERS ? MD_CHART_NO_CHECKINS :
                                 k == MD_CHART_MRS ? "No Menopause Rating Scale answers in this period yet." :
                                 "Nothing logged in this period.");
      cairo_surface_destroy (shot.surface);
    }
}

/* The rating scale by week (subscores stacked to the total), the symptom charts and the
 * medicine bands under the frequency chart. */
static void
test_menopause_charts (void)
{
  g_autoptr(MdStats) stats = ten_days ();
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  g_autoptr(MdMrs) a = md_mrs_new (D0 + 1);
  g_autoptr(MdMrs) b = md_mrs_new (D0 + 2);
  g_autoptr(MdMrs) c = md_mrs_new (D0 + 8);
  g_autoptr(MdMedicine) hrt = md_medicine_new ("Estradiol", MD_MEDICINE_HRT);
  g_autoptr(MdMedicine) before = md_medicine_new ("Old", MD_MEDICINE_OTHER);
  g_autoptr(MdCheckin) ci = md_checkin_new (D0 + 3);
  MdMrs *mrs[] = { a, b, c };
  MdMedicine *meds[] = { hrt, before };
  MdCheckin *cis[] = { ci };
  g_autofree char *item = NULL;
  g_autofree char *describe = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int hit_before, hit_after;

  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    {
      a->items[i] = 2;   /* total 22: somatic 8, psychological 8, urogenital 6 */
      b->items[i] = 4;   /* total 44 */
    }
  c->items[0] = 1;
  hrt->started = D0 + 4;
  before->started = D0 - 30;
  before->stopped = D0 - 1;
  md_checkin_set_symptom (ci, "brain fog", 7);
  hit_before = md_chart_hit_test (MD_CHART_FREQUENCY, stats, style, 360, 300, 360 * 0.55, 250);
  md_stats_add_menopause (stats, cis, 1, mrs, 3, meds, 2, NULL);

  g_assert_false (md_chart_is_empty (MD_CHART_MRS, stats));
  g_assert_cmpuint (stats->mrs_days, ==, 3);
  /* 10 days in weeks ending on the last day: D0..D0+2 (short), D0+3..D0+9. */
  g_assert_cmpuint (md_chart_n_items (MD_CHART_MRS, stats), ==, 2);
  item = md_chart_item_text (MD_CHART_MRS, stats, 0);
  g_assert_nonnull (strstr (item, "total 33.0 (somatic 12.0, psychological 12.0, urogenital 9.0)"));
  describe = md_chart_describe (MD_CHART_MRS, stats);
  g_assert_nonnull (strstr (describe, "answers on 3 days"));
  g_assert_cmpstr (md_chart_kind_id (MD_CHART_MRS), ==, "mrs");

  /* Only the medicine taken in the range is a band. */
  g_assert_cmpuint (stats->medicines->len, ==, 1);
  g_assert_cmpfloat (md_chart_medicine_bands_height (stats, style, 300), >, 0);
  g_assert_cmpfloat (md_chart_medicine_bands_height (stats, style, 300), <=, 100);
  /* The hit test follows the columns drawn above the bands. */
  hit_after = md_chart_hit_test (MD_CHART_FREQUENCY, stats, style, 360, 300, 360 * 0.55, 150);
  g_assert_cmpint (hit_after, >=, 0);
  g_assert_cmpint (hit_before, >=, -1);

  g_assert_cmpuint (stats->n_symptoms, ==, 1);
  g_assert_cmpstr (stats->symptom_names[0], ==, "brain fog");
  g_assert_cmpfloat (stats->symptoms[0]->values[3], ==, 7);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 360, 200);
  cr = cairo_create (surface);
  md_chart_draw_symptom (cr, stats, 0, style, 360, 200);
  md_chart_draw (cr, MD_CHART_MRS, stats, style, 360, 200, 0);
  md_chart_draw (cr, MD_CHART_FREQUENCY, stats, style, 360, 200, -1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_hit_and_text (void)
{
  g_autoptr(MdStats) stats = ten_days ();
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  int x5 = band_centre (MD_CHART_FREQUENCY, stats, style, 800, 450, 225, 5);
  g_autofree char *item = NULL;
  g_autofree char *dur = NULL;
  g_autofree char *sides = NULL;
  g_autofree char *hour = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (md_chart_hit_test (MD_CHART_FREQUENCY, stats, style, 800, 450, x5, 225), ==, 5);
  /* Outside the plot and outside the chart: nothing. */
  g_assert_cmpint (md_chart_hit_test (MD_CHART_FREQUENCY, stats, style, 800, 450, x5, 449), ==, -1);
  g_assert_cmpint (md_chart_hit_test (MD_CHART_FREQUENCY, stats, style, 800, 450, 900, 225), ==, -1);
  g_assert_cmpint (md_chart_hit_test (MD_CHART_FREQUENCY, stats, style, 800, 450, 795, 225), ==, 9);
  g_assert_cmpuint (md_chart_n_items (MD_CHART_FREQUENCY, stats), ==, 10);
  g_assert_cmpuint (md_chart_n_items (MD_CHART_TIME_OF_DAY, stats), ==, 24);

  item = md_chart_item_text (MD_CHART_FREQUENCY, stats, 5);
  g_assert_cmpstr (item, ==, "Wed 9 Oct 2024: 10 episodes (7-day average 2.3)");
  dur = md_chart_item_text (MD_CHART_DURATION, stats, 5);
  g_assert_cmpstr (dur, ==, "Wed 9 Oct 2024: 20 min of twitching with a known duration");
  sides = md_chart_item_text (MD_CHART_SIDES, stats, 2);
  g_assert_cmpstr (sides, ==, "Sun 6 Oct 2024: left 4, right 0, both sides 0, side not recorded 0");
  hour = md_chart_item_text (MD_CHART_TIME_OF_DAY, stats, 18);
  g_assert_cmpstr (hour, ==, "18:00–18:59: 10 episodes");

  text = md_chart_describe (MD_CHART_FREQUENCY, stats);
  g_assert_nonnull (strstr (text, "14 episodes in 10 days"));
  g_assert_nonnull (strstr (text, "Most in one bar: 10, on Wed 9 Oct 2024"));
  g_clear_pointer (&text, g_free);
  text = md_chart_describe (MD_CHART_SIDES, stats);
  g_assert_cmpstr (text, ==, "Left side 4, right side 10, both sides 0, side not recorded 0.");
  g_clear_pointer (&text, g_free);
  text = md_chart_describe (MD_CHART_DURATION, stats);
  g_assert_nonnull (strstr (text, "Total twitching time 24 min, known for 14 of 14 episodes"));
  g_clear_pointer (&text, g_free);
  text = md_chart_describe (MD_CHART_TIME_OF_DAY, stats);
  g_assert_cmpstr (text, ==, "Most episodes began between 18:00 and 18:59: 10 of 14.");
}

/* At every width the hit test finds every bar, in order, and drawing stays inside. */
static void
test_widths (void)
{
  g_autoptr(MdStats) stats = ten_days ();
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);

  for (int w = 360; w <= 1920; w += 520)
    for (guint k = 0; k < MD_N_CHART_KINDS; k++)
      {
        Shot shot;

        if (!md_chart_kind_available (k))
          continue;
        shot = render (k, stats, style, w, 300, 0);
        g_assert_true (margin_untouched (&shot));
        cairo_surface_destroy (shot.surface);
      }
}

static MdStats *
busy_range (guint n_days)
{
  g_autoptr(GPtrArray) e = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);

  /* Across a new year, with a varying load. */
  for (guint d = 0; d < n_days; d++)
    for (guint i = 0; i < (d * 7) % 5; i++)
      g_ptr_array_add (e, ep (D0 + d, (int) (i * 5 + d) % 24, (MdSide) (i % MD_N_SIDES), 30 + 10 * i));
  return md_stats_compute ((MdEpisode * const *) e->pdata, e->len, NULL, 0, D0, D0 + n_days - 1);
}

/* From 360 to 1920 pixels no two axis labels touch and none leaves the chart. */
static void
test_labels_never_overlap (void)
{
  static const MdChartKind kinds[] = { MD_CHART_FREQUENCY, MD_CHART_DURATION, MD_CHART_SIDES,
                                       MD_CHART_REGIONS, MD_CHART_TIME_OF_DAY };
  static const guint ranges[] = { 30, 90, 365, 3650 };
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      g_autoptr(MdStats) stats = busy_range (ranges[r]);

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        for (int w = 360; w <= 1920; w += 31)
          {
            int h = 200 + (w % 400);
            g_autoptr(GArray) boxes = md_chart_label_boxes (kinds[k], stats, style, w, h);

            g_assert_cmpuint (boxes->len, >=, 4);
            for (guint i = 0; i < boxes->len; i++)
              {
                const MdChartBox *a = &g_array_index (boxes, MdChartBox, i);

                g_assert_cmpfloat (a->x, >=, 0);
                g_assert_cmpfloat (a->y, >=, 0);
                g_assert_cmpfloat (a->x + a->w, <=, w);
                g_assert_cmpfloat (a->y + a->h, <=, h);
                for (guint j = i + 1; j < boxes->len; j++)
                  {
                    const MdChartBox *b = &g_array_index (boxes, MdChartBox, j);
                    gboolean apart = md_spans_apart (a->x, a->x + a->w, b->x, b->x + b->w, 1) ||
                                     md_spans_apart (a->y, a->y + a->h, b->y, b->y + b->h, 0);

                    if (!apart)
                      g_error ("%s, %u days, %d x %d: labels %u and %u overlap",
                               md_chart_kind_id (kinds[k]), ranges[r], w, h, i, j);
                  }
              }
          }
    }
}

static void
test_save (void)
{
  g_autoptr(MdStats) stats = ten_days ();
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *bad = g_build_filename (dir, "c.jpg", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *back;

  g_assert_true (md_chart_save (MD_CHART_FREQUENCY, stats, style, 321, 234, png, &error));
  g_assert_no_error (error);
  back = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, 321);
  g_assert_cmpint (cairo_image_surface_get_height (back), ==, 234);
  cairo_surface_destroy (back);
  g_assert_false (md_chart_save (MD_CHART_FREQUENCY, stats, style, 321, 234, bad, &error));
  g_assert_error (error, MD_CHART_ERROR, MD_CHART_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (md_chart_save (MD_CHART_FACE, stats, style, 321, 234, png, &error));
  g_assert_no_error (error);
  back = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, 321);
  cairo_surface_destroy (back);
  md_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/scale/ticks", test_ticks);
  g_test_add_func ("/charts/scale/bands", test_bands);
  g_test_add_func ("/charts/scale/label-stride", test_label_stride);
  g_test_add_func ("/charts/scale/format", test_format);
  g_test_add_func ("/charts/kinds", test_kinds);
  g_test_add_func ("/charts/pixels/frequency", test_frequency_pixels);
  g_test_add_func ("/charts/pixels/sides", test_sides_pixels);
  g_test_add_func ("/charts/pixels/time-of-day", test_time_of_day_pixels);
  g_test_add_func ("/charts/pixels/triggers", test_triggers_pixels);
  g_test_add_func ("/charts/pixels/face", test_face_pixels);
  g_test_add_func ("/charts/empty", test_empty_state);
  g_test_add_func ("/charts/hit-and-text", test_hit_and_text);
  g_test_add_func ("/charts/menopause", test_menopause_charts);
  g_test_add_func ("/charts/widths", test_widths);
  g_test_add_func ("/charts/labels-never-overlap", test_labels_never_overlap);
  g_test_add_func ("/charts/save", test_save);
  status = g_test_run ();
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return status;
}
