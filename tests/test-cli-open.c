/* test-cli-open.c: which files the commands accept as a diary, through the real binary.
 *
 * A mistyped --db creates nothing; another program's database, a damaged diary and one from a
 * newer Menodiary are refused byte for byte unchanged (mode included); a read-only diary can
 * still be read; rows with impossible values are never shown as made-up data.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "md-check-record.h"
#include "md-csv.h"
#include "md-test-utils.h"

#define GOOD_CSV \
  MD_CSV_HEADER "\n" \
  "2025-01-02T03:04:05+00:00,eyelid-upper;cheek,both,90,10,dizziness;pain,caffeine;stress,plain\n" \
  "2025-02-03T08:00:00+01:00,jaw,,,,,,\n"

typedef struct {
  char *dir;
  char *db;
  char *good;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = md_test_mkdtemp ();
  f->db = g_build_filename (f->dir, "diary.db", NULL);
  f->good = g_build_filename (f->dir, "good.csv", NULL);
  g_assert_true (g_file_set_contents (f->good, GOOD_CSV, -1, NULL));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->good);
}

static int
run (const char  *db,
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

static void
sql (const char *db,
     const char *text)
{
  sqlite3 *conn = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (db, &conn), ==, SQLITE_OK);
  if (sqlite3_exec (conn, text, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", text, msg);
  g_assert_cmpint (sqlite3_close (conn), ==, SQLITE_OK);
}

static GBytes *
file_bytes (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

static void
assert_same_file (const char *path,
                  GBytes     *before,
                  guint       mode)
{
  g_autoptr(GBytes) after = file_bytes (path);
  GStatBuf st;

  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

/* Every command that only reads: each, on a diary that does not exist. */
static const char *reading_commands[][5] = {
  { "--export", "-", NULL },
  { "--export-checkins", "-", NULL },
  { "--flags", NULL },
  { "--report", "OUT/summary.pdf", NULL },
  { "--chart", "frequency", "--output", "OUT/chart.png", NULL },
  { "--backup", "OUT/copy.db", NULL },
};

static void
test_missing_creates_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "typo", NULL);
  g_autofree char *db = g_build_filename (folder, "diary.db", NULL);
  g_autofree char *flat_db = g_build_filename (f->dir, "dairy.db", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reading_commands); i++)
    for (guint k = 0; k < 2; k++)
      {
        const char *path = k == 0 ? db : flat_db;
        g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        g_autoptr(GDir) d = NULL;
        guint n = 0;

        g_ptr_array_add (argv, g_strdup ("--db"));
        g_ptr_array_add (argv, g_strdup (path));
        for (guint a = 0; reading_commands[i][a] != NULL; a++)
          {
            const char *arg = reading_commands[i][a];

            g_ptr_array_add (argv, g_str_has_prefix (arg, "OUT/") ? g_build_filename (f->dir, arg + 4, NULL)
                                                                   : g_strdup (arg));
          }
        g_ptr_array_add (argv, NULL);
        g_assert_cmpint (md_test_run_cli ((const char * const *) argv->pdata, NULL, &out, &err), ==, 1);
        g_assert_nonnull (strstr (err, path));
        g_assert_true (g_str_has_prefix (err, "menodiary: "));
        g_assert_true (out == NULL || *out == '\0');
        g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
        g_assert_false (g_file_test (flat_db, G_FILE_TEST_EXISTS));
        /* Nothing at all was written: only good.csv is in the folder. */
        d = g_dir_open (f->dir, 0, NULL);
        while (g_dir_read_name (d) != NULL)
          n++;
        g_assert_cmpuint (n, ==, 1);
      }
}

static void
test_import_creates (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "new", NULL);
  g_autofree char *db = g_build_filename (folder, "diary.db", NULL);
  GStatBuf st;

  g_assert_cmpint (run (db, NULL, NULL, "--import", f->good, NULL), ==, 0);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (md_test_count_episodes (db), ==, 2);
}

static void
assert_refused (Fixture    *f,
                const char *db,
                guint       mode,
                const char *expect)
{
  g_autoptr(GBytes) before = file_bytes (db);
  g_autofree char *err1 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);

  g_assert_cmpint (run (db, NULL, &err1, "--export", "-", NULL), ==, 1);
  g_assert_nonnull (strstr (err1, db));
  g_assert_nonnull (strstr (err1, expect));
  g_assert_cmpint (run (db, NULL, &err2, "--import", f->good, NULL), ==, 1);
  g_assert_nonnull (strstr (err2, db));
  g_assert_cmpint (run (db, NULL, &err3, "--export-checkins", "-", NULL), ==, 1);
  assert_same_file (db, before, mode);
  /* No change waits in a WAL either (a reader of a WAL diary may leave an empty one). */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      GStatBuf st;

      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
    }
}

static void
test_foreign (Fixture *f, gconstpointer data)
{
  g_autofree char *db = g_build_filename (f->dir, "other.db", NULL);

  sql (db, "CREATE TABLE recipes (name TEXT, minutes INTEGER); INSERT INTO recipes VALUES ('soup', 40);");
  g_assert_cmpint (g_chmod (db, 0644), ==, 0);
  assert_refused (f, db, 0644, "another program");
}

/* Shorter than a SQLite header: SQLite alone would take it for an empty database. */
static void
test_tiny_file (Fixture *f, gconstpointer data)
{
  g_autofree char *db = g_build_filename (f->dir, "notes.txt", NULL);

  g_assert_true (g_file_set_contents (db, "x", -1, NULL));
  g_assert_cmpint (g_chmod (db, 0644), ==, 0);
  assert_refused (f, db, 0644, "not a SQLite database");
}

static void
test_newer_schema (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (run (f->db, NULL, NULL, "--import", f->good, NULL), ==, 0);
  sql (f->db, "PRAGMA user_version = 99");
  g_assert_cmpint (g_chmod (f->db, 0640), ==, 0);
  assert_refused (f, f->db, 0640, "newer version");
}

static void
test_empty_sqlite_is_new (Fixture *f, gconstpointer data)
{
  g_autofree char *zero = g_build_filename (f->dir, "zero.db", NULL);
  g_autofree char *no_tables = g_build_filename (f->dir, "no-tables.db", NULL);
  g_autofree char *out = NULL;

  /* A zero-length file and a SQLite file whose only table was dropped: both a new diary. */
  g_assert_true (g_file_set_contents (zero, "", 0, NULL));
  sql (no_tables, "CREATE TABLE x (a); DROP TABLE x;");
  g_assert_cmpint (run (zero, &out, NULL, "--export", "-", NULL), ==, 0);
  g_assert_cmpstr (out, ==, MD_CSV_HEADER "\n");
  g_assert_cmpint (run (zero, NULL, NULL, "--import", f->good, NULL), ==, 0);
  g_assert_cmpint (run (no_tables, NULL, NULL, "--import", f->good, NULL), ==, 0);
  g_assert_cmpuint (md_test_count_episodes (zero), ==, 2);
  g_assert_cmpuint (md_test_count_episodes (no_tables), ==, 2);
}

/* Imports 3 000 episodes with notes into f->db: a diary of many pages. */
static void
import_big (Fixture *f)
{
  g_autoptr(GString) csv = g_string_new (MD_CSV_HEADER "\n");
  g_autofree char *big = g_build_filename (f->dir, "big.csv", NULL);

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "2024-%02u-%02uT%02u:%02u:00Z,jaw,left,%u,3,,,a note to fill the page %u\n",
                            1 + i % 12, 1 + i % 28, i % 24, i % 60, 1 + i, i);
  g_assert_true (g_file_set_contents (big, csv->str, csv->len, NULL));
  g_assert_cmpint (run (f->db, NULL, NULL, "--import", big, NULL), ==, 0);
}

/* A diary of a few thousand episodes, cut in the middle of a page. */
static void
test_truncated (Fixture *f, gconstpointer data)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  import_big (f);
  g_assert_true (g_file_get_contents (f->db, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 65536);
  g_assert_true (g_file_set_contents (f->db, contents, len / 2 + 1000, NULL));
  g_assert_cmpint (g_chmod (f->db, 0600), ==, 0);
  assert_refused (f, f->db, 0600, "damaged");
}

static gint64
latest_time_s (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;
  return MAX (st.st_mtime, st.st_ctime);
}

/* Waits until @db and its WAL were last changed long enough ago for a passing check to be
 * remembered (md-check-record.h): a wait for the clock, not for an event. */
static void
wait_until_settled (const char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  gint64 settled = MAX (latest_time_s (db), latest_time_s (wal)) + MD_CHECK_RECORD_MARGIN_S + 1;

  while (g_get_real_time () / G_USEC_PER_SEC <= settled)
    g_usleep (G_USEC_PER_SEC / 10);
}

/* A diary that passed quick_check and is unchanged is not read through again; any change to
 * it, even one that keeps its size and modification time, is checked (md-check-record.c). */
static void
test_check_remembered (Fixture *f, gconstpointer data)
{
  g_autofree char *cache = g_build_filename (f->dir, "cache", NULL);
  g_autofree char *record = g_build_filename (cache, "menodiary", "checked", NULL);
  g_autofree char *text = NULL;
  const char *env[] = { "XDG_CACHE_HOME", cache, "G_MESSAGES_DEBUG", "md-store", NULL };
  const char *flags[] = { "--db", f->db, "--flags", NULL };
  const char *export[] = { "--db", f->db, "--export", "-", NULL };
  struct timespec times[2] = { { 0, UTIME_OMIT }, { 0, 0 } };
  g_autofree char *out1 = NULL, *out2 = NULL, *out3 = NULL, *err = NULL;
  GStatBuf st;
  int fd;

  import_big (f);

  /* Only a state older than the margin is remembered. */
  wait_until_settled (f->db);

  g_assert_cmpint (md_test_run_cli_env (flags, env, NULL, &out1, NULL), ==, 0);
  g_assert_null (strstr (out1, "not checked again"));
  g_assert_cmpint (g_stat (record, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  text = md_test_read_file (record);
  g_assert_null (strstr (text, "diary"));          /* numbers only, no path */
  g_assert_cmpint (md_test_run_cli_env (flags, env, NULL, &out2, NULL), ==, 0);
  g_assert_nonnull (strstr (out2, "not checked again"));

  /* Damage one page in place, then put the modification time back. */
  g_assert_cmpint (g_stat (f->db, &st), ==, 0);
  times[1].tv_sec = st.st_mtim.tv_sec;
  times[1].tv_nsec = st.st_mtim.tv_nsec;
  fd = g_open (f->db, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  {
    char zeros[4096] = { 0, };

    g_assert_cmpint (pwrite (fd, zeros, sizeof zeros, 4096 * 4), ==, sizeof zeros);
  }
  g_assert_cmpint (futimens (fd, times), ==, 0);
  close (fd);
  g_assert_cmpint (md_test_run_cli_env (export, env, NULL, &out3, &err), ==, 1);
  g_assert_nonnull (strstr (err, "damaged"));
}

/* Commits @n episodes through a connection of our own that leaves them in the WAL (no
 * checkpoint when it closes): the main file does not change, only its log grows. */
static void
commit_to_wal (const char *db,
               guint       n)
{
  sqlite3 *conn = NULL;

  g_assert_cmpint (sqlite3_open (db, &conn), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_db_config (conn, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (sqlite3_exec (conn, "INSERT INTO episode (start_utc, utc_offset_s, regions, created_utc, updated_utc)"
                                         " VALUES (1700000000, 0, 1, 1, 1)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (conn), ==, SQLITE_OK);
}

/* A diary reached through a link: SQLite keeps its log beside the real file, and that is the
 * log whose state is remembered, so a commit that only grows the log is checked again. */
static void
test_check_through_link (Fixture *f, gconstpointer data)
{
  g_autofree char *real = g_build_filename (f->dir, "real.db", NULL);
  g_autofree char *real_wal = g_strconcat (real, "-wal", NULL);
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *link = g_build_filename (sub, "diary.db", NULL);
  g_autofree char *cache = g_build_filename (f->dir, "cache", NULL);
  g_autofree char *out1 = NULL, *out2 = NULL, *out3 = NULL;
  const char *env[] = { "XDG_CACHE_HOME", cache, "G_MESSAGES_DEBUG", "md-store", NULL };
  const char *flags[] = { "--db", link, "--flags", NULL };
  GStatBuf st;

  g_assert_cmpint (run (real, NULL, NULL, "--import", f->good, NULL), ==, 0);
  commit_to_wal (real, 1);
  g_assert_cmpint (g_stat (real_wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink ("../real.db", link), ==, 0);

  wait_until_settled (real);
  g_assert_cmpint (md_test_run_cli_env (flags, env, NULL, &out1, NULL), ==, 0);
  g_assert_cmpint (md_test_run_cli_env (flags, env, NULL, &out2, NULL), ==, 0);
  g_assert_nonnull (strstr (out2, "not checked again"));

  commit_to_wal (real, 3);
  g_assert_cmpint (md_test_run_cli_env (flags, env, NULL, &out3, NULL), ==, 0);
  g_assert_null (strstr (out3, "not checked again"));
}

/* Impossible values planted past the CHECK constraints: refused, never exported as data. */
static void
test_bad_rows (Fixture *f, gconstpointer data)
{
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (run (f->db, NULL, NULL, "--import", f->good, NULL), ==, 0);
  sql (f->db, "PRAGMA ignore_check_constraints = ON;"
              "INSERT INTO checkin (day, sleep_min, supplements, updated_utc) VALUES (3, 99999, '', 0);");
  g_assert_cmpint (run (f->db, &out, &err, "--export-checkins", "-", NULL), ==, 1);
  g_assert_true (out == NULL || strstr (out, "1970-01-04") == NULL);
  g_assert_nonnull (strstr (err, "damaged"));
  sql (f->db, "DELETE FROM checkin; PRAGMA ignore_check_constraints = ON;"
              "INSERT INTO episode (start_utc, utc_offset_s, regions, side, signs, triggers, created_utc, updated_utc) "
              "VALUES (0, 0, 0, 'up', 0, 0, 0, 0);");
  g_assert_cmpint (run (f->db, NULL, &err2, "--export", "-", NULL), ==, 1);
  g_assert_nonnull (strstr (err2, "damaged"));
}

static void
chown_tree (const char *path,
            guint       uid)
{
  g_assert_cmpint (chown (path, uid, uid), ==, 0);
}

/* A diary its owner can only read (0400), in a folder she cannot write (0500). */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  guint uid = md_test_unprivileged_uid ();
  g_autofree char *ro_dir = g_build_filename (f->dir, "ro", NULL);
  g_autofree char *db = g_build_filename (ro_dir, "diary.db", NULL);
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *csv = g_build_filename (out_dir, "export.csv", NULL);
  g_autofree char *pdf = g_build_filename (out_dir, "summary.pdf", NULL);
  const char *export_argv[] = { "--db", db, "--export", csv, NULL };
  const char *flags_argv[] = { "--db", db, "--flags", NULL };
  const char *report_argv[] = { "--db", db, "--report", pdf, "--from", "2025-01-01", "--to", "2025-03-01", NULL };
  const char *import_argv[] = { "--db", db, "--import", f->good, NULL };
  g_autoptr(GBytes) before = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (g_chmod (f->dir, 0711), ==, 0);
  g_assert_cmpint (g_mkdir (ro_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_cmpint (run (db, NULL, NULL, "--import", f->good, NULL), ==, 0);
  chown_tree (out_dir, uid);
  chown_tree (ro_dir, uid);
  chown_tree (db, uid);
  g_assert_cmpint (g_chmod (db, 0400), ==, 0);
  g_assert_cmpint (g_chmod (ro_dir, 0500), ==, 0);
  before = file_bytes (db);

  g_assert_cmpint (md_test_run_cli_setup (export_argv, NULL, md_test_drop_privileges_cb, NULL, NULL, NULL), ==, 0);
  exported = md_test_read_file (csv);
  g_assert_cmpstr (exported, ==, GOOD_CSV);
  g_assert_cmpint (md_test_run_cli_setup (flags_argv, NULL, md_test_drop_privileges_cb, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (md_test_run_cli_setup (report_argv, NULL, md_test_drop_privileges_cb, NULL, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  /* Writing is refused plainly. */
  g_assert_cmpint (md_test_run_cli_setup (import_argv, NULL, md_test_drop_privileges_cb, NULL, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, db));
  assert_same_file (db, before, 0400);
  g_assert_cmpint (g_chmod (ro_dir, 0700), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/open/missing-creates-nothing", Fixture, NULL, setup, test_missing_creates_nothing, teardown);
  g_test_add ("/cli/open/import-creates", Fixture, NULL, setup, test_import_creates, teardown);
  g_test_add ("/cli/open/foreign-refused-unchanged", Fixture, NULL, setup, test_foreign, teardown);
  g_test_add ("/cli/open/tiny-file-refused-unchanged", Fixture, NULL, setup, test_tiny_file, teardown);
  g_test_add ("/cli/open/newer-schema-unchanged", Fixture, NULL, setup, test_newer_schema, teardown);
  g_test_add ("/cli/open/empty-sqlite-is-new", Fixture, NULL, setup, test_empty_sqlite_is_new, teardown);
  g_test_add ("/cli/open/truncated-refused-unchanged", Fixture, NULL, setup, test_truncated, teardown);
  g_test_add ("/cli/open/check-remembered-until-changed", Fixture, NULL, setup, test_check_remembered, teardown);
  g_test_add ("/cli/open/check-through-link", Fixture, NULL, setup, test_check_through_link, teardown);
  g_test_add ("/cli/open/impossible-rows-refused", Fixture, NULL, setup, test_bad_rows, teardown);
  g_test_add ("/cli/open/read-only-diary-readable", Fixture, NULL, setup, test_read_only, teardown);
  return g_test_run ();
}
