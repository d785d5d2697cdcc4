/* md-backup.c: copies of the diary, the daily copies and restoring (see md-backup.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "md-backup.h"
#include "md-episode.h"
#include "md-migrations.h"
#include "md-output.h"
#include "md-time.h"

#define BEFORE_RESTORE "before-restore-"
#define DATE_LEN 10        /* YYYY-MM-DD */
#define TIME_LEN 6         /* HHMMSS */

void
md_backup_info_free (MdBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info);
}

char *
md_backup_dir_for (const char *diary_path)
{
  g_autofree char *dir = g_path_get_dirname (diary_path);

  return g_build_filename (dir, "backups", NULL);
}

/* "diary.db" -> "diary": the copies of several diaries in one folder stay apart. */
static char *
base_for (const char *diary_path)
{
  char *base = g_path_get_basename (diary_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return base;
}

/* Local seconds of "now" by the store's clock (tests set it). */
static gint64
local_now (MdStore *store)
{
  gint64 now = md_store_get_now (store);

  return now + md_utc_offset_at (NULL, now);
}

static gboolean
ensure_dir (const char  *dir,
            GError     **error)
{
  GStatBuf st;

  if (g_mkdir (dir, 0700) != 0 && errno != EEXIST)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the backups folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (g_lstat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder, so no copy of the diary can be kept there."), dir);
      return FALSE;
    }
  /* Her health data: the folder is hers alone. */
  if ((st.st_mode & 077) != 0 && st.st_uid == getuid ())
    g_chmod (dir, 0700);
  return TRUE;
}

static int
exec_vacuum (sqlite3    *db,
             const char *sql,
             const char *temp)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, temp, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* A snapshot in one read transaction (VACUUM INTO), consistent while the window or an import
 * writes. A connection opened read-only cannot write the copy, so a read-only diary is
 * attached to a connection of its own; *db is the connection used, for its message. */
static int
vacuum_into (MdStore     *store,
             const char  *temp,
             sqlite3    **db)
{
  sqlite3 *own = md_store_get_db (store);
  const char *file = sqlite3_db_filename (own, "main");
  g_autofree char *uri = NULL;
  int rc;

  *db = own;
  if (!md_store_is_read_only (store))
    return exec_vacuum (own, "VACUUM main INTO ?1", temp);
  if (file == NULL || *file == '\0')
    {
      /* Staged in memory (an older schema read-only): the copy is of the upgraded diary. */
      sqlite3_exec (own, "PRAGMA query_only = OFF", NULL, NULL, NULL);
      rc = exec_vacuum (own, "VACUUM main INTO ?1", temp);
      sqlite3_exec (own, "PRAGMA query_only = ON", NULL, NULL, NULL);
      return rc;
    }
  rc = sqlite3_open_v2 (":memory:", db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    return rc;
  uri = md_store_read_only_uri (md_store_get_path (store), md_store_is_immutable (store));
  {
    sqlite3_stmt *stmt = NULL;

    rc = sqlite3_prepare_v2 (*db, "ATTACH ?1 AS diary", -1, &stmt, NULL);
    if (rc == SQLITE_OK)
      {
        sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step (stmt);
      }
    sqlite3_finalize (stmt);
    if (rc != SQLITE_DONE)
      return rc;
  }
  sqlite3_busy_timeout (*db, MD_STORE_BUSY_TIMEOUT_MS);
  return exec_vacuum (*db, "VACUUM diary INTO ?1", temp);
}

gboolean
md_backup_write (MdStore     *store,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(MdOutput) out = NULL;
  sqlite3 *db = NULL;
  const char *temp;
  int rc;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  out = md_output_new (path, error);
  if (out == NULL)
    return FALSE;
  temp = md_output_get_temp_path (out);
  if (temp == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not write “%s”: a copy of the diary is written to a file, not to a device or the standard output."),
                   path);
      return FALSE;
    }

  rc = vacuum_into (store, temp, &db);
  if (rc != SQLITE_OK)
    {
      int saved = errno;

      if ((rc & 0xff) == SQLITE_FULL || saved == ENOSPC || saved == EDQUOT || saved == EFBIG)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("Could not write “%s”: the disk is full. Nothing was written."), path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not write “%s”: %s. Nothing was written."), path,
                     db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      if (db != md_store_get_db (store))
        sqlite3_close_v2 (db);
      return FALSE;
    }
  if (db != md_store_get_db (store))
    sqlite3_close_v2 (db);
  return md_output_commit (g_steal_pointer (&out), error);
}

/* BASE-YYYY-MM-DD.db or BASE-before-restore-YYYY-MM-DD-HHMMSS[-N].db; FALSE for other names. */
static gboolean
parse_name (const char   *name,
            const char   *base,
            MdBackupKind *kind,
            gint64       *day,
            gint64       *made_local)
{
  gsize base_len = strlen (base);
  const char *rest;
  g_autofree char *date = NULL;

  if (!g_str_has_prefix (name, base) || name[base_len] != '-' || !g_str_has_suffix (name, ".db"))
    return FALSE;
  rest = name + base_len + 1;
  if (strlen (rest) == DATE_LEN + 3)
    {
      *kind = MD_BACKUP_KIND_DAILY;
      date = g_strndup (rest, DATE_LEN);
      if (!md_time_parse_date (date, day, NULL))
        return FALSE;
      *made_local = *day * 86400;
      return TRUE;
    }
  if (g_str_has_prefix (rest, BEFORE_RESTORE) && strlen (rest) >= strlen (BEFORE_RESTORE) + DATE_LEN + 1 + TIME_LEN + 3)
    {
      const char *t;
      guint64 hms;
      g_autofree char *time = NULL;

      rest += strlen (BEFORE_RESTORE);
      date = g_strndup (rest, DATE_LEN);
      t = rest + DATE_LEN;
      time = g_strndup (t + 1, TIME_LEN);
      if (*t != '-' || !md_time_parse_date (date, day, NULL) ||
          !g_ascii_string_to_unsigned (time, 10, 0, 235959, &hms, NULL))
        return FALSE;
      t += 1 + TIME_LEN;
      if (*t != '.' && *t != '-')
        return FALSE;
      *kind = MD_BACKUP_KIND_BEFORE_RESTORE;
      *made_local = *day * 86400 + (gint64) (hms / 10000) * 3600 + (gint64) (hms / 100 % 100) * 60 + (gint64) (hms % 100);
      return TRUE;
    }
  return FALSE;
}

static int
compare_names_desc (gconstpointer a,
                    gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Keeps the MD_BACKUP_KEEP_DAILY newest daily copies of @base; copies before a restore stay. */
static void
prune_daily (const char *dir,
             const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) daily = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      MdBackupKind kind;
      gint64 day, made;

      if (parse_name (name, base, &kind, &day, &made) && kind == MD_BACKUP_KIND_DAILY)
        g_ptr_array_add (daily, g_strdup (name));
    }
  g_ptr_array_sort (daily, compare_names_desc);
  for (guint i = MD_BACKUP_KEEP_DAILY; i < daily->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (daily, i), NULL);

      g_unlink (path);
    }
}

gboolean
md_backup_daily (MdStore  *store,
                 GError  **error)
{
  const char *diary_path;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);

  if (md_store_is_read_only (store) || !md_store_has_data (store))
    return TRUE;
  diary_path = md_store_get_path (store);
  dir = md_backup_dir_for (diary_path);
  base = base_for (diary_path);
  date = md_time_format_day (md_time_day_of (local_now (store)));
  name = g_strdup_printf ("%s-%s.db", base, date);
  path = g_build_filename (dir, name, NULL);
  /* What a copy killed half-way left behind goes, whether or not today's copy exists. */
  md_output_clean_stale (dir);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!ensure_dir (dir, error))
    return FALSE;
  if (!md_backup_write (store, path, error))
    return FALSE;
  prune_daily (dir, base);
  return TRUE;
}

/* Opens a copy without ever writing beside it (immutable: no journal, no lock files). */
static sqlite3 *
open_copy (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

static int
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static int
compare_made_desc (gconstpointer a,
                   gconstpointer b)
{
  const MdBackupInfo *x = *(const MdBackupInfo * const *) a;
  const MdBackupInfo *y = *(const MdBackupInfo * const *) b;

  if (x->made_local != y->made_local)
    return x->made_local > y->made_local ? -1 : 1;
  return -strcmp (x->path, y->path);
}

/* The episode and check-in counts of the copy at @info->path (-1 when it cannot be read). */
static void
count_copy (MdBackupInfo *info)
{
  sqlite3 *db = open_copy (info->path);

  info->n_episodes = info->n_checkins = -1;
  if (db == NULL)
    return;
  info->n_episodes = count_rows (db, "SELECT count(*) FROM episode");
  if (info->n_episodes >= 0)
    info->n_checkins = MAX (0, count_rows (db, "SELECT count(*) FROM checkin"));
  sqlite3_close_v2 (db);
}

MdBackupInfo *
md_backup_inspect (const char  *path,
                   GError     **error)
{
  g_autoptr(MdBackupInfo) info = NULL;
  GStatBuf st;
  gint64 mtime;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not read “%s”: %s."), path, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a diary file."), path);
      return NULL;
    }
  info = g_new0 (MdBackupInfo, 1);
  info->path = g_strdup (path);
  info->kind = MD_BACKUP_KIND_FILE;
  mtime = (gint64) st.st_mtime;
  info->made_local = mtime + md_utc_offset_at (NULL, mtime);
  info->day = md_time_day_of (info->made_local);
  count_copy (info);
  return g_steal_pointer (&info);
}

GPtrArray *
md_backup_list (const char  *diary_path,
                GError     **error)
{
  g_autofree char *dir = md_backup_dir_for (diary_path);
  g_autofree char *base = base_for (diary_path);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) md_backup_info_free);
  g_autoptr(GError) local = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &local);
  const char *name;

  if (d == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&out);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autoptr(MdBackupInfo) info = g_new0 (MdBackupInfo, 1);

      if (!parse_name (name, base, &info->kind, &info->day, &info->made_local))
        continue;
      info->path = g_build_filename (dir, name, NULL);
      if (!g_file_test (info->path, G_FILE_TEST_IS_REGULAR))
        continue;
      count_copy (info);
      g_ptr_array_add (out, g_steal_pointer (&info));
    }
  g_ptr_array_sort (out, compare_made_desc);
  return g_steal_pointer (&out);
}

/* BASE-KIND-YYYY-MM-DD-HHMMSS[-N].db in the backups folder, a name not taken yet. */
static char *
timed_copy_path (const char *diary_path,
                 const char *kind,
                 gint64      local)
{
  g_autofree char *dir = md_backup_dir_for (diary_path);
  g_autofree char *base = base_for (diary_path);
  gint64 day = md_time_day_of (local);
  gint64 secs = local - day * 86400;
  g_autofree char *date = md_time_format_day (day);

  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf ("-%u", n);
      g_autofree char *name = g_strdup_printf ("%s-%s%s-%02d%02d%02d%s.db", base, kind, date,
                                               (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60),
                                               suffix);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

static gint64
page_size_of (sqlite3 *db)
{
  return count_rows (db, "PRAGMA page_size");
}

/* Copies all of @src's main database into @dest's, in one write transaction on @dest. */
static int
copy_database (sqlite3 *dest,
               sqlite3 *src)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (dest);
  rc = sqlite3_backup_step (backup, -1);
  if (sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_DONE)
    rc = sqlite3_errcode (dest);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* @file checked (integrity_check, a known schema) and brought up to date in memory. */
static sqlite3 *
stage_file (const char  *file,
            GError     **error)
{
  sqlite3 *src = NULL, *mem = NULL;
  g_autofree char *sql = NULL;
  GStatBuf st;
  int version = 0, rc;

  if (g_stat (file, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, MD_STORE_ERROR, saved == ENOENT ? MD_STORE_ERROR_MISSING : MD_STORE_ERROR_OPEN,
                   _("Could not read “%s”: %s. Nothing was restored."), file, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                   _("“%s” is not a diary file. Nothing was restored."), file);
      return NULL;
    }
  rc = sqlite3_open_v2 (file, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                   _("Could not read “%s”: %s. Nothing was restored."), file, sqlite3_errstr (rc));
      sqlite3_close_v2 (src);
      return NULL;
    }
  sqlite3_busy_timeout (src, MD_STORE_BUSY_TIMEOUT_MS);
  if (!md_store_check_db (src, file, TRUE, &version, error))
    goto fail;
  if (version == 0)
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_FOREIGN,
                   _("“%s” is not a Menodiary diary (it is an empty database). Nothing was restored."), file);
      goto fail;
    }
  rc = sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sql = g_strdup_printf ("PRAGMA page_size = %" G_GINT64_FORMAT, page_size_of (src));
      rc = sqlite3_exec (mem, sql, NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rc = copy_database (mem, src);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                   _("Could not read “%s”: %s. Nothing was restored."), file, sqlite3_errstr (rc));
      goto fail;
    }
  sqlite3_close_v2 (src);
  /* An older schema is brought up to date here, in the copy; the file stays as it was. */
  if (!md_migrations_run (mem, file, error))
    {
      sqlite3_close_v2 (mem);
      return NULL;
    }
  return mem;

fail:
  sqlite3_close_v2 (src);
  sqlite3_close_v2 (mem);
  return NULL;
}

gboolean
md_backup_restore (MdStore     *store,
                   const char  *file,
                   char       **saved_copy,
                   GError     **error)
{
  sqlite3 *mem;
  sqlite3 *live;
  g_autofree char *saved = NULL;
  int rc;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  if (saved_copy != NULL)
    *saved_copy = NULL;
  if (md_store_is_read_only (store))
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_READ_ONLY,
                   _("The diary “%s” is open read-only; nothing was restored."), md_store_get_path (store));
      return FALSE;
    }
  mem = stage_file (file, error);
  if (mem == NULL)
    return FALSE;

  live = md_store_get_db (store);
  /* A diary in WAL mode keeps its page size; every diary Menodiary made has the same one. */
  if (page_size_of (live) != page_size_of (mem))
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_FOREIGN,
                   _("“%s” uses a page size of %d bytes, which this diary cannot take. Nothing was restored."),
                   file, (int) page_size_of (mem));
      sqlite3_close_v2 (mem);
      return FALSE;
    }

  /* The diary as it is now goes to the backups folder first. */
  if (md_store_has_data (store))
    {
      g_autofree char *dir = md_backup_dir_for (md_store_get_path (store));
      g_autoptr(GError) local = NULL;

      saved = timed_copy_path (md_store_get_path (store), BEFORE_RESTORE, local_now (store));
      if (!ensure_dir (dir, &local) || !md_backup_write (store, saved, &local))
        {
          g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                       _("Nothing was restored from “%s”, because the diary could not be copied first: %s"),
                       file, local->message);
          sqlite3_close_v2 (mem);
          return FALSE;
        }
    }

  /* One write transaction on the live connection: other processes see the old diary or the
   * new one, and the old WAL is superseded, never replayed onto the new contents. */
  rc = copy_database (live, mem);
  sqlite3_close_v2 (mem);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, MD_STORE_ERROR,
                   (rc & 0xff) == SQLITE_BUSY ? MD_STORE_ERROR_BUSY : MD_STORE_ERROR_FAILED,
                   _("Could not restore “%s”: %s. The diary has not been changed."), file, sqlite3_errstr (rc));
      return FALSE;
    }
  md_store_emit_changed (store);
  if (saved_copy != NULL)
    *saved_copy = g_steal_pointer (&saved);
  return TRUE;
}

/* Writes the bytes of @from (if it exists) to @to through md-output. */
static gboolean
copy_raw (const char  *from,
          const char  *to,
          GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_test (from, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  if (!g_file_get_contents (from, &contents, &len, error))
    return FALSE;
  return md_output_write_file (to, contents, len, error);
}

gboolean
md_backup_restore_path (const char  *diary_path,
                        const char  *file,
                        char       **saved_copy,
                        GError     **error)
{
  g_autoptr(MdStore) store = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(MdOutput) out = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_wal = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  gint64 now;
  sqlite3 *mem;
  int rc;

  g_return_val_if_fail (diary_path != NULL && file != NULL, FALSE);

  if (saved_copy != NULL)
    *saved_copy = NULL;
  store = md_store_open_full (diary_path, MD_STORE_OPEN_CREATE, &local);
  if (store != NULL)
    return md_backup_restore (store, file, saved_copy, error);
  if (!g_error_matches (local, MD_STORE_ERROR, MD_STORE_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  /* A damaged diary: the copy comes first, then the damaged file goes aside and a new one
   * takes its place. */
  mem = stage_file (file, error);
  if (mem == NULL)
    return FALSE;
  now = md_time_now ();
  dir = md_backup_dir_for (diary_path);
  saved = timed_copy_path (diary_path, "damaged-", now + md_utc_offset_at (NULL, now));
  saved_wal = g_strconcat (saved, "-wal", NULL);
  wal = g_strconcat (diary_path, "-wal", NULL);
  shm = g_strconcat (diary_path, "-shm", NULL);
  g_clear_error (&local);
  if (!ensure_dir (dir, &local) || !copy_raw (diary_path, saved, &local) || !copy_raw (wal, saved_wal, &local))
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                   _("Nothing was restored from “%s”, because the damaged diary could not be kept first: %s"),
                   file, local->message);
      sqlite3_close_v2 (mem);
      return FALSE;
    }

  out = md_output_new (diary_path, error);
  if (out == NULL || md_output_get_temp_path (out) == NULL)
    {
      sqlite3_close_v2 (mem);
      if (out != NULL)
        g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN, _("The diary “%s” is not a regular file."), diary_path);
      return FALSE;
    }
  rc = exec_vacuum (mem, "VACUUM main INTO ?1", md_output_get_temp_path (out));
  sqlite3_close_v2 (mem);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                   _("Could not write “%s”: %s. Nothing was restored."), diary_path, sqlite3_errstr (rc));
      return FALSE;
    }
  /* The old WAL must never be replayed onto the new file: it goes before the new file comes. */
  if ((g_unlink (wal) != 0 && errno != ENOENT) || (g_unlink (shm) != 0 && errno != ENOENT))
    {
      int saved_errno = errno;

      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                   _("Could not replace the diary “%s”: %s. Nothing was restored."), diary_path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (!md_output_commit (g_steal_pointer (&out), error))
    return FALSE;
  if (saved_copy != NULL)
    *saved_copy = g_steal_pointer (&saved);
  return TRUE;
}
