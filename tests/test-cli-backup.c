/* test-cli-backup.c: --backup, --restore and the automatic daily copies, through the real
 * binary; the copies' list (md_backup_list) in-process. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "md-backup.h"
#include "md-csv.h"
#include "md-test-utils.h"
#include "md-time.h"

#define CSV_A \
  MD_CSV_HEADER "\n" \
  "2025-01-02T03:04:05+00:00,eyelid-upper;cheek,both,90,10,dizziness;pain,caffeine;stress,plain\n" \
  "2025-02-03T08:00:00+01:00,jaw,,,,,,\n"
#define CSV_B \
  MD_CSV_HEADER "\n" \
  "2024-06-01T10:00:00+02:00,lips,left,30,2,,,from the other diary\n"
#define CHECKINS_B "day,sleep_hours,stress\n2024-06-01,6.5,7\n"

typedef struct {
  char *dir;
  char *db;
  char *other;   /* a second diary, holding CSV_B and CHECKINS_B */
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

static char *
export_of (const char *db,
           const char *what)
{
  char *out = NULL;

  g_assert_cmpint (run (db, &out, NULL, what, "-", NULL), ==, 0);
  return out;
}

static void
import (const char *db,
        Fixture    *f,
        const char *name,
        const char *csv)
{
  g_autofree char *path = write_file (f, name, csv);

  g_assert_cmpint (run (db, NULL, NULL, "--import", path, NULL), ==, 0);
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = md_test_mkdtemp ();
  f->db = g_build_filename (f->dir, "diary.db", NULL);
  f->other = g_build_filename (f->dir, "other.db", NULL);
  import (f->other, f, "b.csv", CSV_B);
  import (f->other, f, "b-checkins.csv", CHECKINS_B);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->other);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_backup (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *err = NULL;
  sqlite3 *writer = NULL;

  import (f->db, f, "a.csv", CSV_A);
  /* Another program is in the middle of a write: the copy holds what was committed. */
  g_assert_cmpint (sqlite3_open (f->db, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE; DELETE FROM episode;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (run (f->db, NULL, &err, "--backup", copy, NULL), ==, 0);
  g_assert_cmpint (sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);

  g_assert_cmpuint (mode_of (copy), ==, 0600);
  a = export_of (f->db, "--export");
  b = export_of (copy, "--export");
  g_assert_cmpstr (a, ==, CSV_A);
  g_assert_cmpstr (b, ==, a);
}

static void
test_backup_bad_target (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", "copy.db", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  import (f->db, f, "a.csv", CSV_A);
  g_assert_cmpint (run (f->db, NULL, &err, "--backup", missing, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "menodiary: "));
  g_assert_nonnull (strstr (err, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  /* A copy is a file: not standard output. */
  g_assert_cmpint (run (f->db, NULL, &err2, "--backup", "-", NULL), ==, 1);
}

static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_ci = NULL;
  g_autofree char *want = export_of (f->other, "--export");
  g_autofree char *want_ci = export_of (f->other, "--export-checkins");
  g_autofree char *out = NULL;
  g_autofree char *backups = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const MdBackupInfo *saved;
  sqlite3 *reader = NULL;

  import (f->db, f, "a.csv", CSV_A);
  before = export_of (f->db, "--export");
  /* The old diary stays open elsewhere, with its WAL: nothing of it comes back. */
  g_assert_cmpint (sqlite3_open (f->db, &reader), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "SELECT count(*) FROM episode", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (run (f->db, &out, NULL, "--restore", f->other, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "restored "));
  sqlite3_close (reader);
  after = export_of (f->db, "--export");
  after_ci = export_of (f->db, "--export-checkins");
  g_assert_cmpstr (after, ==, want);
  g_assert_cmpstr (after_ci, ==, want_ci);

  /* The diary as it was is in the backups folder (0700, the copy 0600). */
  backups = md_backup_dir_for (f->db);
  g_assert_cmpuint (mode_of (backups), ==, 0700);
  list = md_backup_list (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >=, 1);
  saved = g_ptr_array_index (list, 0);
  g_assert_cmpint (saved->kind, ==, MD_BACKUP_KIND_BEFORE_RESTORE);
  g_assert_cmpint (saved->n_episodes, ==, 2);
  g_assert_cmpuint (mode_of (saved->path), ==, 0600);
  g_assert_nonnull (strstr (out, saved->path));
  {
    g_autofree char *old = export_of (saved->path, "--export");

    g_assert_cmpstr (old, ==, before);
  }
}

static void
test_restore_old_schema (Fixture *f, gconstpointer data)
{
  g_autofree char *old = g_build_filename (f->dir, "v1.db", NULL);
  g_autofree char *bytes_before = NULL;
  g_autofree char *bytes_after = NULL;
  gsize len_before = 0, len_after = 0;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  sqlite3 *db = NULL;

  import (old, f, "a.csv", CSV_A);
  want = export_of (old, "--export");
  /* Back to schema 1 (no check-ins), in rollback mode as an old copy might be. */
  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE checkin; DROP TABLE medicine; DROP TABLE mrs; PRAGMA user_version = 1; PRAGMA journal_mode = DELETE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (old, &bytes_before, &len_before, NULL));

  g_assert_cmpint (run (f->db, NULL, NULL, "--restore", old, NULL), ==, 0);
  got = export_of (f->db, "--export");
  g_assert_cmpstr (got, ==, want);
  /* Migrated in the copy, never in the file. */
  g_assert_true (g_file_get_contents (old, &bytes_after, &len_after, NULL));
  g_assert_cmpmem (bytes_before, len_before, bytes_after, len_after);
}

static void
test_restore_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *junk = write_file (f, "junk.db", "not a database at all, only text\n");
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *empty = write_file (f, "empty.db", "");
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.db", NULL);
  g_autofree char *before = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (a)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  import (newer, f, "a2.csv", CSV_A);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_autofree char *contents = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (f->other, &contents, &len, NULL));
    /* Cut through pages that hold data (the last pages may be empty tables, which SQLite
     * reads as empty when they are missing). */
    g_assert_true (g_file_set_contents (cut, contents, len / 2, NULL));
  }

  import (f->db, f, "a.csv", CSV_A);
  before = export_of (f->db, "--export");
  for (guint i = 0; i < 6; i++)
    {
      const char *file = (const char *[]) { junk, foreign, newer, empty, missing, cut }[i];
      g_autofree char *err = NULL;
      g_autofree char *now = NULL;
      g_autofree char *file_before = NULL;
      g_autofree char *file_after = NULL;

      g_file_get_contents (file, &file_before, NULL, NULL);
      g_assert_cmpint (run (f->db, NULL, &err, "--restore", file, NULL), ==, 1);
      g_assert_true (g_str_has_prefix (err, "menodiary: "));
      g_assert_nonnull (strstr (err, file));
      now = export_of (f->db, "--export");
      g_assert_cmpstr (now, ==, before);
      g_file_get_contents (file, &file_after, NULL, NULL);
      g_assert_cmpstr (file_after, ==, file_before);
    }
  /* Nothing was replaced, so nothing was saved before a restore either. */
  {
    g_autoptr(GPtrArray) list = md_backup_list (f->db, NULL);

    g_assert_cmpuint (list->len, ==, 0);
  }
}

/* The diary itself is damaged (cut short, a WAL beside it): the restore keeps it byte for byte
 * and puts the copy in its place; the old WAL is not replayed onto the new file. */
static void
test_restore_over_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new (MD_CSV_HEADER "\n");
  g_autofree char *contents = NULL;
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *want = export_of (f->other, "--export");
  g_autofree char *got = NULL;
  g_autofree char *out = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *err = NULL;
  gsize len = 0, kept_len = 0;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "2023-%02u-%02uT%02u:00:00Z,jaw,left,%u,3,,,filler text for the page %u\n",
                            1 + i % 12, 1 + i % 28, i % 24, 1 + i, i);
  import (f->db, f, "big.csv", csv->str);
  g_assert_true (g_file_get_contents (f->db, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (f->db, contents, len / 2 + 100, NULL));
  g_assert_true (g_file_set_contents (wal, "stale wal bytes", -1, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (f->db, &contents, &len, NULL));
  g_assert_cmpint (run (f->db, NULL, &err, "--export", "-", NULL), ==, 1);

  g_assert_cmpint (run (f->db, &out, NULL, "--restore", f->other, NULL), ==, 0);
  got = export_of (f->db, "--export");
  g_assert_cmpstr (got, ==, want);
  g_assert_nonnull (strstr (out, "damaged-"));
  {
    g_autofree char *saved = g_strstrip (g_strdup (strstr (out, "is in ") + 6));

    g_assert_true (g_file_get_contents (saved, &kept, &kept_len, NULL));
    g_assert_cmpmem (kept, kept_len, contents, len);
    g_assert_cmpuint (mode_of (saved), ==, 0600);
  }
}

static char *daily_name (int days_ago);

/* An older diary is copied, as it was, before its schema is upgraded. */
static void
test_copy_before_upgrade (Fixture *f, gconstpointer data)
{
  g_autofree char *backups = md_backup_dir_for (f->db);
  g_autofree char *today = daily_name (0);
  g_autofree char *copy = g_build_filename (backups, today, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  import (f->db, f, "a.csv", CSV_A);
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE checkin; DROP TABLE medicine; DROP TABLE mrs; PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  import (f->db, f, "b.csv", CSV_B);
  g_assert_cmpint (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (md_test_count_episodes (f->db), ==, 3);
}

static char *
daily_name (int days_ago)
{
  gint64 now = md_time_now ();
  gint64 day = md_time_day_of (now + md_utc_offset_at (NULL, now)) - days_ago;
  g_autofree char *date = md_time_format_day (day);

  return g_strdup_printf ("diary-%s.db", date);
}

static void
test_daily_copies (Fixture *f, gconstpointer data)
{
  g_autofree char *backups = md_backup_dir_for (f->db);
  g_autofree char *today = daily_name (0);
  g_autofree char *today_path = g_build_filename (backups, today, NULL);
  g_autofree char *restore_copy = g_build_filename (backups, "diary-before-restore-2020-01-01-101500.db", NULL);
  g_autofree char *other_diary = g_build_filename (backups, "other-2020-01-01.db", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n_daily = 0;

  /* An empty diary's first change: nothing to keep yet. */
  import (f->db, f, "a.csv", CSV_A);
  list = md_backup_list (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Nine older daily copies, one made before a restore, one of another diary; a folder too open. */
  g_assert_cmpint (g_mkdir_with_parents (backups, 0755), ==, 0);
  g_assert_cmpint (g_chmod (backups, 0755), ==, 0);
  for (int i = 1; i <= 9; i++)
    {
      g_autofree char *name = daily_name (i * 3);
      g_autofree char *path = g_build_filename (backups, name, NULL);

      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
    }
  g_assert_true (g_file_set_contents (restore_copy, "kept", -1, NULL));
  g_assert_true (g_file_set_contents (other_diary, "kept", -1, NULL));

  /* The first change of the day copies the diary as it was; a second one does not. */
  import (f->db, f, "b.csv", CSV_B);
  import (f->db, f, "c.csv", MD_CSV_HEADER "\n2023-01-01T00:00:00Z,chin,,,,,,\n");
  g_assert_cmpuint (mode_of (backups), ==, 0700);
  g_assert_cmpuint (mode_of (today_path), ==, 0600);
  g_assert_cmpuint (md_test_count_episodes (today_path), ==, 2);
  g_assert_true (g_file_test (restore_copy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_diary, G_FILE_TEST_EXISTS));

  list = md_backup_list (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const MdBackupInfo *info = g_ptr_array_index (list, i);

      g_assert_false (strstr (info->path, "other-") != NULL);
      if (info->kind == MD_BACKUP_KIND_DAILY)
        n_daily++;
      if (i > 0)
        g_assert_cmpint (((const MdBackupInfo *) g_ptr_array_index (list, i - 1))->made_local, >=, info->made_local);
    }
  g_assert_cmpuint (n_daily, ==, MD_BACKUP_KEEP_DAILY);
  g_assert_cmpuint (list->len, ==, MD_BACKUP_KEEP_DAILY + 1);
  /* Newest first: today's, with its counts; the made-up old ones cannot be read. */
  g_assert_cmpstr (((const MdBackupInfo *) g_ptr_array_index (list, 0))->path, ==, today_path);
  g_assert_cmpint (((const MdBackupInfo *) g_ptr_array_index (list, 0))->n_episodes, ==, 2);
  g_assert_cmpint (((const MdBackupInfo *) g_ptr_array_index (list, 1))->n_episodes, ==, -1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/backup/consistent-copy", Fixture, NULL, setup, test_backup, teardown);
  g_test_add ("/cli/backup/bad-target", Fixture, NULL, setup, test_backup_bad_target, teardown);
  g_test_add ("/cli/restore/replaces-and-keeps-old", Fixture, NULL, setup, test_restore, teardown);
  g_test_add ("/cli/restore/old-schema-migrated-in-copy", Fixture, NULL, setup, test_restore_old_schema, teardown);
  g_test_add ("/cli/restore/refused-unchanged", Fixture, NULL, setup, test_restore_refused, teardown);
  g_test_add ("/cli/backup/daily-copies", Fixture, NULL, setup, test_daily_copies, teardown);
  g_test_add ("/cli/backup/copy-before-upgrade", Fixture, NULL, setup, test_copy_before_upgrade, teardown);
  g_test_add ("/cli/restore/over-damaged-diary", Fixture, NULL, setup, test_restore_over_damaged, teardown);
  return g_test_run ();
}
