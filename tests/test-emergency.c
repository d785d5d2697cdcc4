/* test-emergency.c: the suggested emergency number. */
#include "config.h"

#include "md-emergency.h"

static void
test_territories (void)
{
  g_assert_cmpstr (md_emergency_number_for_territory ("GB"), ==, "999");
  g_assert_cmpstr (md_emergency_number_for_territory ("us"), ==, "911");
  g_assert_cmpstr (md_emergency_number_for_territory ("AU"), ==, "000");
  g_assert_cmpstr (md_emergency_number_for_territory ("FR"), ==, "112");
  g_assert_cmpstr (md_emergency_number_for_territory (NULL), ==, "112");
}

static void
test_locales (void)
{
  g_autofree char *a = md_territory_from_locale ("en_GB.UTF-8");
  g_autofree char *b = md_territory_from_locale ("de_DE@euro");
  g_autofree char *c = md_territory_from_locale ("C.UTF-8");

  g_assert_cmpstr (a, ==, "GB");
  g_assert_cmpstr (b, ==, "DE");
  g_assert_null (c);
  g_assert_cmpstr (md_emergency_number ("15"), ==, "15");
  /* The tests run in C.UTF-8: no territory, so the 112 fallback. */
  g_assert_cmpstr (md_emergency_number (""), ==, "112");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emergency/territories", test_territories);
  g_test_add_func ("/emergency/locales", test_locales);
  return g_test_run ();
}
