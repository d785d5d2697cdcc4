/* test-flag-acks.c: "discussed with my doctor" marks, with a real store. */
#include "config.h"

#include "md-flag-acks.h"
#include "md-rules.h"
#include "md-store.h"
#include "md-test-utils.h"

#define NOW G_GINT64_CONSTANT (1743422400)   /* 2025-03-31T12:00:00Z */
#define DAY G_GINT64_CONSTANT (86400)

typedef struct {
  char    *dir;
  MdStore *store;
  guint    changed;
} Fixture;

static void
changed_cb (MdStore *store, Fixture *f)
{
  f->changed++;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  md_store_set_now (f->store, NOW);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static void
add_pain (Fixture *f, gint64 start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_test_episode (start);

  ep->signs = MD_BIT (MD_SIGN_PAIN);
  g_assert_true (md_store_add_episode (f->store, ep, &error));
  g_assert_no_error (error);
}

/* Evaluates the store's episodes and returns the pain flag (or NULL). */
static MdFlag *
pain_flag (Fixture *f, GPtrArray **keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) eps = md_store_episodes_between (f->store, G_MININT64, G_MAXINT64, &error);
  MdLevel overall;

  g_assert_no_error (error);
  *keep = md_rules_evaluate ((MdEpisode * const *) eps->pdata, eps->len, NOW, &overall);
  for (guint i = 0; i < (*keep)->len; i++)
    {
      MdFlag *flag = g_ptr_array_index (*keep, i);
      if (g_str_equal (flag->rule, "pain"))
        return flag;
    }
  return NULL;
}

static void
test_ack_and_comes_back (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flags1 = NULL;
  g_autoptr(GPtrArray) flags2 = NULL;
  g_autoptr(GPtrArray) flags3 = NULL;
  MdFlag *flag;

  add_pain (f, NOW - 5 * DAY);
  add_pain (f, NOW - 3 * DAY);
  flag = pain_flag (f, &flags1);
  g_assert_nonnull (flag);
  g_assert_cmpuint (flag->episodes->len, ==, 2);
  g_assert_false (md_flag_is_acked (f->store, flag));

  f->changed = 0;
  g_assert_true (md_flag_ack (f->store, flag, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_true (md_flag_is_acked (f->store, flag));
  md_flags_mark_discussed (f->store, flags1);
  g_assert_true (flag->discussed);

  /* Re-evaluated with the same evidence: still discussed. */
  flag = pain_flag (f, &flags2);
  g_assert_true (md_flag_is_acked (f->store, flag));

  /* A new episode adds evidence: the flag comes back. */
  add_pain (f, NOW - DAY);
  flag = pain_flag (f, &flags3);
  g_assert_cmpuint (flag->episodes->len, ==, 3);
  g_assert_false (md_flag_is_acked (f->store, flag));
  md_flags_mark_discussed (f->store, flags3);
  g_assert_false (flag->discussed);

  /* Acknowledged again, then undone. */
  g_assert_true (md_flag_ack (f->store, flag, &error));
  g_assert_true (md_flag_is_acked (f->store, flag));
  g_assert_true (md_flag_unack (f->store, "pain", &error));
  g_assert_no_error (error);
  g_assert_false (md_flag_is_acked (f->store, flag));
  /* Unacknowledging what is not acknowledged is fine. */
  g_assert_true (md_flag_unack (f->store, "pain", &error));
}

static void
test_evidence_shrinks (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  MdFlag *flag;

  add_pain (f, NOW - 30 * DAY + 3600);   /* in the 30-day window now, not for long */
  add_pain (f, NOW - 2 * DAY);
  flag = pain_flag (f, &flags);
  g_assert_cmpuint (flag->episodes->len, ==, 2);
  g_assert_true (md_flag_ack (f->store, flag, &error));

  /* One piece of evidence ages out: what is left was discussed. */
  g_array_remove_index (flag->episodes, 0);
  g_assert_true (md_flag_is_acked (f->store, flag));
  /* A different rule with the same ids is not discussed. */
  flag->rule = "spread-body";
  g_assert_false (md_flag_is_acked (f->store, flag));
}

static void
test_persists (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autofree char *path = g_strdup (md_store_get_path (f->store));
  MdFlag *flag;

  add_pain (f, NOW - 2 * DAY);
  flag = pain_flag (f, &flags);
  g_assert_true (md_flag_ack (f->store, flag, &error));
  g_clear_object (&f->store);

  f->store = md_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (md_flag_is_acked (f->store, flag));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/flag-acks/ack-and-comes-back", Fixture, NULL, setup, test_ack_and_comes_back, teardown);
  g_test_add ("/flag-acks/evidence-shrinks", Fixture, NULL, setup, test_evidence_shrinks, teardown);
  g_test_add ("/flag-acks/persists", Fixture, NULL, setup, test_persists, teardown);
  return g_test_run ();
}
