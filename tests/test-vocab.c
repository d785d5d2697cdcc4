/* test-vocab.c: the stable ids of the vocabulary. */
#include "config.h"

#include "md-vocab.h"

static void
test_ids_round_trip (void)
{
  for (guint i = 0; i < MD_N_REGIONS; i++)
    {
      MdRegion r;
      g_assert_true (md_region_from_id (md_region_id (i), &r));
      g_assert_cmpuint (r, ==, i);
    }
  for (guint i = 0; i < MD_N_SIGNS; i++)
    {
      MdSign s;
      g_assert_true (md_sign_from_id (md_sign_id (i), &s));
      g_assert_cmpuint (s, ==, i);
    }
  for (guint i = 0; i < MD_N_TRIGGERS; i++)
    {
      MdTrigger t;
      g_assert_true (md_trigger_from_id (md_trigger_id (i), &t));
      g_assert_cmpuint (t, ==, i);
    }
}

static void
test_reference_ids (void)
{
  /* Exactly the ids of ../shared/rules-reference.md and the trigger list. */
  static const char *regions[] = { "eyelid-upper", "eyelid-lower", "around-eye", "forehead", "cheek",
                                   "mid-face", "lips", "mouth-corner", "chin", "jaw" };
  static const char *signs[] = { "weakness", "drooping", "asymmetry", "speech-difficulty", "vision-change",
                                 "dizziness", "numbness", "severe-headache", "swallowing-difficulty",
                                 "head-injury", "spread-body", "pain", "eyelid-closure",
                                 /* Added at the end; "drooping" stays readable (see README). */
                                 "drooping-eyelid", "drooping-face", "arm-leg-weakness" };
  static const char *triggers[] = { "caffeine", "poor-sleep", "stress", "dehydration", "hot-flash",
                                    "alcohol", "screen-time", "new-medication", "skipped-meal" };

  g_assert_cmpuint (G_N_ELEMENTS (regions), ==, MD_N_REGIONS);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    g_assert_cmpstr (md_region_id (i), ==, regions[i]);
  g_assert_cmpuint (G_N_ELEMENTS (signs), ==, MD_N_SIGNS);
  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    g_assert_cmpstr (md_sign_id (i), ==, signs[i]);
  g_assert_cmpuint (G_N_ELEMENTS (triggers), ==, MD_N_TRIGGERS);
  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    g_assert_cmpstr (md_trigger_id (i), ==, triggers[i]);
}

static void
test_groups (void)
{
  g_assert_cmpint (md_region_group (MD_REGION_EYELID_UPPER), ==, MD_REGION_GROUP_EYE);
  g_assert_cmpint (md_region_group (MD_REGION_AROUND_EYE), ==, MD_REGION_GROUP_EYE);
  g_assert_cmpint (md_region_group (MD_REGION_FOREHEAD), ==, MD_REGION_GROUP_FOREHEAD);
  g_assert_cmpint (md_region_group (MD_REGION_MID_FACE), ==, MD_REGION_GROUP_MIDFACE);
  g_assert_cmpint (md_region_group (MD_REGION_MOUTH_CORNER), ==, MD_REGION_GROUP_MOUTH);
  g_assert_cmpint (md_region_group (MD_REGION_JAW), ==, MD_REGION_GROUP_LOWER);
  g_assert_cmpuint (md_regions_groups (MD_BIT (MD_REGION_EYELID_UPPER) | MD_BIT (MD_REGION_EYELID_LOWER)), ==,
                    MD_BIT (MD_REGION_GROUP_EYE));
  g_assert_cmpuint (md_regions_groups (MD_BIT (MD_REGION_CHEEK) | MD_BIT (MD_REGION_LIPS)), ==,
                    MD_BIT (MD_REGION_GROUP_MIDFACE) | MD_BIT (MD_REGION_GROUP_MOUTH));
}

static void
test_lists (void)
{
  g_autofree char *s = md_regions_to_string (MD_BIT (MD_REGION_JAW) | MD_BIT (MD_REGION_EYELID_UPPER));
  g_autofree char *bad = NULL;
  guint32 set;

  g_assert_cmpstr (s, ==, "eyelid-upper;jaw");
  g_assert_true (md_regions_from_string (" jaw ; eyelid-upper;", &set, &bad));
  g_assert_cmpuint (set, ==, MD_BIT (MD_REGION_JAW) | MD_BIT (MD_REGION_EYELID_UPPER));
  g_assert_true (md_signs_from_string ("", &set, &bad));
  g_assert_cmpuint (set, ==, 0);
  g_assert_false (md_triggers_from_string ("caffeine;coffee", &set, &bad));
  g_assert_cmpstr (bad, ==, "coffee");
}

static void
test_sides (void)
{
  MdSide side = MD_SIDE_LEFT;

  g_assert_true (md_side_from_id ("", &side));
  g_assert_cmpint (side, ==, MD_SIDE_UNKNOWN);
  g_assert_true (md_side_from_id ("both", &side));
  g_assert_cmpint (side, ==, MD_SIDE_BOTH);
  g_assert_false (md_side_from_id ("middle", &side));
  g_assert_cmpstr (md_side_id (MD_SIDE_RIGHT), ==, "right");
  g_assert_true (md_sign_is_warning (MD_SIGN_DROOPING));
  g_assert_false (md_sign_is_warning (MD_SIGN_PAIN));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vocab/ids-round-trip", test_ids_round_trip);
  g_test_add_func ("/vocab/reference-ids", test_reference_ids);
  g_test_add_func ("/vocab/groups", test_groups);
  g_test_add_func ("/vocab/lists", test_lists);
  g_test_add_func ("/vocab/sides", test_sides);
  return g_test_run ();
}
