/* bench-import.c: `menodiary --import` of a large generated CSV through the real binary, from a
 * file and from standard input, into a fresh diary, then the same file again (every row a
 * duplicate). Prints wall time, rows per second and the peak memory of the process.
 *
 * Usage: bench-import MENODIARY_BIN [ROWS...]   (default 100000 and 1000000)
 *
 * The target: 100 000 rows in a few seconds, and the time per row the same at 1 000 000
 * (linear: no row compared with every other).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "md-csv.h"
#include "md-time.h"

extern char **environ;

static const char *regions[] = { "eyelid-lower", "eyelid-upper", "cheek;lips", "jaw", "around-eye" };

static void
generate (const char *path,
          guint       rows)
{
  FILE *f = fopen (path, "w");
  gint64 now = md_time_now ();
  gint64 span = (gint64) 20 * 365 * 86400;

  g_assert_nonnull (f);
  fputs (MD_CSV_HEADER "\n", f);
  for (guint i = 0; i < rows; i++)
    {
      gint64 start = now - span + (gint64) ((double) span * i / rows);
      g_autofree char *text = md_time_format_iso8601 (start, 3600, FALSE);

      fprintf (f, "%s,%s,%s,%u,%u,,caffeine,note %u\n", text, regions[i % 5],
               i % 2 ? "left" : "right", 1 + i % 900, i % 11, i);
    }
  g_assert_cmpint (fclose (f), ==, 0);
}

/* Runs BIN --db DB --import ARG (stdin from @input when ARG is "-"); seconds, peak KiB. */
static double
run_import (const char *bin,
            const char *db,
            const char *arg,
            const char *input,
            long       *max_kib)
{
  posix_spawn_file_actions_t actions;
  char *argv[] = { (char *) bin, (char *) "--db", (char *) db, (char *) "--import", (char *) arg, NULL };
  struct rusage usage;
  gint64 t0 = g_get_monotonic_time ();
  pid_t pid;
  int status;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDIN_FILENO, input, O_RDONLY, 0);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  g_assert_cmpint (posix_spawn (&pid, bin, &actions, NULL, argv, environ), ==, 0);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  posix_spawn_file_actions_destroy (&actions);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  *max_kib = usage.ru_maxrss;
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("menodiary-bench-XXXXXX", NULL);
  guint sizes[8] = { 100000, 1000000 };
  guint n_sizes = 2;

  if (argc < 2)
    {
      g_printerr ("usage: %s MENODIARY_BIN [ROWS...]\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    {
      n_sizes = 0;
      for (int i = 2; i < argc && n_sizes < G_N_ELEMENTS (sizes); i++)
        sizes[n_sizes++] = (guint) g_ascii_strtoull (argv[i], NULL, 10);
    }
  for (guint k = 0; k < n_sizes; k++)
    {
      g_autofree char *csv = g_build_filename (dir, "rows.csv", NULL);
      const char *runs[][2] = { { "file, new diary", "FILE" }, { "file again, all duplicates", "FILE" },
                                { "stdin, new diary", "-" } };

      generate (csv, sizes[k]);
      for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
        {
          g_autofree char *db = g_build_filename (dir, r < 2 ? "a.db" : "b.db", NULL);
          long kib = 0;
          double s = run_import (argv[1], db, runs[r][1][0] == '-' ? "-" : csv, csv, &kib);

          printf ("import %7u rows (%-26s): %6.2f s, %8.0f rows/s, %.2f us/row, peak %ld MiB\n",
                  sizes[k], runs[r][0], s, sizes[k] / s, s * 1e6 / sizes[k], kib / 1024);
          fflush (stdout);
        }
      for (const char *n = "a.db"; n != NULL; n = g_str_equal (n, "a.db") ? "b.db" : NULL)
        {
          g_autofree char *db = g_build_filename (dir, n, NULL);
          g_autofree char *wal = g_strconcat (db, "-wal", NULL);
          g_autofree char *shm = g_strconcat (db, "-shm", NULL);

          g_unlink (db);
          g_unlink (wal);
          g_unlink (shm);
        }
      g_unlink (csv);
    }
  {
    g_autofree char *backups = g_build_filename (dir, "backups", NULL);
    g_autoptr(GDir) d = g_dir_open (backups, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (backups, name, NULL);

        g_unlink (p);
      }
    g_rmdir (backups);
  }
  g_rmdir (dir);
  return 0;
}
