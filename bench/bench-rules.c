/* bench-rules.c: md_rules_evaluate on 100 000 episodes (10 years), against a plain SQL scan of
 * the same rows measured in the same run.
 *
 * The baseline is the cheapest possible read of the data (raw sqlite3, every column, step through
 * the rows). The target is an evaluation under 10 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "md-rules.h"
#include "md-store.h"
#include "md-time.h"

#define N_EPISODES  100000
#define YEARS       10
#define RUNS        15
#define TARGET_MS   10.0

static GPtrArray *
generate (gint64 now)
{
  GPtrArray *eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  GRand *rand = g_rand_new_with_seed (20250331);
  gint64 span = (gint64) YEARS * 365 * 86400;

  for (guint i = 0; i < N_EPISODES; i++)
    {
      MdEpisode *ep = md_episode_new ();
      gint64 start = now - span + (gint64) ((double) span * i / N_EPISODES) + g_rand_int_range (rand, 0, 600);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (start);
      int doy = g_date_time_get_day_of_year (dt);
      int r = g_rand_int_range (rand, 0, 100);

      ep->start_utc = MIN (start, now - 60);
      /* Central European time with summer time, and now and then a trip abroad. */
      ep->utc_offset_s = (doy >= 88 && doy < 300) ? 7200 : 3600;
      if (g_rand_int_range (rand, 0, 100) == 0)
        ep->utc_offset_s = -5 * 3600;
      ep->regions = r < 70 ? MD_BIT (MD_REGION_EYELID_LOWER)
                  : r < 85 ? MD_BIT (MD_REGION_EYELID_UPPER)
                  : r < 95 ? MD_BIT (MD_REGION_EYELID_LOWER) | MD_BIT (MD_REGION_CHEEK)
                  : MD_BIT (g_rand_int_range (rand, 0, MD_N_REGIONS));
      r = g_rand_int_range (rand, 0, 100);
      ep->side = r < 60 ? MD_SIDE_LEFT : r < 80 ? MD_SIDE_RIGHT : r < 90 ? MD_SIDE_BOTH : MD_SIDE_UNKNOWN;
      r = g_rand_int_range (rand, 0, 100);
      ep->duration_s = r < 10 ? MD_UNKNOWN : r < 99 ? g_rand_int_range (rand, 2, 900) : g_rand_int_range (rand, 3600, 8 * 3600);
      r = g_rand_int_range (rand, 0, 100);
      ep->intensity = r < 15 ? MD_UNKNOWN : r < 97 ? g_rand_int_range (rand, 1, 8) : g_rand_int_range (rand, 8, 11);
      if (g_rand_int_range (rand, 0, 500) == 0)
        ep->signs = MD_BIT (g_rand_int_range (rand, 0, MD_N_SIGNS));
      if (g_rand_int_range (rand, 0, 20) == 0)
        ep->triggers = MD_BIT (g_rand_int_range (rand, 0, MD_N_TRIGGERS));
      g_ptr_array_add (eps, ep);
    }
  g_rand_free (rand);
  return eps;
}

static double
scan_sql (const char *path, guint *rows)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 t0, sum = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("cannot open %s", path);
  t0 = g_get_monotonic_time ();
  sqlite3_prepare_v2 (db, "SELECT id, start_utc, utc_offset_s, regions, side, duration_s, intensity, "
                          "signs, triggers, notes, created_utc, updated_utc FROM episode ORDER BY start_utc, id",
                      -1, &stmt, NULL);
  *rows = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 12; c++)
        sum += c == 4 || c == 9 ? sqlite3_column_bytes (stmt, c) : sqlite3_column_int64 (stmt, c);
      (*rows)++;
    }
  sqlite3_finalize (stmt);
  t0 = g_get_monotonic_time () - t0;
  sqlite3_close (db);
  if (sum == 42)
    g_print ("!\n");
  return t0 / 1000.0;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("menodiary-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "diary.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(MdStore) store = NULL;
  g_autoptr(GPtrArray) generated = NULL;
  g_autoptr(GPtrArray) eps = NULL;
  gint64 now = md_time_now ();
  double sql_ms[RUNS], eval_ms[RUNS], sql, eval, t;
  guint added = 0, rows = 0, n_flags = 0;
  MdLevel overall = MD_LEVEL_NONE;

  g_assert_no_error (error);
  store = md_store_open (path, &error);
  g_assert_no_error (error);
  generated = generate (now);
  t = g_get_monotonic_time ();
  if (!md_store_add_episodes (store, generated, FALSE, &added, NULL, &error))
    g_error ("%s", error->message);
  g_print ("stored %u episodes over %d years in %.0f ms\n", added, YEARS, (g_get_monotonic_time () - t) / 1000.0);
  eps = md_store_episodes_between (store, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GPtrArray) flags = NULL;

      sql_ms[i] = scan_sql (path, &rows);
      t = g_get_monotonic_time ();
      flags = md_rules_evaluate ((MdEpisode * const *) eps->pdata, eps->len, now, &overall);
      eval_ms[i] = (g_get_monotonic_time () - t) / 1000.0;
      n_flags = flags->len;
    }
  qsort (sql_ms, RUNS, sizeof (double), compare_double);
  qsort (eval_ms, RUNS, sizeof (double), compare_double);
  sql = sql_ms[RUNS / 2];
  eval = eval_ms[RUNS / 2];

  g_print ("baseline: SQL scan of %u rows (raw sqlite3, all columns): median %.2f ms (min %.2f)\n", rows, sql, sql_ms[0]);
  g_print ("md_rules_evaluate on %u episodes in memory: median %.2f ms (min %.2f), %u flags, level %s\n",
           eps->len, eval, eval_ms[0], n_flags, md_level_id (overall));
  g_print ("ratio evaluate / SQL scan: %.3f\n", eval / sql);
  g_print ("target: evaluation under %.0f ms: %s\n", TARGET_MS, eval < TARGET_MS ? "met" : "NOT met");

  g_clear_object (&store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  return eval < TARGET_MS ? 0 : 1;
}
