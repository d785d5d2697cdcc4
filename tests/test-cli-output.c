/* test-cli-output.c: every file the commands write (--export, --export-checkins, --report,
 * --chart .pdf/.png/.svg, --backup), through the real binary, when the world is hostile: a
 * full disk (a small tmpfs, or a file size limit), a symlink or another user's file planted at
 * the target, a FIFO or /dev/stdout as the target, temporaries left by a killed process.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "md-csv.h"
#include "md-test-utils.h"
#include "md-time.h"

typedef struct {
  char     *dir;
  char     *db;
  char     *out;      /* a folder for the outputs */
  char     *export;   /* the diary's episode export */
  gboolean  mounted;
} Fixture;

typedef struct {
  const char *name;
  const char *file;          /* in the output folder */
  const char *args[12];      /* FILE stands for the output path */
} Command;

static const Command commands[] = {
  { "export", "episodes.csv", { "--export", "FILE", NULL } },
  { "export-checkins", "checkins.csv", { "--export-checkins", "FILE", NULL } },
  { "report", "summary.pdf", { "--report", "FILE", NULL } },
  { "chart-pdf", "chart.pdf", { "--chart", "frequency", "--output", "FILE", NULL } },
  { "chart-png", "chart.png", { "--chart", "face", "--output", "FILE", "--width", "1600", "--height", "1200", NULL } },
  { "chart-svg", "chart.svg", { "--chart", "time-of-day", "--output", "FILE", NULL } },
  { "backup", "copy.db", { "--backup", "FILE", NULL } },
};

static int
run_command (Fixture              *f,
             const Command        *c,
             const char           *target,
             GSpawnChildSetupFunc  setup_func,
             char                **out,
             char                **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  for (guint i = 0; c->args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) (strcmp (c->args[i], "FILE") == 0 ? target : c->args[i]));
  g_ptr_array_add (argv, NULL);
  return md_test_run_cli_setup ((const char * const *) argv->pdata, NULL, setup_func, NULL, out, err);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new (MD_CSV_HEADER "\n");
  g_autoptr(GString) checkins = g_string_new ("day,sleep_hours,stress,note\n");
  g_autofree char *csv_path = NULL;
  g_autofree char *ci_path = NULL;
  gint64 today = md_time_day_of (md_time_now ());
  const char *argv[] = { "--db", NULL, "--import", NULL, NULL };

  f->dir = md_test_mkdtemp ();
  f->db = g_build_filename (f->dir, "diary.db", NULL);
  f->out = g_build_filename (f->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (f->out, 0700), ==, 0);

  /* Enough for every output to outgrow a few free kilobytes: 80 days, some notes. */
  for (guint i = 0; i < 1200; i++)
    {
      g_autofree char *start = md_time_format_iso8601 ((today - 1 - i % 80) * 86400 + (i * 997) % 86000, 3600, FALSE);

      g_string_append_printf (csv, "%s,%s,%s,%u,%u,,caffeine,note number %u about a long day\n", start,
                              i % 3 == 0 ? "eyelid-lower" : i % 3 == 1 ? "cheek;lips" : "jaw",
                              i % 2 ? "left" : "right", 10 + i % 500, i % 11, i);
    }
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *day = md_time_format_day (today - 1 - i);

      g_string_append_printf (checkins, "%s,%u.5,%u,a note for the day %u: slept badly again and the left eyelid "
                              "twitched through the afternoon meeting\n", day, 4 + i % 5, i % 11, i);
    }
  csv_path = g_build_filename (f->dir, "episodes.csv", NULL);
  ci_path = g_build_filename (f->dir, "checkins.csv", NULL);
  g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, NULL));
  g_assert_true (g_file_set_contents (ci_path, checkins->str, checkins->len, NULL));
  argv[1] = f->db;
  argv[3] = csv_path;
  g_assert_cmpint (md_test_run_cli (argv, NULL, NULL, NULL), ==, 0);
  argv[3] = ci_path;
  g_assert_cmpint (md_test_run_cli (argv, NULL, NULL, NULL), ==, 0);
  {
    const char *export_argv[] = { "--db", f->db, "--export", "-", NULL };

    g_assert_cmpint (md_test_run_cli (export_argv, NULL, &f->export, NULL), ==, 0);
  }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->mounted)
    umount (f->out);
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->out);
  g_free (f->export);
}

/* The names in @dir, sorted, joined with spaces. */
static char *
listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Fills the tmpfs at f->out until only a few kilobytes are left. */
static gboolean
mount_full_disk (Fixture *f)
{
  g_autofree char *gap = g_build_filename (f->out, "gap", NULL);
  g_autofree char *filler = g_build_filename (f->out, "filler", NULL);
  static const char block[8192];
  int fd;

  if (mount ("tmpfs", f->out, "tmpfs", 0, "size=256k,mode=0700") != 0)
    return FALSE;
  f->mounted = TRUE;
  g_assert_true (g_file_set_contents (gap, block, sizeof block, NULL));
  fd = g_open (filler, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);
  g_unlink (gap);
  return TRUE;
}

static void
test_full_disk (Fixture *f, gconstpointer data)
{
  const Command *c = data;
  g_autofree char *target = g_build_filename (f->out, c->file, NULL);
  g_autofree char *err = NULL;
  g_autofree char *left = NULL;
  g_autofree char *after = NULL;
  const char *export_argv[] = { "--db", f->db, "--export", "-", NULL };

  if (!mount_full_disk (f))
    {
      g_test_skip ("cannot mount a small tmpfs here (not root, or no mount permission); "
                   "see /cli/output/file-size-limit for the same check without mounting");
      return;
    }
  g_assert_cmpint (run_command (f, c, target, NULL, NULL, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "menodiary: "));
  g_assert_nonnull (strstr (err, target));
  /* No partial file, no temporary: only what filled the disk. */
  left = listing (f->out);
  g_assert_cmpstr (left, ==, "filler");
  /* Nothing in the diary changed. */
  g_assert_cmpint (md_test_run_cli (export_argv, NULL, &after, NULL), ==, 0);
  g_assert_cmpstr (after, ==, f->export);
}

static void
limit_file_size_cb (gpointer data)
{
  struct rlimit limit = { 6000, 6000 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* The same without mounting: writes beyond 6000 bytes fail with EFBIG. */
static void
test_file_size_limit (Fixture *f, gconstpointer data)
{
  sqlite3 *holder = NULL;

  /* The diary held open here keeps its -shm at full size, so the limit only hits outputs. */
  g_assert_cmpint (sqlite3_open (f->db, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "SELECT count(*) FROM episode", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *c = &commands[i];
      g_autofree char *target = g_build_filename (f->out, c->file, NULL);
      g_autofree char *err = NULL;
      g_autofree char *left = NULL;

      g_test_message ("%s", c->name);
      g_assert_cmpint (run_command (f, c, target, limit_file_size_cb, NULL, &err), ==, 1);
      g_assert_nonnull (strstr (err, target));
      left = listing (f->out);
      g_assert_cmpstr (left, ==, "");
    }
  sqlite3_close (holder);
}

static void
test_symlink_at_target (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *c = &commands[i];
      g_autofree char *target = g_build_filename (f->out, c->file, NULL);
      g_autofree char *victim = g_build_filename (f->dir, "victim", NULL);
      g_autofree char *kept = NULL;
      GStatBuf st;

      g_assert_true (g_file_set_contents (victim, "VICTIM", -1, NULL));
      g_assert_cmpint (symlink (victim, target), ==, 0);
      g_assert_cmpint (run_command (f, c, target, NULL, NULL, NULL), ==, 0);
      kept = md_test_read_file (victim);
      g_assert_cmpstr (kept, ==, "VICTIM");
      g_assert_cmpint (g_lstat (target, &st), ==, 0);
      g_assert_true (S_ISREG (st.st_mode));
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_unlink (target);
    }
}

static void
test_other_owners_file (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *c = &commands[i];
      g_autofree char *target = g_build_filename (f->out, c->file, NULL);
      GStatBuf before, after;

      g_assert_true (g_file_set_contents (target, "OLD", -1, NULL));
      g_assert_cmpint (g_chmod (target, 0666), ==, 0);
      if (getuid () == 0)
        g_assert_cmpint (chown (target, md_test_unprivileged_uid (), md_test_unprivileged_uid ()), ==, 0);
      g_assert_cmpint (g_lstat (target, &before), ==, 0);
      g_assert_cmpint (run_command (f, c, target, NULL, NULL, NULL), ==, 0);
      g_assert_cmpint (g_lstat (target, &after), ==, 0);
      /* Replaced by a fresh file of hers, never written into. */
      g_assert_cmpuint (after.st_ino, !=, before.st_ino);
      g_assert_cmpuint (after.st_uid, ==, getuid ());
      g_assert_cmpint (after.st_mode & 0777, ==, 0600);
      g_unlink (target);
    }
}

static void
test_fifo (Fixture *f, gconstpointer data)
{
  g_autofree char *fifo = g_build_filename (f->out, "pipe", NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  char buf[4096];
  gssize n;
  int fd;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("MENODIARY_BIN"),
                           "--db", f->db, "--export", fifo, NULL);
  g_assert_no_error (error);
  fd = g_open (fifo, O_RDONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_string_append_len (got, buf, n);
  close (fd);
  g_assert_true (g_subprocess_wait_check (proc, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (got->str, ==, f->export);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

static void
test_dev_stdout (Fixture *f, gconstpointer data)
{
  const char *argv[] = { "--db", f->db, "--export", "/dev/stdout", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (md_test_run_cli (argv, NULL, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, f->export);
}

/* A temporary named as a process that is gone is removed; a living one's is kept. */
static void
test_stale_temporaries (Fixture *f, gconstpointer data)
{
  const char *true_argv[] = { "true", NULL };
  g_autofree char *gone_pid = NULL;
  GPid pid;
  g_autofree char *dead = NULL;
  g_autofree char *alive = NULL;
  g_autofree char *dead_beside_diary = NULL;
  g_autofree char *dead_journal = NULL;
  g_autofree char *target = g_build_filename (f->out, "episodes.csv", NULL);
  g_autofree char *good = g_build_filename (f->dir, "episodes.csv", NULL);
  const char *export_argv[] = { "--db", f->db, "--export", target, NULL };
  const char *import_argv[] = { "--db", f->db, "--import", good, NULL };

  /* A process that has exited and been reaped: its pid is known and gone. */
  g_assert_true (g_spawn_async (NULL, (char **) true_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL));
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  gone_pid = g_strdup_printf ("%d", (int) pid);
  dead = g_strdup_printf ("%s/.episodes.csv.%s.AbC123.md-tmp", f->out, gone_pid);
  alive = g_strdup_printf ("%s/.episodes.csv.%d.XyZ789.md-tmp", f->out, (int) getpid ());
  dead_beside_diary = g_strdup_printf ("%s/.diary.db.%s.QwE456.md-tmp", f->dir, gone_pid);
  g_assert_true (g_file_set_contents (dead, "half an export", -1, NULL));
  g_assert_true (g_file_set_contents (alive, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (dead_beside_diary, "half a copy", -1, NULL));
  dead_journal = g_strdup_printf ("%s-journal", dead);
  g_assert_true (g_file_set_contents (dead_journal, "its journal", -1, NULL));

  g_assert_cmpint (md_test_run_cli (export_argv, NULL, NULL, NULL), ==, 0);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (alive, G_FILE_TEST_EXISTS));
  /* Opening the diary to change it clears its own folder too. */
  g_assert_cmpint (md_test_run_cli (import_argv, NULL, NULL, NULL), ==, 0);
  g_assert_false (g_file_test (dead_beside_diary, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/output/full-disk/%s", commands[i].name);

      g_test_add (path, Fixture, &commands[i], setup, test_full_disk, teardown);
    }
  g_test_add ("/cli/output/file-size-limit", Fixture, NULL, setup, test_file_size_limit, teardown);
  g_test_add ("/cli/output/symlink-at-target", Fixture, NULL, setup, test_symlink_at_target, teardown);
  g_test_add ("/cli/output/other-owners-file", Fixture, NULL, setup, test_other_owners_file, teardown);
  g_test_add ("/cli/output/fifo-written-into", Fixture, NULL, setup, test_fifo, teardown);
  g_test_add ("/cli/output/dev-stdout", Fixture, NULL, setup, test_dev_stdout, teardown);
  g_test_add ("/cli/output/stale-temporaries", Fixture, NULL, setup, test_stale_temporaries, teardown);
  return g_test_run ();
}
