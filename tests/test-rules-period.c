/* test-rules-period.c: alerts raised at any time during a period. */
#include "config.h"

#include "md-rules-period.h"
#include "md-test-utils.h"
#include "md-time.h"

#define DAY0 G_GINT64_CONSTANT (20089)   /* 2025-01-01 */

static MdEpisode *
ep_at (gint64 day, int hour, gint64 id, guint32 signs)
{
  MdEpisode *ep = md_test_episode (day * 86400 + hour * 3600);

  ep->id = id;
  ep->signs = signs;
  return ep;
}

static MdFlag *
find (GPtrArray *flags, const char *rule)
{
  for (guint i = 0; i < flags->len; i++)
    if (g_strcmp0 (((MdFlag *) flags->pdata[i])->rule, rule) == 0)
      return flags->pdata[i];
  return NULL;
}

static void
test_flag_early_in_period_is_kept (void)
{
  g_autoptr(GPtrArray) eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GPtrArray) at_end = NULL;
  MdLevel overall, end_level;
  gint64 end = (DAY0 + 90) * 86400 - 1;
  MdFlag *f;

  g_ptr_array_add (eps, ep_at (DAY0 + 9, 9, 1, MD_BIT (MD_SIGN_DROOPING)));
  g_ptr_array_add (eps, ep_at (DAY0 + 80, 9, 2, 0));

  /* At the end of the period the drooping is 80 days old: nothing fires any more... */
  at_end = md_rules_evaluate ((MdEpisode * const *) eps->pdata, eps->len, end, &end_level);
  g_assert_cmpint (end_level, ==, MD_LEVEL_NONE);

  /* ...but the summary of the period still reports it, at the level it had. */
  flags = md_rules_evaluate_period ((MdEpisode * const *) eps->pdata, eps->len, DAY0, DAY0 + 89, end, &overall);
  g_assert_cmpint (overall, ==, MD_LEVEL_EMERGENCY);
  f = find (flags, "face-weakness-now");
  g_assert_nonnull (f);
  g_assert_cmpint (f->level, ==, MD_LEVEL_EMERGENCY);
  g_assert_cmpuint (f->episodes->len, ==, 1);
  g_assert_cmpint (g_array_index (f->episodes, gint64, 0), ==, 1);
  /* Raised at the end of its own day, 2025-01-10. */
  g_assert_cmpint (md_time_day_of (f->at_utc), ==, DAY0 + 9);
  /* The same rule is not listed twice, and "recent" was never true a day later only. */
  for (guint i = 0; i < flags->len; i++)
    for (guint k = i + 1; k < flags->len; k++)
      g_assert_cmpstr (((MdFlag *) flags->pdata[i])->rule, !=, ((MdFlag *) flags->pdata[k])->rule);
}

static void
test_evidence_united (void)
{
  g_autoptr(GPtrArray) eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GPtrArray) flags = NULL;
  MdLevel overall;
  MdFlag *f;

  /* Pain on day 5 and on day 50: one alert, as it stood the last time it was raised. */
  g_ptr_array_add (eps, ep_at (DAY0 + 5, 9, 10, MD_BIT (MD_SIGN_PAIN)));
  g_ptr_array_add (eps, ep_at (DAY0 + 50, 9, 11, MD_BIT (MD_SIGN_PAIN)));
  flags = md_rules_evaluate_period ((MdEpisode * const *) eps->pdata, eps->len, DAY0, DAY0 + 89,
                                    (DAY0 + 90) * 86400 - 1, &overall);
  f = find (flags, "pain");
  g_assert_nonnull (f);
  g_assert_cmpuint (f->episodes->len, ==, 1);
  g_assert_cmpint (g_array_index (f->episodes, gint64, 0), ==, 11);
  g_assert_cmpint (f->at_utc, ==, (DAY0 + 51) * 86400 - 1);   /* the end of day 50 */
  g_assert_cmpint (overall, ==, MD_LEVEL_SOON);
}

static void
test_outside_period_ignored (void)
{
  g_autoptr(GPtrArray) eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(GPtrArray) flags = NULL;
  MdLevel overall;

  g_ptr_array_add (eps, ep_at (DAY0 - 40, 9, 1, MD_BIT (MD_SIGN_PAIN)));
  flags = md_rules_evaluate_period ((MdEpisode * const *) eps->pdata, eps->len, DAY0, DAY0 + 29,
                                    (DAY0 + 30) * 86400 - 1, &overall);
  g_assert_cmpuint (flags->len, ==, 0);
  g_assert_cmpint (overall, ==, MD_LEVEL_NONE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rules-period/early-flag-kept", test_flag_early_in_period_is_kept);
  g_test_add_func ("/rules-period/evidence-united", test_evidence_united);
  g_test_add_func ("/rules-period/outside-period-ignored", test_outside_period_ignored);
  return g_test_run ();
}
