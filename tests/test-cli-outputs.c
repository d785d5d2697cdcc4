/* test-cli-outputs.c: what the binary writes is hers alone, whole, and never written through a
 * link planted at its path; a diary it refuses is named. Through the real menodiary binary. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "md-csv.h"
#include "md-test-utils.h"

typedef struct {
  char *dir;
  char *db;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = NULL;
  g_autofree char *err = NULL;

  f->dir = md_test_mkdtemp ();
  f->db = g_build_filename (f->dir, "diary.db", NULL);
  csv = g_build_filename (f->dir, "in.csv", NULL);
  g_assert_true (g_file_set_contents (csv, MD_CSV_HEADER "\n"
                                      "2025-01-02T08:00:00+00:00,eyelid-lower,left,30,3,,caffeine,a note\n"
                                      "2025-01-03T08:00:00+00:00,cheek,left,60,4,,,\n", -1, NULL));
  g_assert_cmpint (md_test_run_cli ((const char *[]) { "--db", f->db, "--import", csv, NULL }, NULL, NULL, &err), ==, 0);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

typedef struct {
  const char *name;
  const char *args[8];   /* after --db DB; "OUT" stands for the output path */
} OutputCase;

static const OutputCase output_cases[] = {
  { "export.csv", { "--export", "OUT", NULL } },
  { "checkins.csv", { "--export-checkins", "OUT", NULL } },
  { "summary.pdf", { "--report", "OUT", "--from", "2025-01-01", "--to", "2025-01-31", NULL } },
  { "chart.png", { "--chart", "frequency", "--output", "OUT", "--from", "2025-01-01", NULL } },
  { "chart.svg", { "--chart", "face", "--output", "OUT", "--from", "2025-01-01", NULL } },
  { "chart.pdf", { "--chart", "sides", "--output", "OUT", "--from", "2025-01-01", NULL } },
};

static int
run_case (Fixture          *f,
          const OutputCase *c,
          const char       *out_path,
          char            **err)
{
  const char *argv[12] = { "--db", f->db };
  guint n = 2;

  for (guint i = 0; c->args[i] != NULL; i++)
    argv[n++] = strcmp (c->args[i], "OUT") == 0 ? out_path : c->args[i];
  argv[n] = NULL;
  return md_test_run_cli (argv, NULL, NULL, err);
}

/* Under the usual umask 022, every output is 0600; a link planted at the path is replaced, and
 * the file it pointed to is untouched; no temporary file is left. */
static void
test_outputs_private (Fixture *f, gconstpointer data)
{
  mode_t old = umask (022);

  for (guint i = 0; i < G_N_ELEMENTS (output_cases); i++)
    {
      const OutputCase *c = &output_cases[i];
      g_autofree char *out = g_build_filename (f->dir, c->name, NULL);
      g_autofree char *victim = g_strconcat (out, ".victim", NULL);
      g_autofree char *kept = NULL;
      g_autofree char *err = NULL;
      struct stat st;

      g_test_message ("%s", c->name);
      g_assert_true (g_file_set_contents (victim, "someone else's", -1, NULL));
      g_assert_cmpint (chmod (victim, 0666), ==, 0);
      g_assert_cmpint (symlink (victim, out), ==, 0);

      g_assert_cmpint (run_case (f, c, out, &err), ==, 0);
      g_assert_cmpint (lstat (out, &st), ==, 0);
      g_assert_true (S_ISREG (st.st_mode));
      g_assert_cmpint (st.st_mode & 07777, ==, 0600);
      g_assert_cmpint (st.st_size, >, 0);
      kept = md_test_read_file (victim);
      g_assert_cmpstr (kept, ==, "someone else's");
    }
  umask (old);

  /* Nothing but the outputs, the victims, the diary and its input. */
  {
    g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".md-tmp") || g_str_has_suffix (name, ".part"));
  }
}

/* A diary from a newer Menodiary is refused with its name, and left byte for byte. */
static void
test_newer_schema_named (Fixture *f, gconstpointer data)
{
  g_autofree char *newer = g_build_filename (f->dir, "from-the-future.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *err = NULL;
  gsize n_before = 0, n_after = 0;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE episode (id INTEGER PRIMARY KEY); PRAGMA user_version = 999;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (newer, &before, &n_before, NULL));

  g_assert_cmpint (md_test_run_cli ((const char *[]) { "--db", newer, "--flags", NULL }, NULL, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, newer));
  g_assert_nonnull (strstr (err, "newer"));
  g_assert_true (g_file_get_contents (newer, &after, &n_after, NULL));
  g_assert_cmpuint (n_before, ==, n_after);
  g_assert_true (memcmp (before, after, n_before) == 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-outputs/private", Fixture, NULL, setup, test_outputs_private, teardown);
  g_test_add ("/cli-outputs/newer-schema-named", Fixture, NULL, setup, test_newer_schema_named, teardown);

  return g_test_run ();
}
