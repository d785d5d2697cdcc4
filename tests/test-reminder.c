/* test-reminder.c: when the daily reminder is due, whatever the clocks do, and when it is worth
 * sending. */
#include "config.h"

#include "md-reminder.h"
#include "md-test-utils.h"

static void
test_parse (void)
{
  int h = -1, m = -1;

  g_assert_true (md_reminder_parse_time ("20:00", &h, &m));
  g_assert_cmpint (h, ==, 20);
  g_assert_cmpint (m, ==, 0);
  g_assert_true (md_reminder_parse_time ("07:05", &h, &m));
  g_assert_cmpint (h, ==, 7);
  g_assert_cmpint (m, ==, 5);
  g_assert_true (md_reminder_parse_time ("0:30", &h, &m));
  g_assert_false (md_reminder_parse_time ("24:00", NULL, NULL));
  g_assert_false (md_reminder_parse_time ("12:60", NULL, NULL));
  g_assert_false (md_reminder_parse_time ("12:5", NULL, NULL));
  g_assert_false (md_reminder_parse_time ("12", NULL, NULL));
  g_assert_false (md_reminder_parse_time ("", NULL, NULL));
  g_assert_false (md_reminder_parse_time ("ab:cd", NULL, NULL));
  g_assert_false (md_reminder_parse_time (NULL, NULL, NULL));
}

static gint64
utc (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) t = g_date_time_new_utc (y, mo, d, h, mi, 0);

  return g_date_time_to_unix (t);
}

static void
test_next (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) zulu = g_time_zone_new_utc ();

  g_assert_nonnull (berlin);
  /* Later today, or tomorrow once passed (and strictly after now). */
  g_assert_cmpint (md_reminder_next (utc (2025, 6, 1, 10, 0), zulu, 20, 0), ==, utc (2025, 6, 1, 20, 0));
  g_assert_cmpint (md_reminder_next (utc (2025, 6, 1, 20, 0), zulu, 20, 0), ==, utc (2025, 6, 2, 20, 0));
  g_assert_cmpint (md_reminder_next (utc (2025, 6, 1, 21, 0), zulu, 20, 0), ==, utc (2025, 6, 2, 20, 0));
  /* Local time: 20:00 in Berlin in summer is 18:00 UTC. */
  g_assert_cmpint (md_reminder_next (utc (2025, 6, 1, 10, 0), berlin, 20, 0), ==, utc (2025, 6, 1, 18, 0));
  /* Across the change to summer time: the same wall-clock time, one hour less of UTC. */
  g_assert_cmpint (md_reminder_next (utc (2025, 3, 29, 20, 0), berlin, 20, 0), ==, utc (2025, 3, 30, 18, 0));
  /* 02:30 does not exist on 30 March in Berlin: never before the gap, once, that day. */
  {
    gint64 t = md_reminder_next (utc (2025, 3, 29, 23, 0), berlin, 2, 30);

    g_assert_cmpint (t, >=, utc (2025, 3, 30, 1, 0));
    g_assert_cmpint (t, <=, utc (2025, 3, 30, 1, 30));
  }
  /* 02:30 happens twice on 26 October: the reminder comes once, and the next one a day later. */
  {
    gint64 first = md_reminder_next (utc (2025, 10, 25, 23, 0), berlin, 2, 30);
    gint64 second = md_reminder_next (first, berlin, 2, 30);

    g_assert_true (first == utc (2025, 10, 26, 0, 30) || first == utc (2025, 10, 26, 1, 30));
    g_assert_cmpint (second, >, utc (2025, 10, 26, 12, 0));
  }
}

static void
test_wanted (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MdStore) store = md_test_store_new (&dir);
  g_autoptr(MdDiary) diary = md_diary_new (store);
  g_autoptr(MdCheckin) c = NULL;

  md_diary_set_now (diary, utc (2025, 6, 1, 18, 0));
  g_assert_true (md_reminder_wanted (diary));
  /* Yesterday's check-in does not count for today. */
  c = md_checkin_new (md_diary_get_today (diary) - 1);
  c->stress = 3;
  g_assert_true (md_diary_put_checkin (diary, c, NULL));
  g_assert_true (md_reminder_wanted (diary));
  c->day = md_diary_get_today (diary);
  g_assert_true (md_diary_put_checkin (diary, c, NULL));
  g_assert_false (md_reminder_wanted (diary));
  g_clear_object (&diary);
  g_clear_object (&store);
  md_test_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reminder/parse", test_parse);
  g_test_add_func ("/reminder/next", test_next);
  g_test_add_func ("/reminder/wanted", test_wanted);
  return g_test_run ();
}
