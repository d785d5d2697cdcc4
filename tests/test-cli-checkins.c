/* test-cli-checkins.c: check-in CSV import and export through the real menodiary binary with
 * no display: the kind found from the header, replaced days counted, errors with their lines,
 * exit codes, and the export → import → export round trip. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "md-checkin-csv.h"
#include "md-time.h"
#include "md-test-utils.h"

#define GOOD_CHECKINS \
  "day,sleep_hours,stress,supplements,note\n" \
  "2025-03-02,6.5,7,magnesium;vitamin D,\"woke at 4, hot\"\n" \
  "2025-03-01,8,2,,\n"

#define GOOD_EXPORT \
  MD_CHECKIN_CSV_HEADER "\n" \
  "2025-03-01,8,,,,,2,,,,,,,\n" \
  "2025-03-02,6.5,,,,,7,,magnesium;vitamin D,,,\"woke at 4, hot\",,\n"

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
  f->good = write_file (f, "checkins.csv", GOOD_CHECKINS);
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
run_db (const char  *db,
        const char  *stdin_text,
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
  return md_test_run_cli ((const char * const *) argv->pdata, stdin_text, out, err);
}

/* The check-ins in @db, read through the store as the app would. */
static GPtrArray *
checkins_in (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) store = md_store_open (db, &error);
  GPtrArray *all;

  g_assert_no_error (error);
  all = md_store_checkins_between (store, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  return all;
}

static void
test_import_good_then_again (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autoptr(GPtrArray) all = NULL;
  const MdCheckin *c;

  g_assert_cmpint (run_db (f->db, NULL, &out, &err, "--import", f->good, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 2 check-ins, replaced 0\n");
  assert_empty (err);

  all = checkins_in (f->db);
  g_assert_cmpuint (all->len, ==, 2);
  c = g_ptr_array_index (all, 1);
  g_assert_cmpint (c->sleep_min, ==, 390);
  g_assert_cmpint (c->stress, ==, 7);
  g_assert_true (md_checkin_took (c, "vitamin D"));
  g_assert_cmpstr (c->note, ==, "woke at 4, hot");

  /* Again: the same two days are replaced, not doubled. */
  g_assert_cmpint (run_db (f->db, NULL, &out2, NULL, "--import", f->good, NULL), ==, 0);
  g_assert_cmpstr (out2, ==, "imported 2 check-ins, replaced 2\n");
  g_clear_pointer (&all, g_ptr_array_unref);
  all = checkins_in (f->db);
  g_assert_cmpuint (all->len, ==, 2);
}

static void
test_import_replaces_some (Fixture *f, gconstpointer data)
{
  g_autofree char *more = write_file (f, "more.csv", "day,stress\n2025-03-02,1\n2025-03-03,0\n");
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_cmpint (run_db (f->db, NULL, NULL, NULL, "--import", f->good, NULL), ==, 0);
  g_assert_cmpint (run_db (f->db, NULL, &out, NULL, "--import", more, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 2 check-ins, replaced 1\n");
  all = checkins_in (f->db);
  g_assert_cmpuint (all->len, ==, 3);
  /* The replaced day took the file's answers for the columns the file has; the others kept
   * what was stored (the file never mentioned sleep, supplements or the note). */
  g_assert_cmpint (((MdCheckin *) g_ptr_array_index (all, 1))->stress, ==, 1);
  g_assert_cmpint (((MdCheckin *) g_ptr_array_index (all, 1))->sleep_min, ==, 390);
  g_assert_cmpstr (((MdCheckin *) g_ptr_array_index (all, 1))->note, ==, "woke at 4, hot");
  g_assert_cmpstr (((MdCheckin *) g_ptr_array_index (all, 1))->supplements[1], ==, "vitamin D");
}

/* Only a day column: nothing stored is wiped. An empty value in a column the file has is
 * "not answered" and does replace. */
static void
test_import_absent_columns_kept (Fixture *f, gconstpointer data)
{
  g_autofree char *days = write_file (f, "days.csv", "day\n2025-03-01\n2025-03-02\n");
  g_autofree char *cleared = write_file (f, "cleared.csv", "day,note,stress\n2025-03-02,,\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_cmpint (run_db (f->db, NULL, NULL, NULL, "--import", f->good, NULL), ==, 0);
  g_assert_cmpint (run_db (f->db, NULL, &before, NULL, "--export-checkins", "-", NULL), ==, 0);
  g_assert_cmpint (run_db (f->db, NULL, NULL, NULL, "--import", days, NULL), ==, 0);
  g_assert_cmpint (run_db (f->db, NULL, &after, NULL, "--export-checkins", "-", NULL), ==, 0);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (run_db (f->db, NULL, NULL, NULL, "--import", cleared, NULL), ==, 0);
  all = checkins_in (f->db);
  g_assert_null (((MdCheckin *) g_ptr_array_index (all, 1))->note);
  g_assert_cmpint (((MdCheckin *) g_ptr_array_index (all, 1))->stress, ==, MD_UNKNOWN);
  g_assert_cmpint (((MdCheckin *) g_ptr_array_index (all, 1))->sleep_min, ==, 390);
}

static void
test_import_bad (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = write_file (f, "bad.csv",
                                     "day,sleep_hours,sleep_quality\n"
                                     "2025-03-01,7,3\n"
                                     "2025-03-02,25,\n"
                                     "2025-03-01,7,0\n");
  g_autofree char *expected1 = g_strdup_printf ("%s:3: sleep_hours: \"25\" is not a number of hours from 0 to 24, "
                                                "such as 7 or 6.5\n", bad);
  g_autofree char *expected2 = g_strdup_printf ("%s:4: day: 2025-03-01 is already on line 2; give each day once\n", bad);
  g_autofree char *expected3 = g_strdup_printf ("%s:4: sleep_quality: \"0\" is not a whole number from 1 to 5\n", bad);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_cmpint (run_db (f->db, NULL, &out, &err, "--import", bad, NULL), ==, 1);
  assert_empty (out);
  g_assert_true (g_str_has_prefix (err, expected1));
  g_assert_nonnull (strstr (err, expected2));
  g_assert_nonnull (strstr (err, expected3));
  g_assert_nonnull (strstr (err, "2 rows of"));
  g_assert_nonnull (strstr (err, "nothing was imported"));
  all = checkins_in (f->db);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_import_bad_header (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = write_file (f, "bad.csv", "day,sleep,day\n2025-03-01,7,2025-03-01\n");
  g_autofree char *err = NULL;

  g_assert_cmpint (run_db (f->db, NULL, NULL, &err, "--import", bad, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "bad.csv:1: header: unknown column \"sleep\" (the columns are day, sleep_hours,"));
  g_assert_nonnull (strstr (err, "bad.csv:1: header: column \"day\" appears more than once"));
  g_assert_nonnull (strstr (err, "is not a Menodiary check-in file"));
}

static void
test_import_stdin_bom_crlf (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exported = NULL;

  g_assert_cmpint (run_db (f->db, "\xef\xbb\xbf" "day,note\r\n2025-03-01,\"a\r\nb\"\r\n", &out, &err,
                           "--import", "-", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 1 check-in, replaced 0\n");
  g_assert_cmpint (run_db (f->db, NULL, &exported, NULL, "--export-checkins", "-", NULL), ==, 0);
  g_assert_cmpstr (exported, ==, MD_CHECKIN_CSV_HEADER "\n2025-03-01,,,,,,,,,,,\"a\nb\",,\n");
}

static void
test_import_stdin_errors_name_stdin (Fixture *f, gconstpointer data)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run_db (f->db, "day,stress\n2025-03-01,x\n", NULL, &err, "--import", "-", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "(standard input):2: stress: \"x\" is not a whole number from 0 to 10\n"));
}

/* An episode file keeps its own output, and check-ins never land among episodes. */
static void
test_episodes_unchanged (Fixture *f, gconstpointer data)
{
  g_autofree char *episodes = write_file (f, "episodes.csv", "started_at,regions\n2025-03-01T09:00Z,jaw\n");
  g_autofree char *both = write_file (f, "both.csv", "started_at,regions,day\n2025-03-01T09:00Z,jaw,2025-03-01\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ep_export = NULL;
  g_autofree char *ci_export = NULL;

  g_assert_cmpint (run_db (f->db, NULL, &out, NULL, "--import", episodes, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 1, skipped 0\n");
  /* With started_at it is an episode file, where "day" is an unknown column. */
  g_assert_cmpint (run_db (f->db, NULL, NULL, &err, "--import", both, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "header: unknown column \"day\" (the columns are started_at,"));

  g_assert_cmpint (run_db (f->db, NULL, NULL, NULL, "--import", f->good, NULL), ==, 0);
  g_assert_cmpint (run_db (f->db, NULL, &ep_export, NULL, "--export", "-", NULL), ==, 0);
  g_assert_cmpstr (ep_export, ==, "started_at,regions,side,duration_s,intensity,signs,triggers,notes\n"
                                  "2025-03-01T09:00:00+00:00,jaw,,,,,,\n");
  g_assert_cmpint (run_db (f->db, NULL, &ci_export, NULL, "--export-checkins", "-", NULL), ==, 0);
  g_assert_cmpstr (ci_export, ==, GOOD_EXPORT);
}

static void
test_export_empty (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* An empty diary, as the window creates it (a missing one is an error: see test-cli-open). */
  md_test_create_diary (f->db);
  g_assert_cmpint (run_db (f->db, NULL, &out, &err, "--export-checkins", "-", NULL), ==, 0);
  g_assert_cmpstr (out, ==, MD_CHECKIN_CSV_HEADER "\n");
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

  g_assert_cmpint (run_db (f->db, NULL, NULL, NULL, "--import", f->good, NULL), ==, 0);
  g_assert_cmpint (run_db (f->db, NULL, NULL, NULL, "--export-checkins", first, NULL), ==, 0);
  a = md_test_read_file (first);
  g_assert_cmpstr (a, ==, GOOD_EXPORT);
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (run_db (fresh_db, NULL, &out, NULL, "--import", first, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 2 check-ins, replaced 0\n");
  g_assert_cmpint (run_db (fresh_db, NULL, NULL, NULL, "--export-checkins", second, NULL), ==, 0);
  b = md_test_read_file (second);
  g_assert_cmpstr (b, ==, a);
  g_assert_cmpint (g_stat (second, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_export_bad_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "c.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_db (f->db, NULL, &out, &err, "--export-checkins", path, NULL), ==, 1);
  assert_empty (out);
  g_assert_true (g_str_has_prefix (err, "menodiary: "));
}

typedef struct {
  const char *name;
  const char *args[5];
} UsageCase;

static const UsageCase usage_cases[] = {
  { "with-import", { "--export-checkins", "-", "--import", "x.csv", NULL } },
  { "with-export", { "--export-checkins", "-", "--export", "-", NULL } },
  { "with-flags", { "--export-checkins", "-", "--flags", NULL } },
  { "with-json", { "--export-checkins", "-", "--json", NULL } },
  { "empty-file-name", { "--export-checkins", "", NULL } },
  { "no-file-name", { "--export-checkins", NULL } },
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
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  md_test_rmdir (dir);
}

static void
test_help_lists_option (void)
{
  const char *argv[] = { "--help", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (md_test_run_cli (argv, NULL, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--export-checkins"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-checkins/import/good-then-again", Fixture, NULL, setup, test_import_good_then_again, teardown);
  g_test_add ("/cli-checkins/import/replaces-some", Fixture, NULL, setup, test_import_replaces_some, teardown);
  g_test_add ("/cli-checkins/import/absent-columns-kept", Fixture, NULL, setup, test_import_absent_columns_kept, teardown);
  g_test_add ("/cli-checkins/import/bad-rows", Fixture, NULL, setup, test_import_bad, teardown);
  g_test_add ("/cli-checkins/import/bad-header", Fixture, NULL, setup, test_import_bad_header, teardown);
  g_test_add ("/cli-checkins/import/stdin-bom-crlf", Fixture, NULL, setup, test_import_stdin_bom_crlf, teardown);
  g_test_add ("/cli-checkins/import/stdin-errors", Fixture, NULL, setup, test_import_stdin_errors_name_stdin, teardown);
  g_test_add ("/cli-checkins/import/episodes-unchanged", Fixture, NULL, setup, test_episodes_unchanged, teardown);
  g_test_add ("/cli-checkins/export/empty", Fixture, NULL, setup, test_export_empty, teardown);
  g_test_add ("/cli-checkins/export/file-round-trip", Fixture, NULL, setup, test_export_file_round_trip, teardown);
  g_test_add ("/cli-checkins/export/bad-folder", Fixture, NULL, setup, test_export_bad_folder, teardown);
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-checkins/usage/%s", usage_cases[i].name);

      g_test_add_data_func (path, &usage_cases[i], test_usage);
    }
  g_test_add_func ("/cli-checkins/help", test_help_lists_option);
  return g_test_run ();
}
