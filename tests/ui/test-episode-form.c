/* test-episode-form.c: the episode form's logic, without widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "md-time.h"
#include "md-episode-form.h"

static void
test_click_sets_side (void)
{
  MdFaceSelection sel;

  md_face_selection_set_episode (&sel, 0, MD_SIDE_UNKNOWN);
  md_face_selection_click (&sel, MD_REGION_CHEEK, MD_SIDE_LEFT);
  g_assert_cmphex (md_face_selection_regions (&sel), ==, MD_BIT (MD_REGION_CHEEK));
  g_assert_cmpint (sel.side, ==, MD_SIDE_LEFT);

  md_face_selection_click (&sel, MD_REGION_JAW, MD_SIDE_RIGHT);
  g_assert_cmpint (sel.side, ==, MD_SIDE_BOTH);
  g_assert_cmphex (sel.left, ==, MD_BIT (MD_REGION_CHEEK));
  g_assert_cmphex (sel.right, ==, MD_BIT (MD_REGION_JAW));

  /* Clicking the left cheek again leaves only the right half. */
  md_face_selection_click (&sel, MD_REGION_CHEEK, MD_SIDE_LEFT);
  g_assert_cmpint (sel.side, ==, MD_SIDE_RIGHT);
  g_assert_cmphex (md_face_selection_regions (&sel), ==, MD_BIT (MD_REGION_JAW));

  /* Emptying keeps the last side (the form then asks for a region). */
  md_face_selection_click (&sel, MD_REGION_JAW, MD_SIDE_RIGHT);
  g_assert_cmphex (md_face_selection_regions (&sel), ==, 0);
  g_assert_cmpint (sel.side, ==, MD_SIDE_RIGHT);
}

static void
test_list_and_side (void)
{
  MdFaceSelection sel;

  md_face_selection_set_episode (&sel, 0, MD_SIDE_UNKNOWN);
  md_face_selection_set_region (&sel, MD_REGION_LIPS, TRUE);
  /* "Not sure" shows the region on both halves but keeps the side unknown. */
  g_assert_cmphex (sel.left, ==, MD_BIT (MD_REGION_LIPS));
  g_assert_cmphex (sel.right, ==, MD_BIT (MD_REGION_LIPS));
  g_assert_cmpint (sel.side, ==, MD_SIDE_UNKNOWN);

  md_face_selection_set_side (&sel, MD_SIDE_LEFT);
  g_assert_cmphex (sel.right, ==, 0);
  md_face_selection_set_region (&sel, MD_REGION_CHIN, TRUE);
  g_assert_cmphex (sel.left, ==, MD_BIT (MD_REGION_LIPS) | MD_BIT (MD_REGION_CHIN));
  g_assert_cmphex (sel.right, ==, 0);

  md_face_selection_set_side (&sel, MD_SIDE_BOTH);
  g_assert_cmphex (sel.right, ==, sel.left);
  md_face_selection_set_region (&sel, MD_REGION_LIPS, FALSE);
  g_assert_cmphex (md_face_selection_regions (&sel), ==, MD_BIT (MD_REGION_CHIN));

  /* With "not sure", a click picks a half. */
  md_face_selection_set_side (&sel, MD_SIDE_UNKNOWN);
  md_face_selection_click (&sel, MD_REGION_CHEEK, MD_SIDE_RIGHT);
  g_assert_cmpint (sel.side, ==, MD_SIDE_RIGHT);
  g_assert_cmphex (sel.right, ==, MD_BIT (MD_REGION_CHIN) | MD_BIT (MD_REGION_CHEEK));
  g_assert_cmphex (sel.left, ==, 0);
}

static void
test_duration_parts (void)
{
  static const struct { gint64 s; double value; MdDurationUnit unit; } cases[] = {
    { MD_UNKNOWN, 0, MD_DURATION_SECONDS },
    { 45, 45, MD_DURATION_SECONDS },
    { 90, 90, MD_DURATION_SECONDS },
    { 180, 3, MD_DURATION_MINUTES },
    { 7200, 2, MD_DURATION_HOURS },
    { 5400, 90, MD_DURATION_MINUTES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value;
      MdDurationUnit unit;

      md_duration_to_parts (cases[i].s, &value, &unit);
      g_assert_cmpfloat (value, ==, cases[i].value);
      g_assert_cmpint (unit, ==, cases[i].unit);
      g_assert_cmpint (md_duration_from_parts (value, unit), ==, cases[i].s);
    }
  g_assert_cmpint (md_duration_from_parts (1.5, MD_DURATION_MINUTES), ==, 90);
  g_assert_cmpint (md_duration_from_parts (-3, MD_DURATION_HOURS), ==, MD_UNKNOWN);
}

static void
test_formatting (void)
{
  static const struct { gint64 s; const char *text; } durations[] = {
    { 45, "45 s" }, { 60, "1 min" }, { 150, "2 min 30 s" }, { 3600, "1 h" }, { 5400, "1 h 30 min" },
  };
  g_autofree char *unknown = md_format_duration (MD_UNKNOWN);
  g_autofree char *today = md_format_day_header (20164, 20164);
  g_autofree char *yesterday = md_format_day_header (20163, 20164);
  g_autofree char *older = md_format_day_header (20164, 20170);  /* 2025-03-17 */
  g_autoptr(MdEpisode) ep = md_episode_new ();
  g_autofree char *time = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      g_autofree char *text = md_format_duration (durations[i].s);
      g_assert_cmpstr (text, ==, durations[i].text);
    }
  g_assert_null (unknown);
  g_assert_cmpstr (today, ==, "Today");
  g_assert_cmpstr (yesterday, ==, "Yesterday");
  g_assert_cmpstr (older, ==, "Monday 17 March 2025");

  /* The time is shown in the episode's own offset. */
  ep->start_utc = 20164 * 86400 + 8 * 3600 + 5 * 60;
  ep->utc_offset_s = 3600;
  time = md_format_episode_time (ep);
  g_assert_cmpstr (time, ==, "09:05");
}

static void
test_local_to_utc (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  gint64 utc;
  gint32 offset;

  if (paris == NULL)
    {
      g_test_skip ("no tzdata");
      return;
    }
  g_assert_true (md_local_to_utc (paris, 2025, 7, 1, 12, 0, &utc, &offset));
  g_assert_cmpint (offset, ==, 7200);
  g_assert_cmpint (utc, ==, 1751364000);
  g_assert_true (md_local_to_utc (paris, 2025, 1, 1, 0, 30, &utc, &offset));
  g_assert_cmpint (offset, ==, 3600);
  g_assert_false (md_local_to_utc (paris, 2025, 2, 30, 0, 0, &utc, &offset));
  g_assert_cmpint (md_local_today (paris, 1751320800 - 1), ==, 20269);  /* 2025-06-30 23:59:59 Paris */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/form/selection/click", test_click_sets_side);
  g_test_add_func ("/form/selection/list-and-side", test_list_and_side);
  g_test_add_func ("/form/duration/parts", test_duration_parts);
  g_test_add_func ("/form/format", test_formatting);
  g_test_add_func ("/form/local-to-utc", test_local_to_utc);

  return g_test_run ();
}
