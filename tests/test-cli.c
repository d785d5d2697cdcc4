/* test-cli.c: the headless commands, through the real menodiary binary with no display. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "md-csv.h"
#include "md-test-utils.h"

#define GOOD_CSV \
  MD_CSV_HEADER "\n" \
  "2025-01-02T03:04:05+00:00,eyelid-upper;cheek,both,90,10,dizziness;pain,caffeine;stress,plain\n" \
  "2025-02-02T23:59:59-03:30,lips,right,1,0,,alcohol,\"a, b \"\"c\"\"\nd\"\n" \
  "2025-02-03T08:00:00+01:00,jaw,,,,,,\n"

/* md_test_run_cli gives NULL for an output that stayed empty. */
#define assert_empty(s) g_assert_true ((s) == NULL || *(s) == '\0')
#define assert_not_empty(s) g_assert_true ((s) != NULL && *(s) != '\0')

typedef struct {
  char *dir;
  char *db;
  char *good;
} Fixture;

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = md_test_mkdtemp ();
  f->db = g_build_filename (f->dir, "diary.db", NULL);
  f->good = write_file (f, "good.csv", GOOD_CSV);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->good);
}

/* Runs menodiary --db DB with the given options (NULL-terminated). */
static int
run_db (Fixture     *f,
        const char  *db,
        char       **out,
        char       **err,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return md_test_run_cli ((const char * const *) argv->pdata, NULL, out, err);
}

/* The number of episodes in @db, read through the store as the app would. */
static guint
count_in (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) store = md_store_open (db, &error);

  g_assert_no_error (error);
  return md_store_count_episodes (store);
}

static void
test_version (void)
{
  const char *argv[] = { "--version", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (md_test_run_cli (argv, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "menodiary " PACKAGE_VERSION "\n");
}

static void
test_import_good (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;

  g_assert_cmpint (run_db (f, f->db, &out, &err, "--import", f->good, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 3, skipped 0\n");
  assert_empty (err);
  g_assert_cmpuint (count_in (f->db), ==, 3);

  /* Twice is harmless. */
  g_assert_cmpint (run_db (f, f->db, &out2, NULL, "--import", f->good, NULL), ==, 0);
  g_assert_cmpstr (out2, ==, "imported 0, skipped 3\n");
  g_assert_cmpuint (count_in (f->db), ==, 3);
}

static void
test_import_bad (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = write_file (f, "bad.csv",
                                     MD_CSV_HEADER "\n"
                                     "2025-01-02T03:04:05Z,jaw,,,,,,\n"
                                     "2025-01-02T03:05:05Z,jaw,,,12,,,\n"
                                     "2025-01-02T03:06:05Z,jaw,,,,,,\"x\ny\"\n"
                                     "2025-01-02T03:07:05Z,nose,,,,,,\n");
  g_autofree char *expected1 = g_strdup_printf ("%s:3: intensity: \"12\" is not a whole number from 0 to 10\n", bad);
  g_autofree char *expected2 = g_strdup_printf ("%s:6: regions: unknown region \"nose\"\n", bad);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_db (f, f->db, &out, &err, "--import", bad, NULL), ==, 1);
  assert_empty (out);
  g_assert_true (g_str_has_prefix (err, expected1));
  g_assert_nonnull (strstr (err, expected2));
  g_assert_nonnull (strstr (err, "nothing was imported"));
  /* The good first row was not imported either. */
  g_assert_cmpuint (count_in (f->db), ==, 0);
}

static void
test_import_missing_file (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.csv", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_db (f, f->db, NULL, &err, "--import", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "nowhere.csv"));
  g_assert_nonnull (strstr (err, "No such file"));
}

static void
test_import_stdin (Fixture *f, gconstpointer data)
{
  const char *argv[] = { "--db", f->db, "--import", "-", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (md_test_run_cli (argv, GOOD_CSV, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 3, skipped 0\n");
}

static void
test_export_stdout (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *err = NULL;

  /* An empty diary, as the window creates it (a missing one is an error: see test-cli-open). */
  md_test_create_diary (f->db);
  g_assert_cmpint (run_db (f, f->db, &empty, NULL, "--export", "-", NULL), ==, 0);
  g_assert_cmpstr (empty, ==, MD_CSV_HEADER "\n");

  g_assert_cmpint (run_db (f, f->db, NULL, NULL, "--import", f->good, NULL), ==, 0);
  g_assert_cmpint (run_db (f, f->db, &out, &err, "--export", "-", NULL), ==, 0);
  g_assert_cmpstr (out, ==, GOOD_CSV);
  assert_empty (err);
}

static void
test_export_file_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *first = g_build_filename (f->dir, "first.csv", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.csv", NULL);
  g_autofree char *fresh_db = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  GStatBuf st;

  /* Out of order in the file: export puts the oldest first. */
  g_autofree char *shuffled = write_file (f, "shuffled.csv",
                                          "started_at,regions,notes\n"
                                          "2025-02-01T10:00+02:00,chin, two \n"
                                          "2025-01-01T10:00Z,jaw,one\n");

  g_assert_cmpint (run_db (f, f->db, NULL, NULL, "--import", shuffled, NULL), ==, 0);
  g_assert_cmpint (run_db (f, f->db, NULL, NULL, "--export", first, NULL), ==, 0);
  a = md_test_read_file (first);
  g_assert_cmpstr (a, ==, MD_CSV_HEADER "\n"
                          "2025-01-01T10:00:00+00:00,jaw,,,,,,one\n"
                          "2025-02-01T10:00:00+02:00,chin,,,,,,\" two \"\n");
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (run_db (f, fresh_db, &out, NULL, "--import", first, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 2, skipped 0\n");
  g_assert_cmpint (run_db (f, fresh_db, NULL, NULL, "--export", second, NULL), ==, 0);
  b = md_test_read_file (second);
  g_assert_cmpstr (b, ==, a);
  g_assert_cmpint (g_stat (second, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

typedef struct {
  const char *name;
  const char *args[5];
} UsageCase;

static const UsageCase usage_cases[] = {
  { "unknown-option", { "--frobnicate", NULL } },
  { "json-without-flags", { "--json", NULL } },
  { "as-of-without-flags", { "--as-of", "2025-01-01T00:00Z", NULL } },
  { "import-and-export", { "--import", "x.csv", "--export", "-", NULL } },
  { "export-and-flags", { "--export", "-", "--flags", NULL } },
  { "empty-file-name", { "--import", "", NULL } },
  { "backup-and-export", { "--backup", "copy.db", "--export", "-", NULL } },
  { "restore-and-import", { "--restore", "copy.db", "--import", "x.csv", NULL } },
  { "backup-empty-name", { "--backup", "", NULL } },
  { "restore-empty-name", { "--restore", "", NULL } },
};

static void
test_usage (gconstpointer data)
{
  const UsageCase *c = data;
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *db = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db);
  for (guint i = 0; c->args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) c->args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_cmpint (md_test_run_cli ((const char * const *) argv->pdata, NULL, &out, &err), ==, 2);
  assert_empty (out);
  assert_not_empty (err);
  /* Bad usage touches no diary. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  md_test_rmdir (dir);
}

static void
test_corrupt_db (Fixture *f, gconstpointer data)
{
  const char *junk = "this is not a database, just some random text\n\x01\x02\x03 and more\n";
  g_autofree char *back = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  g_assert_true (g_file_set_contents (f->db, junk, -1, NULL));
  g_assert_cmpint (run_db (f, f->db, NULL, &err, "--import", f->good, NULL), ==, 1);
  assert_not_empty (err);
  g_assert_cmpint (run_db (f, f->db, NULL, &err2, "--export", "-", NULL), ==, 1);
  back = md_test_read_file (f->db);
  g_assert_cmpstr (back, ==, junk);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add ("/cli/import/good-then-again", Fixture, NULL, setup, test_import_good, teardown);
  g_test_add ("/cli/import/bad-rows", Fixture, NULL, setup, test_import_bad, teardown);
  g_test_add ("/cli/import/missing-file", Fixture, NULL, setup, test_import_missing_file, teardown);
  g_test_add ("/cli/import/stdin", Fixture, NULL, setup, test_import_stdin, teardown);
  g_test_add ("/cli/export/stdout", Fixture, NULL, setup, test_export_stdout, teardown);
  g_test_add ("/cli/export/file-round-trip", Fixture, NULL, setup, test_export_file_round_trip, teardown);
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/usage/%s", usage_cases[i].name);

      g_test_add_data_func (path, &usage_cases[i], test_usage);
    }
  g_test_add ("/cli/corrupt-db", Fixture, NULL, setup, test_corrupt_db, teardown);
  return g_test_run ();
}
