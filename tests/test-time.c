/* test-time.c: ISO 8601 parsing and formatting with offsets. */
#include "config.h"

#include "md-time.h"

static void
test_parse_forms (void)
{
  gint64 t;
  gint32 off;

  g_assert_true (md_time_parse_iso8601 ("2025-03-31T12:00:00Z", NULL, &t, &off, NULL));
  g_assert_cmpint (t, ==, 1743422400);
  g_assert_cmpint (off, ==, 0);
  g_assert_true (md_time_parse_iso8601 ("2025-03-31T13:00+01:00", NULL, &t, &off, NULL));
  g_assert_cmpint (t, ==, 1743422400);
  g_assert_cmpint (off, ==, 3600);
  g_assert_true (md_time_parse_iso8601 ("2025-03-31T06:30:00-05:30", NULL, &t, &off, NULL));
  g_assert_cmpint (t, ==, 1743422400);
  g_assert_cmpint (off, ==, -19800);
}

static void
test_parse_local (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  gint64 t;
  gint32 off;

  g_assert_nonnull (paris);
  /* Winter: +01:00. Summer (after 2025-03-30 01:00Z): +02:00. */
  g_assert_true (md_time_parse_iso8601 ("2025-03-29T10:00", paris, &t, &off, NULL));
  g_assert_cmpint (off, ==, 3600);
  g_assert_cmpint (t, ==, 1743238800);
  g_assert_true (md_time_parse_iso8601 ("2025-03-31T10:00", paris, &t, &off, NULL));
  g_assert_cmpint (off, ==, 7200);
  g_assert_cmpint (t, ==, 1743408000);
}

static void
test_parse_bad (void)
{
  static const char *bad[] = { "", "2025-03-31", "2025-3-31T10:00", "2025-02-30T10:00Z", "2025-03-31T24:00Z",
                               "2025-03-31T10:60Z", "2025-03-31 10:00Z", "2025-03-31T10:00+1:00",
                               "2025-03-31T10:00+15:00", "2025-03-31T10:00Zjunk", "1899-12-31T10:00Z",
                               "2025-03-31T10:00:61Z", "abcd-ef-ghTij:kl" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t;
      gint32 off;

      g_assert_false (md_time_parse_iso8601 (bad[i], NULL, &t, &off, &error));
      g_assert_error (error, MD_TIME_ERROR, MD_TIME_ERROR_INVALID);
    }
}

static void
test_format (void)
{
  g_autofree char *a = md_time_format_iso8601 (1743422400, 3600, FALSE);
  g_autofree char *b = md_time_format_iso8601 (1743422400, 0, TRUE);
  g_autofree char *c = md_time_format_iso8601 (1743422400, -19800, TRUE);
  g_autofree char *d = md_time_format_day (20178);
  gint64 day;

  g_assert_cmpstr (a, ==, "2025-03-31T13:00:00+01:00");
  g_assert_cmpstr (b, ==, "2025-03-31T12:00:00Z");
  g_assert_cmpstr (c, ==, "2025-03-31T06:30:00-05:30");
  g_assert_cmpstr (d, ==, "2025-03-31");
  g_assert_true (md_time_parse_date ("2025-03-31", &day, NULL));
  g_assert_cmpint (day, ==, 20178);
  g_assert_false (md_time_parse_date ("2025-13-01", &day, NULL));
  g_assert_cmpint (md_time_day_of (-1), ==, -1);
  g_assert_cmpint (md_time_day_of (86399), ==, 0);
}

/* Local mean time (Paris before 1911: +00:09:21) cannot be written as ±HH:MM: the wall-clock
 * time is kept with the offset in whole minutes, so that it formats and reads back the same
 * (found by fuzz-date). */
static void
test_parse_local_mean_time (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autofree char *text = NULL;
  gint64 utc, utc2;
  gint32 offset, offset2;

  g_assert_true (md_time_parse_iso8601 ("1900-01-01T00:00", paris, &utc, &offset, NULL));
  g_assert_cmpint (offset % 60, ==, 0);
  text = md_time_format_iso8601 (utc, offset, FALSE);
  g_assert_true (g_str_has_prefix (text, "1900-01-01T00:00:00+"));
  g_assert_true (md_time_parse_iso8601 (text, paris, &utc2, &offset2, NULL));
  g_assert_cmpint (utc2, ==, utc);
  g_assert_cmpint (offset2, ==, offset);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/time/parse-forms", test_parse_forms);
  g_test_add_func ("/time/parse-local-dst", test_parse_local);
  g_test_add_func ("/time/parse-bad", test_parse_bad);
  g_test_add_func ("/time/format", test_format);
  g_test_add_func ("/time/parse-local-mean-time", test_parse_local_mean_time);
  return g_test_run ();
}
