/* test-cli-kill.c: crash safety, through the real binary.
 *
 * kill -9 at random moments during an import, an export, a report, a chart and a restore,
 * many times: afterwards the diary passes PRAGMA integrity_check, holds all or none of each
 * import, every output is whole or absent, and the next run leaves no temporary behind. A
 * "power cut" freezes an import at a random moment, copies the diary's files and opens the copy. Two
 * imports at once both land; a diary locked for longer than the busy timeout is reported.
 *
 * MD_KILL_ROUNDS (default 25) sets the kills per command; the whole test stays under a minute.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "md-csv.h"
#include "md-test-utils.h"
#include "md-time.h"

#define BASE_ROWS   2000
#define IMPORT_ROWS 8000

typedef struct {
  char   *dir;
  char   *db;
  char   *base_csv;
  char   *import_csv;
  char   *import2_csv;
  char   *out;
  GRand  *rand;
  guint   rounds;
  guint   kills;
} Fixture;

static char *
make_csv (Fixture *f,
          const char *name,
          guint       rows,
          gint64      first)
{
  g_autoptr(GString) s = g_string_new (MD_CSV_HEADER "\n");
  char *path = g_build_filename (f->dir, name, NULL);

  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *start = md_time_format_iso8601 (first + (gint64) i * 3600, 3600, FALSE);

      g_string_append_printf (s, "%s,jaw,left,%u,%u,,caffeine,row %u\n", start, 1 + i % 900, i % 11, i);
    }
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  return path;
}

static int
run (const char  *db,
     char       **out,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (args, out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return md_test_run_cli ((const char * const *) argv->pdata, NULL, out, NULL);
}

static void
setup (Fixture *f, gconstpointer data)
{
  const char *rounds = g_getenv ("MD_KILL_ROUNDS");

  f->dir = md_test_mkdtemp ();
  f->db = g_build_filename (f->dir, "diary.db", NULL);
  f->out = g_build_filename (f->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (f->out, 0700), ==, 0);
  f->base_csv = make_csv (f, "base.csv", BASE_ROWS, 1500000000);
  f->import_csv = make_csv (f, "import.csv", IMPORT_ROWS, 1600000000);
  f->import2_csv = make_csv (f, "import2.csv", IMPORT_ROWS, 1650000000);
  f->rand = g_rand_new_with_seed (g_test_rand_int ());
  f->rounds = rounds != NULL ? (guint) g_ascii_strtoull (rounds, NULL, 10) : 25;
  g_assert_cmpint (run (f->db, NULL, "--import", f->base_csv, NULL), ==, 0);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_test_message ("%u processes killed", f->kills);
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->out);
  g_free (f->base_csv);
  g_free (f->import_csv);
  g_free (f->import2_csv);
  g_rand_free (f->rand);
}

/* PRAGMA integrity_check on @db, opened as a fresh process would (the WAL recovered). */
static void
assert_intact (const char *db)
{
  sqlite3 *conn = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (conn, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (conn, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (conn);
}

static gint64
count_episodes (const char *db)
{
  sqlite3 *conn = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (conn, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (conn, "SELECT count(*) FROM episode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (conn);
  return n;
}

static void
exec_sql (const char *db,
          const char *sql)
{
  sqlite3 *conn = NULL;

  g_assert_cmpint (sqlite3_open (db, &conn), ==, SQLITE_OK);
  sqlite3_busy_timeout (conn, 5000);
  g_assert_cmpint (sqlite3_exec (conn, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (conn);
}

/* Spawns the command and kills it with SIGKILL after a random delay up to @max_us (it may
 * have finished by then: both outcomes must hold). Returns TRUE when it was killed. */
static gboolean
spawn_and_kill (Fixture            *f,
                const char * const *args,
                gint64              max_us)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  gboolean killed;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MENODIARY_BIN"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_usleep (g_rand_int_range (f->rand, 0, (gint32) max_us));
  g_subprocess_send_signal (proc, SIGKILL);
  g_assert_true (g_subprocess_wait (proc, NULL, NULL));
  killed = g_subprocess_get_if_signaled (proc);
  if (killed)
    f->kills++;
  else
    g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  return killed;
}

/* How long one run takes, to kill anywhere within it. */
static gint64
time_run (Fixture            *f,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  gint64 t0 = g_get_monotonic_time ();

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (md_test_run_cli ((const char * const *) argv->pdata, NULL, NULL, NULL), ==, 0);
  return MAX (g_get_monotonic_time () - t0, 20000);
}

/* No temporary of ours, no rollback journal, anywhere under @dir. */
static void
assert_no_stray_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_false (g_str_has_suffix (name, ".md-tmp"));
      if (g_str_has_suffix (name, "-journal"))
        g_test_message ("stray: %s", path);
      g_assert_false (g_str_has_suffix (name, "-journal"));
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_no_stray_files (path);
    }
}

static void
test_kill_import (Fixture *f, gconstpointer data)
{
  const char *args[] = { "--import", f->import_csv, NULL };
  gint64 duration = time_run (f, args);
  guint landed = 0, none = 0;

  exec_sql (f->db, "DELETE FROM episode WHERE id > " G_STRINGIFY (BASE_ROWS));
  for (guint i = 0; i < f->rounds * 2; i++)
    {
      gint64 n;

      spawn_and_kill (f, args, duration * 5 / 4);
      assert_intact (f->db);
      n = count_episodes (f->db);
      /* All or none of the import. */
      g_assert_true (n == BASE_ROWS || n == BASE_ROWS + IMPORT_ROWS);
      if (n == BASE_ROWS + IMPORT_ROWS)
        {
          landed++;
          exec_sql (f->db, "DELETE FROM episode WHERE id > " G_STRINGIFY (BASE_ROWS));
        }
      else
        none++;
    }
  g_test_message ("import: %u landed whole, %u not at all", landed, none);
  /* The next run completes and clears what the killed ones left. */
  g_assert_cmpint (run (f->db, NULL, "--import", f->import_csv, NULL), ==, 0);
  g_assert_cmpint (count_episodes (f->db), ==, BASE_ROWS + IMPORT_ROWS);
  assert_no_stray_files (f->dir);
}

typedef gboolean (*WholeCheck) (const char *contents, gsize len, gpointer data);

static gboolean
same_as (const char *contents,
         gsize       len,
         gpointer    data)
{
  return strlen (data) == len && memcmp (contents, data, len) == 0;
}

static gboolean
whole_pdf (const char *contents,
           gsize       len,
           gpointer    data)
{
  return len > 10 && memcmp (contents, "%PDF", 4) == 0 && g_strstr_len (contents + len - 10, 10, "%%EOF") != NULL;
}

static gboolean
whole_png (const char *contents,
           gsize       len,
           gpointer    data)
{
  return len > 20 && memcmp (contents, "\x89PNG", 4) == 0 && memcmp (contents + len - 8, "IEND", 4) == 0;
}

/* Kills a command writing @target many times: the target is always whole or absent. */
static void
kill_writer (Fixture            *f,
             const char * const *args,
             const char         *target,
             WholeCheck          whole,
             gpointer            data)
{
  gint64 duration = time_run (f, args);
  guint absent = 0, complete = 0;

  g_unlink (target);
  for (guint i = 0; i < f->rounds; i++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      spawn_and_kill (f, args, duration * 5 / 4);
      if (g_file_get_contents (target, &contents, &len, NULL))
        {
          g_assert_true (whole (contents, len, data));
          complete++;
          g_unlink (target);
        }
      else
        absent++;
    }
  g_test_message ("%s: %u whole, %u absent", args[0], complete, absent);
  g_assert_cmpint (time_run (f, args), >, 0);
  assert_no_stray_files (f->dir);
  assert_intact (f->db);
}

static void
test_kill_export (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_build_filename (f->out, "export.csv", NULL);
  g_autofree char *expected = NULL;
  const char *args[] = { "--export", target, NULL };

  g_assert_cmpint (run (f->db, &expected, "--export", "-", NULL), ==, 0);
  kill_writer (f, args, target, same_as, expected);
}

static void
test_kill_report (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_build_filename (f->out, "summary.pdf", NULL);
  const char *args[] = { "--report", target, "--from", "2017-01-01", "--to", "2017-09-30", NULL };

  kill_writer (f, args, target, whole_pdf, NULL);
}

static void
test_kill_chart (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_build_filename (f->out, "chart.png", NULL);
  const char *args[] = { "--chart", "frequency", "--output", target, "--from", "2017-01-01", "--to", "2017-09-30",
                         "--width", "1600", "--height", "1000", NULL };

  kill_writer (f, args, target, whole_png, NULL);
}

static void
test_kill_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *old_export = NULL;
  g_autofree char *new_export = NULL;
  const char *args[] = { "--restore", other, NULL };
  g_autofree char *saved = g_build_filename (f->dir, "saved.db", NULL);
  gint64 duration;
  guint old_kept = 0, replaced = 0;

  g_assert_cmpint (run (other, NULL, "--import", f->import_csv, NULL), ==, 0);
  g_assert_cmpint (run (f->db, NULL, "--backup", saved, NULL), ==, 0);
  g_assert_cmpint (run (f->db, &old_export, "--export", "-", NULL), ==, 0);
  g_assert_cmpint (run (other, &new_export, "--export", "-", NULL), ==, 0);
  duration = time_run (f, args);
  g_assert_cmpint (run (f->db, NULL, "--restore", saved, NULL), ==, 0);

  for (guint i = 0; i < f->rounds; i++)
    {
      g_autofree char *now = NULL;

      spawn_and_kill (f, args, duration * 5 / 4);
      assert_intact (f->db);
      g_assert_cmpint (run (f->db, &now, "--export", "-", NULL), ==, 0);
      /* The old diary or the restored one, never a mixture. */
      if (strcmp (now, old_export) == 0)
        old_kept++;
      else
        {
          g_assert_cmpstr (now, ==, new_export);
          replaced++;
          g_assert_cmpint (run (f->db, NULL, "--restore", saved, NULL), ==, 0);
        }
    }
  g_test_message ("restore: %u replaced, %u left as it was", replaced, old_kept);
  g_assert_cmpint (run (f->db, NULL, "--restore", other, NULL), ==, 0);
  assert_no_stray_files (f->dir);
}

static gboolean
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (from, &contents, &len, NULL))
    return FALSE;
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
  return TRUE;
}

/* A power cut: the files as they are on disk at a moment of the import, opened afterwards. */
static void
test_power_cut (Fixture *f, gconstpointer data)
{
  const char *args[] = { "--import", f->import_csv, NULL };
  g_autofree char *cut_dir = g_build_filename (f->dir, "cut", NULL);
  g_autofree char *cut_db = g_build_filename (cut_dir, "diary.db", NULL);
  g_autofree char *cut_wal = g_build_filename (cut_dir, "diary.db-wal", NULL);
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  gint64 duration = time_run (f, args);
  guint landed = 0, none = 0;

  exec_sql (f->db, "DELETE FROM episode WHERE id > " G_STRINGIFY (BASE_ROWS));
  for (guint i = 0; i < f->rounds; i++)
    {
      const char *argv[] = { g_getenv ("MENODIARY_BIN"), "--db", f->db, "--import", f->import_csv, NULL };
      siginfo_t info;
      GPid pid;
      int status;
      gint64 n;

      md_test_rmdir (cut_dir);
      g_assert_cmpint (g_mkdir (cut_dir, 0700), ==, 0);
      /* Reaped by us alone, so the pid cannot be another process's while we signal it. */
      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                    NULL, NULL, &pid, NULL));
      g_usleep (g_rand_int_range (f->rand, 0, (gint32) duration));
      /* Frozen, the files are what a power cut at that instant would leave (copied while it
       * runs, a checkpoint between the two copies could mix two moments). */
      g_assert_cmpint (kill (pid, SIGSTOP), ==, 0);
      g_assert_cmpint (waitid (P_PID, (id_t) pid, &info, WSTOPPED | WEXITED | WNOWAIT), ==, 0);
      copy_file (wal, cut_wal);
      copy_file (f->db, cut_db);
      g_assert_cmpint (kill (pid, SIGCONT), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

      assert_intact (cut_db);
      n = count_episodes (cut_db);
      g_assert_true (n == BASE_ROWS || n == BASE_ROWS + IMPORT_ROWS);
      if (n == BASE_ROWS)
        none++;
      else
        landed++;
      /* And Menodiary itself opens the copy. */
      g_assert_cmpint (run (cut_db, NULL, "--flags", NULL), ==, 0);
      exec_sql (f->db, "DELETE FROM episode WHERE id > " G_STRINGIFY (BASE_ROWS));
    }
  g_test_message ("power cut: %u copies with the import, %u without", landed, none);
}

static void
test_two_imports (Fixture *f, gconstpointer data)
{
  const char *a[] = { g_getenv ("MENODIARY_BIN"), "--db", f->db, "--import", f->import_csv, NULL };
  const char *b[] = { g_getenv ("MENODIARY_BIN"), "--db", f->db, "--import", f->import2_csv, NULL };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GSubprocess) pa = g_subprocess_newv (a, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, NULL);
      g_autoptr(GSubprocess) pb = g_subprocess_newv (b, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, NULL);

      g_assert_true (g_subprocess_wait_check (pa, NULL, NULL));
      g_assert_true (g_subprocess_wait_check (pb, NULL, NULL));
      g_assert_cmpint (count_episodes (f->db), ==, BASE_ROWS + 2 * IMPORT_ROWS);
      exec_sql (f->db, "DELETE FROM episode WHERE id > " G_STRINGIFY (BASE_ROWS));
    }
  assert_intact (f->db);
}

/* Another program holds the write lock past the busy timeout: said plainly, nothing changed. */
static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *err = NULL;
  sqlite3 *holder = NULL;

  g_assert_cmpint (sqlite3_open (f->db, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE; DELETE FROM episode WHERE id = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_subprocess_launcher_setenv (launcher, "MENODIARY_BUSY_TIMEOUT_MS", "300", TRUE);
  proc = g_subprocess_launcher_spawn (launcher, NULL, g_getenv ("MENODIARY_BIN"), "--db", f->db,
                                      "--import", f->import_csv, NULL);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, NULL));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
  g_assert_true (g_str_has_prefix (err, "menodiary: "));
  g_assert_nonnull (strstr (err, "in use by another program"));
  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
  g_assert_cmpint (count_episodes (f->db), ==, BASE_ROWS);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kill/import", Fixture, NULL, setup, test_kill_import, teardown);
  g_test_add ("/kill/export", Fixture, NULL, setup, test_kill_export, teardown);
  g_test_add ("/kill/report", Fixture, NULL, setup, test_kill_report, teardown);
  g_test_add ("/kill/chart", Fixture, NULL, setup, test_kill_chart, teardown);
  g_test_add ("/kill/restore", Fixture, NULL, setup, test_kill_restore, teardown);
  g_test_add ("/kill/power-cut", Fixture, NULL, setup, test_power_cut, teardown);
  g_test_add ("/concurrent/two-imports", Fixture, NULL, setup, test_two_imports, teardown);
  g_test_add ("/concurrent/locked-reported", Fixture, NULL, setup, test_locked, teardown);
  return g_test_run ();
}
