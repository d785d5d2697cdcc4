/* test-checkin.c: the daily check-in model and its storage. */
#include "config.h"

#include "md-checkin.h"
#include "md-test-utils.h"

static void
test_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MdStore) store = md_test_store_new (&dir);
  g_autoptr(MdCheckin) c = md_checkin_new (20178);
  g_autoptr(MdCheckin) back = NULL;
  g_autoptr(GError) error = NULL;
  const char *supps[] = { "magnesium", "vitamin D", NULL };

  c->sleep_min = 330;
  c->sleep_quality = 2;
  c->caffeine_cups = 4;
  c->caffeine_mg = 380;
  c->water_glasses = 3;
  c->stress = 8;
  c->hot_flashes = 6;
  c->supplements = g_strdupv ((char **) supps);
  c->medicines_started = g_strdup ("sertraline 50 mg");
  c->note = g_strdup ("Bad night, many night sweats");
  g_assert_true (md_store_put_checkin (store, c, &error));
  g_assert_no_error (error);

  back = md_store_get_checkin (store, 20178, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpint (back->sleep_min, ==, 330);
  g_assert_cmpint (back->sleep_quality, ==, 2);
  g_assert_cmpint (back->caffeine_cups, ==, 4);
  g_assert_cmpint (back->caffeine_mg, ==, 380);
  g_assert_cmpint (back->water_glasses, ==, 3);
  g_assert_cmpint (back->stress, ==, 8);
  g_assert_cmpint (back->hot_flashes, ==, 6);
  g_assert_true (md_checkin_took (back, "vitamin D"));
  g_assert_false (md_checkin_took (back, "calcium"));
  g_assert_cmpstr (back->medicines_started, ==, "sertraline 50 mg");
  g_assert_null (back->medicines_stopped);
  g_assert_cmpstr (back->note, ==, "Bad night, many night sweats");

  /* Same day again replaces it; unknowns stay unknown. */
  g_clear_pointer (&c, md_checkin_free);
  c = md_checkin_new (20178);
  c->stress = 1;
  g_assert_true (md_store_put_checkin (store, c, NULL));
  g_clear_pointer (&back, md_checkin_free);
  back = md_store_get_checkin (store, 20178, NULL);
  g_assert_cmpint (back->stress, ==, 1);
  g_assert_cmpint (back->sleep_min, ==, MD_UNKNOWN);
  g_assert_null (back->supplements);

  g_assert_true (md_store_delete_checkin (store, 20178, NULL));
  g_assert_null (md_store_get_checkin (store, 20178, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  md_test_rmdir (dir);
}

static void
test_invalid (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MdStore) store = md_test_store_new (&dir);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) md_checkin_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  MdCheckin *bad;

  g_ptr_array_add (batch, md_checkin_new (20000));
  bad = md_checkin_new (20001);
  bad->stress = 11;
  g_ptr_array_add (batch, bad);
  g_assert_false (md_store_put_checkins (store, batch, &error));
  g_assert_error (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Stress"));
  all = md_store_checkins_between (store, G_MININT64, G_MAXINT64, NULL);
  g_assert_cmpuint (all->len, ==, 0);

  bad->stress = 5;
  bad->sleep_min = 24 * 60 + 1;
  g_clear_error (&error);
  g_assert_false (md_checkin_validate (bad, &error));
  g_assert_error (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_SLEEP);
  bad->sleep_min = 0;
  bad->sleep_quality = 0;
  g_assert_false (md_checkin_validate (bad, NULL));
  bad->sleep_quality = 5;
  bad->water_glasses = 41;
  g_assert_false (md_checkin_validate (bad, NULL));
  bad->water_glasses = 40;
  g_assert_true (md_checkin_validate (bad, NULL));
  g_clear_object (&store);
  md_test_rmdir (dir);
}

static void
test_range_order (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MdStore) store = md_test_store_new (&dir);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) md_checkin_free);
  g_autoptr(GPtrArray) got = NULL;

  for (int d = 10; d > 0; d--)
    g_ptr_array_add (batch, md_checkin_new (20000 + d));
  g_assert_true (md_store_put_checkins (store, batch, NULL));
  got = md_store_checkins_between (store, 20003, 20006, NULL);
  g_assert_cmpuint (got->len, ==, 4);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpint (((MdCheckin *) got->pdata[i])->day, ==, 20003 + i);
  g_clear_object (&store);
  md_test_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/checkin/round-trip", test_round_trip);
  g_test_add_func ("/checkin/invalid", test_invalid);
  g_test_add_func ("/checkin/range-order", test_range_order);
  return g_test_run ();
}
