/* test-window-kill.c: crash safety of the window's saves (issue 9), from outside.
 *
 * The test program runs itself as a child (MD_KILL_CHILD_DB set) that opens the real window on
 * a diary and logs episodes through the episode editor as fast as it can, printing
 * "saved ID START" once each save has been acknowledged ("saved" signal: the transaction has
 * committed). The parent kills the child with SIGKILL at random moments, or runs an import
 * from the command line while it saves; afterwards PRAGMA integrity_check is ok and every
 * acknowledged save is in the diary. MD_KILL_ROUNDS sets the number of kills (8 by default).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "md-episode-editor-private.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"
#include "md-window-private.h"

/* The child: the real window, saving one episode after another. */

static gboolean saved_flag;

static void
saved_cb (MdEpisodeEditor *editor,
          gint64           id,
          gboolean         is_new,
          MdDiary         *diary)
{
  g_autoptr(MdEpisode) ep = md_diary_get_episode (diary, id, NULL);

  printf ("saved %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", id, ep != NULL ? ep->start_utc : (gint64) -1);
  fflush (stdout);
  saved_flag = TRUE;
}

static void
iterate_until (gboolean *flag,
               MdWindow *window)
{
  while (!*flag && (window == NULL || window->editor == NULL))
    g_main_context_iteration (NULL, TRUE);
}

static int
run_child (const char *path,
           int         count,
           int         first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = NULL;
  MdWindow *window;

  gtk_init ();
  adw_init ();
  diary = md_diary_open (path, &error);
  if (diary == NULL)
    {
      fprintf (stderr, "child: %s\n", error->message);
      return 1;
    }
  window = md_window_new (NULL, diary);
  md_window_set_emergency_number (window, "112");
  gtk_window_present (GTK_WINDOW (window));

  for (int i = first; i < first + count; i++)
    {
      MdEpisodeEditor *editor;
      gboolean never = FALSE;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-episode", NULL));
      iterate_until (&never, window);
      editor = window->editor;
      g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), diary);
      /* Yesterday at a minute of its own, so that every save is a new episode. */
      gtk_toggle_button_set_active (editor->yesterday_button, TRUE);
      gtk_spin_button_set_value (editor->hour_spin, (i / 60) % 24);
      gtk_spin_button_set_value (editor->minute_spin, i % 60);
      gtk_check_button_set_active (editor->region_checks[MD_REGION_EYELID_UPPER], TRUE);
      saved_flag = FALSE;
      g_signal_emit_by_name (editor->save_button, "clicked");
      while (!saved_flag)
        g_main_context_iteration (NULL, TRUE);
      while (window->editor != NULL)
        g_main_context_iteration (NULL, FALSE);
    }
  printf ("done\n");
  fflush (stdout);
  _exit (0);
}

/* The parent. */

typedef struct {
  GPid pid;
  int  out_fd;
} Child;

static Child
spawn_child (const char *self_path,
             const char *db,
             int         count,
             int         first)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *count_s = g_strdup_printf ("%d", count);
  g_autofree char *first_s = g_strdup_printf ("%d", first);
  const char *argv[] = { self_path, NULL };
  g_autoptr(GError) error = NULL;
  Child child = { 0, -1 };

  env = g_environ_setenv (env, "MD_KILL_CHILD_DB", db, TRUE);
  env = g_environ_setenv (env, "MD_KILL_CHILD_COUNT", count_s, TRUE);
  env = g_environ_setenv (env, "MD_KILL_CHILD_FIRST", first_s, TRUE);
  /* The child's own warnings must not abort it: the kill is the only way it stops early. */
  env = g_environ_setenv (env, "G_DEBUG", "gc-friendly", TRUE);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &child.pid, NULL, &child.out_fd, NULL, &error));
  g_assert_no_error (error);
  return child;
}

/* Everything the child printed until it ended. */
static char *
read_all (int fd)
{
  GString *s = g_string_new (NULL);
  char buf[4096];
  ssize_t n;

  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_string_append_len (s, buf, n);
  close (fd);
  return g_string_free (s, FALSE);
}

static int
wait_child (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return status;
}

static void
assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Every "saved ID START" line names an episode that is in the diary with that start. */
static guint
assert_acknowledged (const char *path,
                     const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) store = md_store_open_full (path, MD_STORE_OPEN_READ_ONLY, &error);
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 id, start;
      g_autoptr(MdEpisode) ep = NULL;

      if (sscanf (lines[i], "saved %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &id, &start) != 2)
        continue;
      ep = md_store_get_episode (store, id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (ep);
      g_assert_cmpint (ep->start_utc, ==, start);
      n++;
    }
  return n;
}

static const char *self_path;

static void
test_kill_saves (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *db = g_build_filename (dir, "diary.db", NULL);
  const char *env = g_getenv ("MD_KILL_ROUNDS");
  int rounds = env != NULL ? atoi (env) : 8;
  guint acknowledged = 0, killed_mid_run = 0;
  int first = 0;

  md_test_create_diary (db);
  for (int r = 0; r < rounds; r++)
    {
      Child child = spawn_child (self_path, db, 400, first);
      g_autofree char *output = NULL;
      int status;

      /* Start-up takes a few hundred milliseconds; then saves follow each other. */
      g_usleep (g_test_rand_int_range (400, 1600) * 1000);
      kill (child.pid, SIGKILL);
      output = read_all (child.out_fd);
      status = wait_child (child.pid);
      if (WIFSIGNALED (status))
        killed_mid_run++;
      assert_integrity (db);
      acknowledged += assert_acknowledged (db, output);
      first += 400;
    }
  g_test_message ("%d kills, %u of them during the burst; %u acknowledged saves all present",
                  rounds, killed_mid_run, acknowledged);
  g_assert_cmpuint (killed_mid_run, >, 0);
  g_assert_cmpuint (acknowledged, >, 0);
  md_test_rmdir (dir);
}

/* Imports from the command line while the window saves: all land, nothing is lost. */
static void
test_import_while_saving (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *db = g_build_filename (dir, "diary.db", NULL);
  g_autofree char *output = NULL;
  const int rows = 2000, imports = 3, saves_wanted = 15;
  Child child;
  guint saves;
  int status;

  md_test_create_diary (db);
  child = spawn_child (self_path, db, saves_wanted, 0);
  g_usleep (500 * 1000);
  for (int k = 0; k < imports; k++)
    {
      g_autofree char *name = g_strdup_printf ("part%d.csv", k);
      g_autofree char *csv = g_build_filename (dir, name, NULL);
      g_autofree char *expected = g_strdup_printf ("imported %d, skipped 0\n", rows);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GString) s = g_string_new ("started_at,regions\n");
      const char *argv[] = { "--db", db, "--import", csv, NULL };

      for (int i = 0; i < rows; i++)
        g_string_append_printf (s, "202%d-%02d-%02dT%02d:%02d:00Z,cheek\n", k, 1 + i % 12, 1 + i / 12 % 28,
                                i / 336 % 24, 0);
      g_assert_true (g_file_set_contents (csv, s->str, -1, NULL));
      g_assert_cmpint (md_test_run_cli (argv, NULL, &out, &err), ==, 0);
      g_assert_cmpstr (out, ==, expected);
      g_usleep (200 * 1000);
    }
  output = read_all (child.out_fd);
  status = wait_child (child.pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_nonnull (strstr (output, "done\n"));
  assert_integrity (db);
  saves = assert_acknowledged (db, output);
  g_assert_cmpuint (saves, ==, saves_wanted);
  g_assert_cmpuint (md_test_count_episodes (db), ==, (guint) (rows * imports) + saves);
  md_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  const char *child_db = g_getenv ("MD_KILL_CHILD_DB");

  if (child_db != NULL)
    return run_child (child_db, atoi (g_getenv ("MD_KILL_CHILD_COUNT")), atoi (g_getenv ("MD_KILL_CHILD_FIRST")));

  self_path = argv[0];
  md_ui_test_init (&argc, &argv);
  g_test_add_func ("/window-kill/saves", test_kill_saves);
  g_test_add_func ("/window-kill/import-while-saving", test_import_while_saving);
  return g_test_run ();
}
