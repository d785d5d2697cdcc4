/* test-diary.c: the model every view reads: one clock, the alerts, and "changed" (a change made
 * by another process included). */
#include "config.h"

#include <string.h>
#include <utime.h>

#include "md-backup.h"
#include "md-diary.h"
#include "md-test-utils.h"

#define NOW 1735732800  /* 2025-01-01T12:00:00Z */

typedef struct {
  char    *dir;
  MdStore *store;
  MdDiary *diary;
  guint    n_changed;
  guint    last_what;
  guint    n_alerts_notify;
} Fixture;

static void
changed_cb (MdDiary *diary, guint what, Fixture *f)
{
  f->n_changed++;
  f->last_what = what;
}

static void
alerts_cb (MdDiary *diary, GParamSpec *pspec, Fixture *f)
{
  f->n_alerts_notify++;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  md_diary_set_now (f->diary, NOW);
  g_signal_connect (f->diary, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->diary, "notify::alerts", G_CALLBACK (alerts_cb), f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->diary);
  g_assert_finalize_object (f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_clock (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (md_diary_get_now (f->diary), ==, NOW);
  /* One clock: the store (which rejects future starts) reads the same. */
  g_assert_cmpint (md_store_get_now (f->store), ==, NOW);
  g_assert_cmpint (md_diary_get_today (f->diary), ==, NOW / 86400 + (md_diary_get_utc_offset (f->diary) + NOW % 86400) / 86400);
}

static void
test_changed_kinds (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 3600);
  g_autoptr(MdCheckin) c = md_checkin_new (NOW / 86400);

  g_assert_true (md_diary_add_episode (f->diary, ep, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (f->last_what, ==, MD_DIARY_CHANGE_EPISODES);

  c->water_glasses = 3;
  g_assert_true (md_diary_put_checkin (f->diary, c, &error));
  g_assert_cmpuint (f->n_changed, ==, 2);
  g_assert_cmpuint (f->last_what, ==, MD_DIARY_CHANGE_CHECKINS);

  /* A failed write says nothing changed. */
  g_assert_false (md_diary_delete_episode (f->diary, 999999, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (f->n_changed, ==, 2);
}

/* The alerts come from the diary's clock and change with what is written; a weakness sign
 * today raises an emergency at once. */
static void
test_alerts_follow_writes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 600);
  GPtrArray *alerts;

  alerts = md_diary_get_alerts (f->diary);
  g_assert_cmpuint (alerts->len, ==, 0);
  g_assert_cmpint (md_diary_get_level (f->diary), ==, MD_LEVEL_NONE);

  ep->signs = MD_BIT (MD_SIGN_WEAKNESS);
  g_assert_true (md_diary_add_episode (f->diary, ep, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_alerts_notify, ==, 1);
  g_assert_cmpint (md_diary_get_level (f->diary), ==, MD_LEVEL_EMERGENCY);

  /* Seen from two months later, the emergency is no longer current. */
  md_diary_set_now (f->diary, NOW + 60 * 86400);
  g_assert_cmpint (md_diary_get_level (f->diary), <, MD_LEVEL_EMERGENCY);
  g_assert_cmpuint (f->n_alerts_notify, ==, 2);
}

/* Another process writes: data_version tells, and "changed" carries every flag. */
static void
test_external (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) other = md_store_open (md_store_get_path (f->store), &error);
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 7200);

  g_assert_no_error (error);
  g_assert_false (md_diary_check_external (f->diary));
  g_assert_cmpuint (f->n_changed, ==, 0);

  md_store_set_now (other, NOW);
  g_assert_true (md_store_add_episode (other, ep, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 0);

  g_assert_true (md_diary_check_external (f->diary));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_true (f->last_what & MD_DIARY_CHANGE_EXTERNAL);
  g_assert_true (f->last_what & MD_DIARY_CHANGE_EPISODES);
  g_assert_cmpuint (md_diary_count_episodes (f->diary), ==, 1);
  /* Once seen, not again. */
  g_assert_false (md_diary_check_external (f->diary));
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* With md_diary_watch, a write by another process is noticed without being asked. */
static void
test_watch (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) other = md_store_open (md_store_get_path (f->store), &error);
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 7200);
  gboolean timed_out = FALSE;
  guint timeout;

  md_diary_watch (f->diary);
  md_store_set_now (other, NOW);
  g_assert_true (md_store_add_episode (other, ep, &error));
  timeout = g_timeout_add_seconds (10, timeout_cb, &timed_out);
  while (f->n_changed == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_true (f->last_what & MD_DIARY_CHANGE_EXTERNAL);
}

static void
test_first_day (Fixture *f, gconstpointer data)
{
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 10 * 86400);
  g_autoptr(MdCheckin) c = md_checkin_new (NOW / 86400 - 20);
  gint64 day = 0;

  g_assert_false (md_diary_first_day (f->diary, &day));
  g_assert_true (md_diary_add_episode (f->diary, ep, NULL));
  g_assert_true (md_diary_first_day (f->diary, &day));
  g_assert_cmpint (day, ==, md_episode_local_day (ep));
  c->water_glasses = 1;
  g_assert_true (md_diary_put_checkin (f->diary, c, NULL));
  g_assert_true (md_diary_first_day (f->diary, &day));
  g_assert_cmpint (day, ==, NOW / 86400 - 20);
}

/* md_backup_inspect: any diary file's date (its modification time) and counts, never written. */
static void
test_backup_inspect (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 86400);
  g_autoptr(MdCheckin) c = md_checkin_new (NOW / 86400 - 1);
  g_autoptr(MdBackupInfo) info = NULL;
  g_autoptr(MdBackupInfo) bad = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf times = { 1741600000, 1741600000 };  /* 2025-03-10 09:46:40 UTC */

  g_assert_true (md_diary_add_episode (f->diary, ep, NULL));
  c->stress = 3;
  g_assert_true (md_diary_put_checkin (f->diary, c, NULL));
  g_assert_true (md_diary_backup (f->diary, copy, NULL));
  g_assert_cmpint (utime (copy, &times), ==, 0);

  info = md_backup_inspect (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->kind, ==, MD_BACKUP_KIND_FILE);
  g_assert_cmpint (info->n_episodes, ==, 1);
  g_assert_cmpint (info->n_checkins, ==, 1);
  g_assert_cmpint (info->made_local, ==, 1741600000);  /* TZ=UTC */
  g_assert_cmpint (info->day, ==, 1741600000 / 86400);

  /* Not a diary: listed as unreadable (-1), not refused; the restore names the problem. */
  g_assert_true (g_file_set_contents (text, "just words", -1, NULL));
  bad = md_backup_inspect (text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bad->n_episodes, ==, -1);
  g_assert_null (md_backup_inspect (missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "missing.db"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/diary/clock", test_clock);
  ADD ("/diary/changed-kinds", test_changed_kinds);
  ADD ("/diary/alerts-follow-writes", test_alerts_follow_writes);
  ADD ("/diary/external", test_external);
  ADD ("/diary/watch", test_watch);
  ADD ("/diary/first-day", test_first_day);
  ADD ("/diary/backup-inspect", test_backup_inspect);
#undef ADD

  return g_test_run ();
}
