/* test-diary.c: the model every view reads: one clock, the alerts, and "changed" (a change made
 * by another process included). */
#include "config.h"
#include "md-backup.h"
#include <utime.h>

#include <string.h>

#include "md-diary.h"
#include "md-stats.h"
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

static gboolean seen_known;
static gint64 seen_id;
static MdEpisodeChangeKind seen_kind;

static void
changed_episode_cb (MdDiary *diary, guint what, gpointer data)
{
  seen_known = md_diary_get_changed_episode (diary, &seen_id, &seen_kind);
}

/* During "changed", the diary says which one episode its own write added, updated or
 * deleted; any other change is not about one known episode. */
static void
test_changed_episode (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_test_episode (NOW - 3600);
  g_autoptr(MdEpisode) other = md_test_episode (NOW - 7200);
  g_autoptr(MdCheckin) c = md_checkin_new (NOW / 86400);

  g_signal_connect (f->diary, "changed", G_CALLBACK (changed_episode_cb), NULL);
  g_assert_true (md_diary_add_episode (f->diary, ep, &error));
  g_assert_true (seen_known);
  g_assert_cmpint (seen_id, ==, ep->id);
  g_assert_cmpint (seen_kind, ==, MD_EPISODE_ADDED);
  g_assert_false (md_diary_get_changed_episode (f->diary, NULL, NULL));   /* only while emitted */

  ep->intensity = 7;
  g_assert_true (md_diary_update_episode (f->diary, ep, &error));
  g_assert_true (seen_known);
  g_assert_cmpint (seen_kind, ==, MD_EPISODE_UPDATED);
  g_assert_true (md_diary_delete_episode (f->diary, ep->id, &error));
  g_assert_true (seen_known);
  g_assert_cmpint (seen_id, ==, ep->id);
  g_assert_cmpint (seen_kind, ==, MD_EPISODE_DELETED);
  g_assert_true (md_diary_restore_episode (f->diary, ep, &error));
  g_assert_true (seen_known);
  g_assert_cmpint (seen_kind, ==, MD_EPISODE_ADDED);

  g_assert_true (md_diary_put_checkin (f->diary, c, &error));
  g_assert_false (seen_known);
  /* A write straight to the store (the CSV import does this) is not about one known episode. */
  g_assert_true (md_store_add_episode (f->store, other, &error));
  g_assert_false (seen_known);
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (f->diary, changed_episode_cb, NULL);
}

/* Two years of random episodes (bursts, gaps, signs, travel offsets). */
static GPtrArray *
random_episodes (GRand *rand, gint64 end, guint days)
{
  static const gint32 offsets[] = { 0, 3600, 7200, -18000, 19800, 46800, -36000 };
  GPtrArray *eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);

  for (guint d = days; d > 0; d--)
    {
      guint n = g_rand_double (rand) < 0.4 ? g_rand_int_range (rand, 1, 9) : 0;

      for (guint i = 0; i < n; i++)
        {
          MdEpisode *ep = md_episode_new ();

          ep->start_utc = end - (gint64) d * 86400 + g_rand_int_range (rand, 0, 86400);
          ep->utc_offset_s = offsets[g_rand_int_range (rand, 0, G_N_ELEMENTS (offsets))];
          ep->regions = g_rand_int_range (rand, 1, 1 << MD_N_REGIONS);
          ep->side = g_rand_int_range (rand, 0, 10) < 7 ? MD_SIDE_LEFT : g_rand_int_range (rand, 0, MD_N_SIDES);
          ep->duration_s = g_rand_int_range (rand, 0, 5) == 0 ? MD_UNKNOWN : g_rand_int_range (rand, 1, 30000);
          ep->intensity = g_rand_int_range (rand, -1, 11);
          for (guint s = 0; s < MD_N_SIGNS; s++)
            if (g_rand_double (rand) < 0.01)
              ep->signs |= MD_BIT (s);
          g_ptr_array_add (eps, ep);
        }
    }
  return eps;
}

/* The diary reads full rows only for the last MD_RULES_DETAIL_S and keeps the keys of the
 * rest: its alerts must be exactly what the rules give on every full row. */
static void
assert_alerts_as_full (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = md_store_episodes_between (f->store, G_MININT64, G_MAXINT64, &error);
  gint64 now = md_diary_get_now (f->diary);
  MdLevel level;
  g_autoptr(GPtrArray) expected = md_rules_evaluate ((MdEpisode * const *) all->pdata, all->len, now, &level);
  g_autofree char *want = md_rules_to_json (expected, level, now);
  g_autofree char *got = md_rules_to_json (md_diary_get_alerts (f->diary), md_diary_get_level (f->diary), now);

  g_assert_cmpstr (got, ==, want);
}

static void
test_alerts_as_full (Fixture *f, gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) eps = random_episodes (rand, NOW, 730);
  const gint64 times[] = { NOW, NOW - 3 * 86400, NOW - 40 * 86400, NOW - 200 * 86400 + 7777,
                           NOW - 500 * 86400, NOW - 729 * 86400, NOW + 20 * 86400 };
  guint fired = 0;

  g_assert_true (md_store_add_episodes (f->store, eps, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint round = 0; round < 3; round++)
    for (guint t = 0; t < G_N_ELEMENTS (times); t++)
      {
        g_autoptr(MdEpisode) ep = md_test_episode (times[t] - g_rand_int_range (rand, 0, 40 * 86400));
        GPtrArray *stored;

        md_diary_set_now (f->diary, times[t]);
        assert_alerts_as_full (f);
        fired += md_diary_get_alerts (f->diary)->len;

        /* Writes through the diary keep its keys up to date... */
        ep->signs = g_rand_boolean (rand) ? MD_BIT (MD_SIGN_PAIN) : 0;
        g_assert_true (md_diary_add_episode (f->diary, ep, &error));
        assert_alerts_as_full (f);
        /* One from the last few weeks moved 45 days back, out of the detailed window. */
        stored = md_store_episodes_between (f->store, times[t] - 30 * 86400, times[t], &error);
        if (stored->len > 0)
          {
            MdEpisode *moved = stored->pdata[g_rand_int_range (rand, 0, stored->len)];

            moved->start_utc -= 45 * 86400;
            g_assert_true (md_diary_update_episode (f->diary, moved, &error));
            g_assert_no_error (error);
            assert_alerts_as_full (f);
          }
        g_assert_true (md_diary_delete_episode (f->diary, ep->id, &error));
        assert_alerts_as_full (f);
        g_ptr_array_unref (stored);
        /* ...and a write they did not see makes the diary read them again. */
        if (round == 1)
          {
            g_autoptr(MdEpisode) outside = md_test_episode (times[t] - 86400);

            g_assert_true (md_store_add_episode (f->store, outside, &error));
            assert_alerts_as_full (f);
          }
      }
  g_assert_cmpuint (fired, >, 10);
}

static int
by_start_then_id (gconstpointer a, gconstpointer b)
{
  const MdEpisode *x = *(MdEpisode * const *) a, *y = *(MdEpisode * const *) b;

  if (x->start_utc != y->start_utc)
    return x->start_utc < y->start_utc ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static void
assert_series_equal (const MdSeries *a, const MdSeries *b)
{
  g_assert_cmpuint (a->n_buckets, ==, b->n_buckets);
  g_assert_cmpuint (a->n_series, ==, b->n_series);
  g_assert_cmpmem (a->values, a->n_buckets * a->n_series * sizeof (double),
                   b->values, b->n_buckets * b->n_series * sizeof (double));
}

/* The brief episodes the charts read (no notes, no set order, the table read straight through
 * for most of the diary) are the full ones without their notes, and give the same numbers:
 * episodes stored out of time order, ranges wide and narrow. */
static void
test_brief_episodes (Fixture *f, gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) eps = random_episodes (rand, NOW, 730);
  const gint64 today = NOW / 86400;
  const gint64 ranges[][2] = { { G_MININT64, G_MAXINT64 }, { today - 800, today }, { today - 29, today },
                               { today - 500, today - 200 }, { today - 300, today }, { today + 5, today + 9 } };

  /* Stored in shuffled order: the table's order is not the time order. */
  for (guint i = eps->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer t = eps->pdata[i - 1];

      eps->pdata[i - 1] = eps->pdata[j];
      eps->pdata[j] = t;
      ((MdEpisode *) eps->pdata[i - 1])->triggers = g_rand_int_range (rand, 0, 1 << MD_N_TRIGGERS);
      if (i % 5 == 0)
        md_episode_set_notes (eps->pdata[i - 1], "a note");
    }
  g_assert_true (md_store_add_episodes (f->store, eps, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      g_autoptr(GPtrArray) full = md_diary_episodes_on_days (f->diary, ranges[r][0], ranges[r][1], &error);
      g_autoptr(GPtrArray) brief = md_diary_episodes_brief_on_days (f->diary, ranges[r][0], ranges[r][1], &error);
      gint64 from = MAX (ranges[r][0], today - 800), to = MIN (ranges[r][1], today + 9);
      g_autoptr(MdStats) a = NULL;
      g_autoptr(MdStats) b = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (brief->len, ==, full->len);
      if (r == G_N_ELEMENTS (ranges) - 1)
        g_assert_cmpuint (full->len, ==, 0);   /* days to come */
      else
        g_assert_cmpuint (full->len, >, 10);
      a = md_stats_compute ((MdEpisode * const *) full->pdata, full->len, NULL, 0, from, to);
      b = md_stats_compute ((MdEpisode * const *) brief->pdata, brief->len, NULL, 0, from, to);
      g_ptr_array_sort (brief, by_start_then_id);
      for (guint i = 0; i < full->len; i++)
        {
          MdEpisode *x = full->pdata[i], *y = brief->pdata[i];

          g_assert_cmpint (x->id, ==, y->id);
          g_assert_cmpint (x->start_utc, ==, y->start_utc);
          g_assert_cmpint (x->utc_offset_s, ==, y->utc_offset_s);
          g_assert_cmpuint (x->regions, ==, y->regions);
          g_assert_cmpint (x->side, ==, y->side);
          g_assert_cmpint (x->duration_s, ==, y->duration_s);
          g_assert_cmpint (x->intensity, ==, y->intensity);
          g_assert_cmpuint (x->signs, ==, y->signs);
          g_assert_cmpuint (x->triggers, ==, y->triggers);
          g_assert_null (y->notes);
        }
      g_assert_cmpuint (a->summary.episodes, ==, b->summary.episodes);
      g_assert_cmpuint (a->summary.days_with_twitching, ==, b->summary.days_with_twitching);
      g_assert_cmpuint (a->summary.longest_run_days, ==, b->summary.longest_run_days);
      g_assert_cmpmem (a->summary.sides, sizeof a->summary.sides, b->summary.sides, sizeof b->summary.sides);
      g_assert_cmpfloat (a->durations.median_s, ==, b->durations.median_s);
      g_assert_cmpint (a->durations.longest_s, ==, b->durations.longest_s);
      g_assert_cmpmem (&a->face, sizeof a->face, &b->face, sizeof b->face);
      g_assert_cmpmem (a->episode_triggers, sizeof a->episode_triggers, b->episode_triggers, sizeof b->episode_triggers);
      assert_series_equal (a->frequency, b->frequency);
      assert_series_equal (a->duration, b->duration);
      assert_series_equal (a->sides, b->sides);
      assert_series_equal (a->regions, b->regions);
      assert_series_equal (a->hours, b->hours);
    }
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
  ADD ("/diary/changed-episode", test_changed_episode);
  ADD ("/diary/alerts-as-full", test_alerts_as_full);
  ADD ("/diary/brief-episodes", test_brief_episodes);
  ADD ("/diary/backup-inspect", test_backup_inspect);
#undef ADD

  return g_test_run ();
}
