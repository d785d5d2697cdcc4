/* md-store.c: the diary on disk (SQLite).
 *
 * Every write runs inside one transaction; statements are prepared once and cached; the file
 * and its folder are private to the user (0600 / 0700). A store is used by one thread at a
 * time (a worker opens a store of its own), so its connection is opened without SQLite's
 * per-call locking (SQLITE_OPEN_NOMUTEX).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "md-backup.h"
#include "md-check-record.h"
#include "md-migrations.h"
#include "md-output.h"
#include "md-store.h"
#include "md-time.h"

struct _MdStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text (a static string, by its address) -> sqlite3_stmt* */
  gint64      fixed_now;    /* 0 = the real clock */
  gint64      copied_day;   /* the local day the daily copy was last seen to (G_MININT64: not yet) */
  guint       in_transaction : 1;
  guint       read_only : 1;
  guint       immutable : 1;    /* read-only from a folder that cannot hold lock files */
  sqlite3    *matcher_db;   /* the connection md_notes_match was registered on */
};

G_DEFINE_FINAL_TYPE (MdStore, md_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (md-store-error-quark, md_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define EPISODE_BRIEF_COLUMNS \
  "id, start_utc, utc_offset_s, regions, side, duration_s, intensity, signs, triggers"
#define EPISODE_BRIEF_N_COLUMNS 9
#define EPISODE_COLUMNS EPISODE_BRIEF_COLUMNS ", notes, created_utc, updated_utc"

static MdStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return MD_STORE_ERROR_BUSY;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return MD_STORE_ERROR_CORRUPT;
    case SQLITE_CONSTRAINT:
      return MD_STORE_ERROR_INVALID;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return MD_STORE_ERROR_OPEN;
    default:
      return MD_STORE_ERROR_FAILED;
    }
}

static void
set_sqlite_error (MdStore  *self,
                  int       rc,
                  GError  **error)
{
  MdStoreError code = error_code_for (rc);
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (code)
    {
    case MD_STORE_ERROR_BUSY:
      g_set_error (error, MD_STORE_ERROR, code,
                   _("The diary is in use by another program (is Menodiary open twice?). Nothing was changed; try again in a moment."));
      break;
    case MD_STORE_ERROR_CORRUPT:
      g_set_error (error, MD_STORE_ERROR, code,
                   _("The diary file “%s” is damaged or is not a Menodiary diary (%s). It has not been changed."),
                   self->path, detail);
      break;
    case MD_STORE_ERROR_OPEN:
      g_set_error (error, MD_STORE_ERROR, code,
                   _("The diary file “%s” cannot be opened or written (%s)."), self->path, detail);
      break;
    default:
      g_set_error (error, MD_STORE_ERROR, code, _("The diary could not be updated: %s"), detail);
      break;
    }
}

static sqlite3_stmt *
get_stmt (MdStore     *self,
          const char  *sql,
          GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* A row read back; NULL when it holds values no episode can have (a damaged file), so that
 * nothing made up (a 1970-01-01 episode) is ever shown or exported. */
static MdEpisode *
episode_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(MdEpisode) ep = md_episode_new ();
  const char *side = (const char *) sqlite3_column_text (stmt, 4);

  for (int col = 0; col < 4; col++)
    if (sqlite3_column_type (stmt, col) != SQLITE_INTEGER)
      return NULL;
  ep->id = sqlite3_column_int64 (stmt, 0);
  ep->start_utc = sqlite3_column_int64 (stmt, 1);
  ep->utc_offset_s = sqlite3_column_int (stmt, 2);
  ep->regions = (guint32) sqlite3_column_int64 (stmt, 3);
  if (side != NULL && !md_side_from_id (side, &ep->side))
    return NULL;
  ep->duration_s = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? MD_UNKNOWN : sqlite3_column_int64 (stmt, 5);
  ep->intensity = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? MD_UNKNOWN : sqlite3_column_int (stmt, 6);
  ep->signs = (guint32) sqlite3_column_int64 (stmt, 7);
  ep->triggers = (guint32) sqlite3_column_int64 (stmt, 8);
  /* A statement of EPISODE_BRIEF_COLUMNS stops before the notes and write times. */
  if (sqlite3_column_count (stmt) > EPISODE_BRIEF_N_COLUMNS)
    {
      ep->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      ep->created_utc = sqlite3_column_int64 (stmt, 10);
      ep->updated_utc = sqlite3_column_int64 (stmt, 11);
    }
  /* Any start is fine here (the clock may be set back); everything else is checked. */
  if (ep->id <= 0 || !md_episode_validate (ep, G_MAXINT64 / 2, NULL))
    return NULL;
  return g_steal_pointer (&ep);
}

static void
set_bad_row_error (MdStore  *self,
                   GError  **error)
{
  g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_CORRUPT,
               _("The diary file “%s” is damaged: it holds an episode with impossible values. "
                 "It has not been changed; restore a recent copy."), self->path);
}

/* Binds the episode's fields to parameters 1..11 in EPISODE_COLUMNS order, without the id. */
static void
bind_episode_at (sqlite3_stmt    *stmt,
                 int              first,
                 const MdEpisode *ep)
{
  sqlite3_bind_int64 (stmt, first, ep->start_utc);
  sqlite3_bind_int (stmt, first + 1, ep->utc_offset_s);
  sqlite3_bind_int64 (stmt, first + 2, ep->regions);
  if (ep->side == MD_SIDE_UNKNOWN)
    sqlite3_bind_null (stmt, first + 3);
  else
    sqlite3_bind_text (stmt, first + 3, md_side_id (ep->side), -1, SQLITE_STATIC);
  if (ep->duration_s == MD_UNKNOWN)
    sqlite3_bind_null (stmt, first + 4);
  else
    sqlite3_bind_int64 (stmt, first + 4, ep->duration_s);
  if (ep->intensity == MD_UNKNOWN)
    sqlite3_bind_null (stmt, first + 5);
  else
    sqlite3_bind_int (stmt, first + 5, ep->intensity);
  sqlite3_bind_int64 (stmt, first + 6, ep->signs);
  sqlite3_bind_int64 (stmt, first + 7, ep->triggers);
  /* Static: every statement is stepped and reset while @ep is alive. */
  if (ep->notes == NULL)
    sqlite3_bind_null (stmt, first + 8);
  else
    sqlite3_bind_text (stmt, first + 8, ep->notes, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 9, ep->created_utc);
  sqlite3_bind_int64 (stmt, first + 10, ep->updated_utc);
}

/* Binds ?1 to ?11 (the columns in the order of INSERT_COLUMNS). */
static void
bind_episode (sqlite3_stmt    *stmt,
              const MdEpisode *ep)
{
  bind_episode_at (stmt, 1, ep);
}

static gboolean
exec (MdStore     *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate (MdStore         *self,
          const MdEpisode *ep,
          GError         **error)
{
  g_autoptr(GError) local = NULL;

  if (!md_episode_validate (ep, md_store_get_now (self), &local))
    {
      g_set_error_literal (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID, local->message);
      return FALSE;
    }
  return TRUE;
}

/* Steps a statement that must change exactly one episode row. */
static gboolean
step_one_episode (MdStore       *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_NOT_FOUND,
                   _("This episode is no longer in the diary."));
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          v = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc_out != NULL)
    *rc_out = rc;
  return v;
}

#define INSERT_COLUMNS "start_utc, utc_offset_s, regions, side, duration_s, intensity, " \
                       "signs, triggers, notes, created_utc, updated_utc, id"
#define INSERT_N_COLUMNS 12

static gboolean
insert_episode (MdStore   *self,
                MdEpisode *ep,
                gboolean   keep_id,
                GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = get_stmt (self,
                   "INSERT INTO episode (" INSERT_COLUMNS ") "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt == NULL)
    return FALSE;
  bind_episode (stmt, ep);
  if (keep_id && ep->id > 0)
    sqlite3_bind_int64 (stmt, 12, ep->id);
  else
    sqlite3_bind_null (stmt, 12);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  ep->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Rows per statement of a batch insert: one statement (its cursors opened and closed once)
 * for this many rows, instead of one each. */
#define INSERT_BATCH 64

#define INSERT_ROW   "(?,?,?,?,?,?,?,?,?,?,?,?)"
#define INSERT_ROW4  INSERT_ROW "," INSERT_ROW "," INSERT_ROW "," INSERT_ROW
#define INSERT_ROW16 INSERT_ROW4 "," INSERT_ROW4 "," INSERT_ROW4 "," INSERT_ROW4
#define INSERT_BATCH_SQL "INSERT INTO episode (" INSERT_COLUMNS ") VALUES " \
  INSERT_ROW16 "," INSERT_ROW16 "," INSERT_ROW16 "," INSERT_ROW16

/* Inserts @todo (new episodes), up to INSERT_BATCH rows a statement, and gives each its id.
 * Inside the caller's transaction. */
static gboolean
insert_episodes (MdStore    *self,
                 GPtrArray  *todo,
                 GError    **error)
{
  int rc = SQLITE_OK;
  gint64 last = -1;
  guint i = 0;

  /* Whole batches only when there are some, and room for their ids after the largest one;
   * else (a save) a row a statement, and SQLite gives each its id. */
  if (todo->len >= INSERT_BATCH)
    {
      last = query_int (self->db, "SELECT coalesce(max(id), 0) FROM episode", &rc);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (self, rc, error);
          return FALSE;
        }
    }
  for (; last >= 0 && last <= G_MAXINT64 - (gint64) todo->len && i + INSERT_BATCH <= todo->len;
       i += INSERT_BATCH)
    {
      sqlite3_stmt *stmt = get_stmt (self, INSERT_BATCH_SQL, error);

      if (stmt == NULL)
        return FALSE;
      for (guint r = 0; r < INSERT_BATCH; r++)
        {
          const MdEpisode *ep = g_ptr_array_index (todo, i + r);

          bind_episode_at (stmt, r * INSERT_N_COLUMNS + 1, ep);
          sqlite3_bind_null (stmt, r * INSERT_N_COLUMNS + INSERT_N_COLUMNS);
        }
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (self, rc, error);
          return FALSE;
        }
      /* A new row's id is one past the largest (checked above that there is room), so the
       * statement's rows have the ids up to the last one, in order. */
      for (guint r = 0; r < INSERT_BATCH; r++)
        ((MdEpisode *) g_ptr_array_index (todo, i + r))->id = last + 1 + r;
      last += INSERT_BATCH;
      if (sqlite3_last_insert_rowid (self->db) != last)
        {
          g_set_error_literal (error, MD_STORE_ERROR, MD_STORE_ERROR_FAILED,
                               _("The new episodes did not get the ids expected; nothing was saved."));
          return FALSE;
        }
    }
  for (; i < todo->len; i++)
    if (!insert_episode (self, g_ptr_array_index (todo, i), FALSE, error))
      return FALSE;
  return TRUE;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
md_store_finalize (GObject *object)
{
  MdStore *self = MD_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (md_store_parent_class)->finalize (object);
}

static void
md_store_class_init (MdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = md_store_finalize;

  /**
   * MdStore::changed:
   *
   * Emitted once after each successful write, so that views refresh.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
md_store_init (MdStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_stmt);
  self->copied_day = G_MININT64;
}

char *
md_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "menodiary", "diary.db", NULL);
}

/* Creates the folder (0700) and an empty diary file (0600, O_EXCL: never an existing file or a
 * link planted there). */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;

      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                   _("Could not create the diary file “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

/* Runs a check pragma; TRUE when its first row says "ok", else *detail gets what it said. */
static int
run_check (sqlite3     *db,
           const char  *sql,
           char       **detail)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 0);

          rc = g_strcmp0 (text, "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
          if (rc != SQLITE_OK)
            *detail = g_strdup (text != NULL ? text : "?");
        }
    }
  if (rc != SQLITE_OK && *detail == NULL)
    *detail = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return rc;
}

/* SQLite's own name of the file (a link resolved: its log is beside that), else @fallback. */
static const char *
db_file_name (sqlite3    *db,
              const char *fallback)
{
  const char *name = sqlite3_db_filename (db, "main");

  return name != NULL && *name != '\0' ? name : fallback;
}

gboolean
md_store_check_db (sqlite3     *db,
                   const char  *path,
                   gboolean     full,
                   int         *version,
                   GError     **error)
{
  g_autofree char *detail = NULL;
  int latest = md_migrations_latest ();
  int rc;
  gint64 v, n_objects, started = 0;
  MdCheckState state;
  gboolean have_state = FALSE;

  g_return_val_if_fail (db != NULL && path != NULL, FALSE);

  /* The first read tells whether the file is a database at all. */
  n_objects = query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", &rc);
  /* After that read, which makes SQLite's empty log beside the file. */
  if (rc == SQLITE_OK && (have_state = md_check_record_read_state (db_file_name (db, path), &state)) && !full &&
      md_check_record_lookup (&state))
    {
      g_debug ("%s is unchanged since it last passed quick_check: not checked again", path);
      have_state = FALSE;
    }
  else if (rc == SQLITE_OK)
    {
      started = g_get_real_time ();
      rc = run_check (db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", &detail);
    }
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_BUSY,
                     _("The diary “%s” is locked by another program. Nothing was changed; try again in a moment."),
                     path);
      else if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_PERM || (rc & 0xff) == SQLITE_IOERR ||
               (rc & 0xff) == SQLITE_READONLY)
        g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                     _("The diary file “%s” cannot be read (%s)."), path,
                     detail != NULL ? detail : sqlite3_errstr (rc));
      else
        g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_CORRUPT,
                     _("The diary file “%s” is damaged or is not a Menodiary diary (%s). It has not been changed."),
                     path, detail != NULL ? detail : sqlite3_errstr (rc));
      return FALSE;
    }

  v = query_int (db, "PRAGMA user_version", NULL);
  if (v == 0 && n_objects > 0)
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not a Menodiary diary. It has not been changed."),
                   path);
      return FALSE;
    }
  if (v > latest)
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_TOO_NEW,
                   _("The diary “%s” was written by a newer version of Menodiary (schema %d; this version knows up to %d). "
                     "Please update Menodiary; the file has not been changed."),
                   path, (int) v, latest);
      return FALSE;
    }
  if (v < 0 || (v > 0 && query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'episode'", NULL) != 1))
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not a Menodiary diary. It has not been changed."),
                   path);
      return FALSE;
    }
  if (have_state)
    md_check_record_add (&state, started);
  if (version != NULL)
    *version = (int) v;
  return TRUE;
}

/* Read-only, and the file is older than this version (or empty): the schema is brought up to
 * date in a copy in memory, so reading commands see every table and the file stays as it was. */
static gboolean
stage_in_memory (MdStore  *self,
                 GError  **error)
{
  sqlite3 *mem = NULL;
  sqlite3_backup *backup;
  g_autofree char *sql = NULL;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sql = g_strdup_printf ("PRAGMA page_size = %" G_GINT64_FORMAT,
                             query_int (self->db, "PRAGMA page_size", NULL));
      rc = sqlite3_exec (mem, sql, NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (mem, "main", self->db, "main");
      rc = backup == NULL ? sqlite3_errcode (mem) : sqlite3_backup_step (backup, -1);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      sqlite3_close_v2 (mem);
      return FALSE;
    }
  sqlite3_close_v2 (self->db);
  self->db = mem;
  sqlite3_extended_result_codes (self->db, 1);
  return md_migrations_run (self->db, self->path, error);
}

/* The 16 bytes every SQLite database starts with (a file that cannot be read says so later). */
static gboolean
has_sqlite_header (const char *path)
{
  char head[16];
  gssize n = -1;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return TRUE;
  n = read (fd, head, sizeof head);
  close (fd);
  return n == sizeof head && memcmp (head, "SQLite format 3", 16) == 0;
}

/* $MENODIARY_BUSY_TIMEOUT_MS as md_store_read_environment() read it, or -1: read it each time. */
static int read_timeout = -1;

/* MD_STORE_BUSY_TIMEOUT_MS, or $MENODIARY_BUSY_TIMEOUT_MS (tests use a short one). */
static int
timeout_from_environment (void)
{
  const char *env = g_getenv ("MENODIARY_BUSY_TIMEOUT_MS");
  guint64 v;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, 600000, &v, NULL))
    return (int) v;
  return MD_STORE_BUSY_TIMEOUT_MS;
}

static int
busy_timeout_ms (void)
{
  int t = g_atomic_int_get (&read_timeout);

  return t >= 0 ? t : timeout_from_environment ();
}

void
md_store_read_environment (void)
{
  g_atomic_int_set (&read_timeout, timeout_from_environment ());
  g_get_user_cache_dir ();
  g_get_user_data_dir ();
  g_get_tmp_dir ();
}

/* A WAL diary in a folder she cannot write has no -shm and cannot get one: with no WAL
 * waiting either, the file alone is the whole diary, and is read as immutable (no lock files). */
char *
md_store_read_only_uri (const char *path,
                        gboolean    immutable)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
}

static int
open_read_only (const char  *path,
                sqlite3    **db,
                gboolean    *immutable)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  GStatBuf st;
  int rc = sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (*db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN)
    return SQLITE_OK;  /* open, or an error the checks will name */
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    return rc;
  sqlite3_close_v2 (*db);
  *db = NULL;
  uri = md_store_read_only_uri (path, TRUE);
  *immutable = TRUE;
  return sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
}

MdStore *
md_store_open_full (const char        *path,
                    MdStoreOpenFlags   flags,
                    GError           **error)
{
  g_autoptr(MdStore) self = NULL;
  gboolean read_only = (flags & MD_STORE_OPEN_READ_ONLY) != 0;
  gboolean immutable = FALSE;
  GStatBuf st;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved != ENOENT)
        {
          g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                       _("Could not open the diary file “%s”: %s"), path, g_strerror (saved));
          return NULL;
        }
      /* A mistyped --db must not leave an empty diary (or folder) behind. */
      if ((flags & MD_STORE_OPEN_CREATE) == 0)
        {
          g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_MISSING,
                       _("There is no diary at “%s”. Nothing was created; check the path."), path);
          return NULL;
        }
      if (!create_file (path, error))
        return NULL;
      st.st_mode = S_IFREG | 0600;   /* made private above (found by valgrind: it was unset) */
    }
  else if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                   _("The diary “%s” is not a regular file."), path);
      return NULL;
    }
  else if (st.st_size > 0 && !has_sqlite_header (path))
    {
      /* SQLite reads a file shorter than its header as an empty database: never take one. */
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_CORRUPT,
                   _("The diary file “%s” is damaged or is not a Menodiary diary (it is not a SQLite database). "
                     "It has not been changed."), path);
      return NULL;
    }

  self = g_object_new (MD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  rc = read_only ? open_read_only (path, &self->db, &immutable)
                 : sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, busy_timeout_ms ());

  /* Nothing is written before the file is known to be ours and undamaged. */
  if (!md_store_check_db (self->db, path, FALSE, &version, error))
    return NULL;

  if (read_only)
    {
      if (version < md_migrations_latest () && !stage_in_memory (self, error))
        return NULL;
      self->immutable = immutable;
      if (!exec (self, "PRAGMA query_only = ON", error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_READ_ONLY,
                   _("The diary file “%s” is read-only, so nothing can be changed in it. "
                     "Reading commands such as --export still work."), path);
      return NULL;
    }
  /* Health data: tighten an existing file that others could read. */
  if ((st.st_mode & 077) != 0 && g_chmod (path, 0600) != 0)
    g_message ("Could not make %s private: %s", path, g_strerror (errno));

  if (!exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error))
    return NULL;

  if (version > 0 && version < md_migrations_latest ())
    {
      g_autoptr(GError) copy_error = NULL;

      /* A full check before changing the schema, and a copy of the diary as it was. */
      if (!md_store_check_db (self->db, path, TRUE, NULL, error))
        return NULL;
      if (!md_backup_daily (self, &copy_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&copy_error),
                                      _("The diary “%s” was not upgraded, because it could not be copied first: "), path);
          return NULL;
        }
    }
  if (!md_migrations_run (self->db, path, error))
    return NULL;

  /* Temporary files of ours that a killed process left beside the diary. */
  {
    g_autofree char *dir = g_path_get_dirname (path);

    md_output_clean_stale (dir);
  }
  return g_steal_pointer (&self);
}

MdStore *
md_store_open (const char  *path,
               GError     **error)
{
  return md_store_open_full (path, MD_STORE_OPEN_CREATE, error);
}

const char *
md_store_get_file_path (MdStore *self)
{
  g_return_val_if_fail (MD_IS_STORE (self), NULL);
  return db_file_name (self->db, self->path);
}

gboolean
md_store_is_read_only (MdStore *self)
{
  g_return_val_if_fail (MD_IS_STORE (self), TRUE);
  return self->read_only;
}

gboolean
md_store_is_immutable (MdStore *self)
{
  g_return_val_if_fail (MD_IS_STORE (self), FALSE);
  return self->immutable;
}

gboolean
md_store_has_data (MdStore *self)
{
  g_return_val_if_fail (MD_IS_STORE (self), FALSE);
  /* An older diary may have no checkin table yet. */
  return query_int (self->db, "SELECT EXISTS (SELECT 1 FROM episode)", NULL) == 1 ||
         query_int (self->db, "SELECT EXISTS (SELECT 1 FROM checkin)", NULL) == 1 ||
         query_int (self->db, "SELECT EXISTS (SELECT 1 FROM medicine)", NULL) == 1 ||
         query_int (self->db, "SELECT EXISTS (SELECT 1 FROM mrs)", NULL) == 1;
}

const char *
md_store_get_path (MdStore *self)
{
  g_return_val_if_fail (MD_IS_STORE (self), NULL);
  return self->path;
}

int
md_store_get_schema_version (MdStore *self)
{
  sqlite3_stmt *stmt;
  int v = -1;

  g_return_val_if_fail (MD_IS_STORE (self), -1);
  stmt = get_stmt (self, "PRAGMA user_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return v;
}

int
md_store_latest_schema_version (void)
{
  return md_migrations_latest ();
}

void
md_store_set_now (MdStore *self,
                  gint64   now_utc)
{
  g_return_if_fail (MD_IS_STORE (self));
  self->fixed_now = now_utc;
}

gint64
md_store_get_now (MdStore *self)
{
  g_return_val_if_fail (MD_IS_STORE (self), 0);
  return self->fixed_now != 0 ? self->fixed_now : md_time_now ();
}

gboolean
md_store_begin (MdStore  *self,
                GError  **error)
{
  g_return_val_if_fail (MD_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (self->read_only)
    {
      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_READ_ONLY,
                   _("The diary “%s” is open read-only; nothing was changed."), self->path);
      return FALSE;
    }
  /* Before the first change of the day, the diary as it was goes to the backups folder. */
  {
    gint64 now = md_store_get_now (self);
    gint64 today = md_time_day_of (now + md_utc_offset_at (NULL, now));

    if (today != self->copied_day)
      {
        g_autoptr(GError) copy_error = NULL;

        /* Once a day either way: a copy that cannot be made must not stop her saving. */
        self->copied_day = today;
        if (!md_backup_daily (self, &copy_error))
          g_message ("%s", copy_error->message);
      }
  }
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
md_store_commit (MdStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (MD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!exec (self, "COMMIT", error))
    {
      md_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

void
md_store_rollback (MdStore *self)
{
  g_return_if_fail (MD_IS_STORE (self));

  if (self->in_transaction)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

void
md_store_emit_changed (MdStore *self)
{
  g_return_if_fail (MD_IS_STORE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

sqlite3 *
md_store_get_db (MdStore *self)
{
  g_return_val_if_fail (MD_IS_STORE (self), NULL);
  return self->db;
}

gboolean
md_store_add_episode (MdStore   *self,
                      MdEpisode *episode,
                      GError   **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (MD_IS_STORE (self), FALSE);
  g_return_val_if_fail (episode != NULL, FALSE);

  g_ptr_array_add (one, episode);
  return md_store_add_episodes (self, one, FALSE, NULL, NULL, error);
}

struct _MdStoreAdder
{
  MdStore   *store;
  gboolean   skip_duplicates;
  gboolean   begun;
  gboolean   failed;
  gint64     now;
  gint64     stored_lo, stored_hi;   /* the span of the episodes stored before */
  gint64     added_lo, added_hi;     /* the span of the ones given so far */
  gboolean   owns;                   /* the episodes given are the adder's to free */
  GPtrArray *pending;                /* MdEpisode*, owned, not inserted yet */
  guint      added;
  guint      skipped;
};

static MdStoreAdder *
adder_new (MdStore  *store,
           gboolean  skip_duplicates,
           gboolean  owns)
{
  MdStoreAdder *self = g_new0 (MdStoreAdder, 1);

  self->store = g_object_ref (store);
  self->skip_duplicates = skip_duplicates;
  self->owns = owns;
  self->pending = g_ptr_array_new_full (INSERT_BATCH, owns ? (GDestroyNotify) md_episode_free : NULL);
  self->added_lo = G_MAXINT64;
  self->added_hi = G_MININT64;
  return self;
}

MdStoreAdder *
md_store_adder_new (MdStore  *store,
                    gboolean  skip_duplicates)
{
  g_return_val_if_fail (MD_IS_STORE (store), NULL);
  return adder_new (store, skip_duplicates, TRUE);
}

void
md_store_adder_free (MdStoreAdder *self)
{
  if (self == NULL)
    return;
  if (self->begun)
    md_store_rollback (self->store);
  g_ptr_array_unref (self->pending);
  g_object_unref (self->store);
  g_free (self);
}

static gboolean
adder_fail (MdStoreAdder *self)
{
  self->failed = TRUE;
  return FALSE;
}

static gboolean
adder_flush (MdStoreAdder  *self,
             GError       **error)
{
  if (self->pending->len == 0)
    return TRUE;
  if (!insert_episodes (self->store, self->pending, error))
    return adder_fail (self);
  self->added += self->pending->len;
  g_ptr_array_set_size (self->pending, 0);
  return TRUE;
}

/* Whether a stored episode (from before, or added already) or a pending one is the same event
 * as @ep. */
static gboolean
adder_has_event (MdStoreAdder     *self,
                 const MdEpisode  *ep,
                 gboolean         *found,
                 GError          **error)
{
  MdStore *store = self->store;
  sqlite3_stmt *stmt;
  int rc;

  *found = FALSE;
  for (guint i = 0; i < self->pending->len; i++)
    if (md_episode_same_event (g_ptr_array_index (self->pending, i), ep))
      {
        *found = TRUE;
        return TRUE;
      }
  stmt = get_stmt (store,
                   "SELECT 1 FROM episode WHERE start_utc = ?1 AND regions = ?2 AND side IS ?3 "
                   "AND duration_s IS ?4 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ep->start_utc);
  sqlite3_bind_int64 (stmt, 2, ep->regions);
  if (ep->side != MD_SIDE_UNKNOWN)
    sqlite3_bind_text (stmt, 3, md_side_id (ep->side), -1, SQLITE_STATIC);
  if (ep->duration_s != MD_UNKNOWN)
    sqlite3_bind_int64 (stmt, 4, ep->duration_s);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return FALSE;
    }
  *found = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
adder_begin (MdStoreAdder  *self,
             GError       **error)
{
  int rc_lo = SQLITE_OK, rc_hi = SQLITE_OK;

  if (!md_store_begin (self->store, error))
    return adder_fail (self);
  self->begun = TRUE;
  self->now = md_time_now ();
  if (!self->skip_duplicates)
    return TRUE;
  /* Read inside the write transaction, so no other writer can slip a duplicate in between.
   * Only an episode starting within the stored ones' span can be one of them. */
  self->stored_lo = query_int (self->store->db, "SELECT coalesce(min(start_utc), 1) FROM episode", &rc_lo);
  self->stored_hi = query_int (self->store->db, "SELECT coalesce(max(start_utc), 0) FROM episode", &rc_hi);
  if (rc_lo != SQLITE_OK || rc_hi != SQLITE_OK)
    {
      set_sqlite_error (self->store, rc_lo != SQLITE_OK ? rc_lo : rc_hi, error);
      return adder_fail (self);
    }
  return TRUE;
}

/* Drops an episode not kept (skipped, or refused before it was pending). */
static void
adder_drop (MdStoreAdder *self,
            MdEpisode    *ep)
{
  if (self->owns)
    md_episode_free (ep);
}

/* Takes @ep (when the adder owns what it is given): pending, skipped or dropped. */
static gboolean
adder_add (MdStoreAdder  *self,
           MdEpisode     *ep,
           GError       **error)
{
  if (self->failed)
    {
      adder_drop (self, ep);
      g_return_val_if_reached (FALSE);
    }
  if (!validate (self->store, ep, error) ||
      (!self->begun && !adder_begin (self, error)))
    {
      adder_drop (self, ep);
      return adder_fail (self);
    }

  /* Only an episode within the span of the stored ones, or of those given before, can be the
   * same as one of them: a file in time order (either way) is never looked up. */
  if (self->skip_duplicates)
    {
      gint64 start = ep->start_utc;
      gboolean inside = (start >= self->stored_lo && start <= self->stored_hi) ||
                        (start >= self->added_lo && start <= self->added_hi);
      gboolean found = FALSE;

      self->added_lo = MIN (self->added_lo, start);
      self->added_hi = MAX (self->added_hi, start);
      if (inside && !adder_has_event (self, ep, &found, error))
        {
          adder_drop (self, ep);
          return adder_fail (self);
        }
      if (found)
        {
          self->skipped++;
          adder_drop (self, ep);
          return TRUE;
        }
    }
  ep->id = 0;
  ep->created_utc = ep->updated_utc = self->now;
  g_ptr_array_add (self->pending, ep);
  if (self->pending->len == INSERT_BATCH)
    return adder_flush (self, error);
  return TRUE;
}

gboolean
md_store_adder_add (MdStoreAdder  *self,
                    MdEpisode     *episode,
                    GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (episode != NULL, FALSE);
  return adder_add (self, episode, error);
}

gboolean
md_store_adder_commit (MdStoreAdder  *self,
                       guint         *n_added,
                       guint         *n_skipped,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->failed, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;
  if (!self->begun)
    return TRUE;   /* nothing was given */
  if (!adder_flush (self, error))
    return FALSE;
  self->begun = FALSE;
  if (!md_store_commit (self->store, error))
    return adder_fail (self);
  if (n_added != NULL)
    *n_added = self->added;
  if (n_skipped != NULL)
    *n_skipped = self->skipped;
  if (self->added > 0)
    md_store_emit_changed (self->store);
  return TRUE;
}

gboolean
md_store_add_episodes (MdStore   *self,
                       GPtrArray *episodes,
                       gboolean   skip_duplicates,
                       guint     *n_added,
                       guint     *n_skipped,
                       GError   **error)
{
  g_autoptr(MdStoreAdder) adder = NULL;

  g_return_val_if_fail (MD_IS_STORE (self), FALSE);
  g_return_val_if_fail (episodes != NULL, FALSE);

  if (n_added)
    *n_added = 0;
  if (n_skipped)
    *n_skipped = 0;

  for (guint i = 0; i < episodes->len; i++)
    if (!validate (self, g_ptr_array_index (episodes, i), error))
      return FALSE;

  adder = adder_new (self, skip_duplicates, FALSE);
  for (guint i = 0; i < episodes->len; i++)
    if (!adder_add (adder, g_ptr_array_index (episodes, i), error))
      goto fail;
  if (md_store_adder_commit (adder, n_added, n_skipped, error))
    return TRUE;

fail:
  g_clear_pointer (&adder, md_store_adder_free);
  for (guint i = 0; i < episodes->len; i++)
    ((MdEpisode *) g_ptr_array_index (episodes, i))->id = 0;
  return FALSE;
}

gboolean
md_store_update_episode (MdStore   *self,
                         MdEpisode *episode,
                         GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 old_updated;

  g_return_val_if_fail (MD_IS_STORE (self), FALSE);
  g_return_val_if_fail (episode != NULL && episode->id > 0, FALSE);

  if (!validate (self, episode, error))
    return FALSE;
  if (!md_store_begin (self, error))
    return FALSE;

  old_updated = episode->updated_utc;
  episode->updated_utc = md_time_now ();
  stmt = get_stmt (self,
                   "UPDATE episode SET start_utc = ?1, utc_offset_s = ?2, regions = ?3, side = ?4, "
                   "duration_s = ?5, intensity = ?6, signs = ?7, triggers = ?8, notes = ?9, "
                   "updated_utc = ?11 WHERE id = ?12", error);
  if (stmt == NULL)
    goto fail;
  bind_episode (stmt, episode);
  sqlite3_bind_int64 (stmt, 12, episode->id);
  if (!step_one_episode (self, stmt, error) || !md_store_commit (self, error))
    goto fail;
  md_store_emit_changed (self);
  return TRUE;

fail:
  md_store_rollback (self);
  episode->updated_utc = old_updated;
  return FALSE;
}

gboolean
md_store_delete_episode (MdStore  *self,
                         gint64    id,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_STORE (self), FALSE);

  if (!md_store_begin (self, error))
    return FALSE;
  stmt = get_stmt (self, "DELETE FROM episode WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_one_episode (self, stmt, error) || !md_store_commit (self, error))
    goto fail;
  md_store_emit_changed (self);
  return TRUE;

fail:
  md_store_rollback (self);
  return FALSE;
}

gboolean
md_store_restore_episode (MdStore         *self,
                          const MdEpisode *episode,
                          GError         **error)
{
  g_autoptr(MdEpisode) copy = NULL;

  g_return_val_if_fail (MD_IS_STORE (self), FALSE);
  g_return_val_if_fail (episode != NULL, FALSE);

  /* Undo puts back exactly what was there, even if the start is no longer "now"-valid. */
  if (!md_store_begin (self, error))
    return FALSE;
  copy = md_episode_copy (episode);
  if (!insert_episode (self, copy, TRUE, error))
    {
      md_store_rollback (self);
      return FALSE;
    }
  if (!md_store_commit (self, error))
    return FALSE;
  md_store_emit_changed (self);
  return TRUE;
}

MdEpisode *
md_store_get_episode (MdStore  *self,
                      gint64    id,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  MdEpisode *ep = NULL;
  int rc;

  g_return_val_if_fail (MD_IS_STORE (self), NULL);

  stmt = get_stmt (self, "SELECT " EPISODE_COLUMNS " FROM episode WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ep = episode_from_row (stmt);
      if (ep == NULL)
        set_bad_row_error (self, error);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_NOT_FOUND,
                 _("This episode is no longer in the diary."));
  else
    set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);
  return ep;
}

guint
md_store_count_episodes (MdStore *self)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (MD_IS_STORE (self), 0);

  stmt = get_stmt (self, "SELECT count(*) FROM episode", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

static GPtrArray *
collect (MdStore       *self,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MdEpisode *ep = episode_from_row (stmt);

      if (ep == NULL)
        {
          sqlite3_reset (stmt);
          set_bad_row_error (self, error);
          return NULL;
        }
      g_ptr_array_add (out, ep);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
md_store_list_episodes (MdStore  *self,
                        guint     offset,
                        guint     limit,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_STORE (self), NULL);

  stmt = get_stmt (self, "SELECT " EPISODE_COLUMNS " FROM episode "
                         "ORDER BY start_utc DESC, id DESC LIMIT ?1 OFFSET ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  return collect (self, stmt, error);
}

GPtrArray *
md_store_list_episodes_from (MdStore  *self,
                             gint64    start_utc,
                             gint64    id,
                             gboolean  newer,
                             guint     limit,
                             GError  **error)
{
  g_autoptr(GPtrArray) out = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_STORE (self), NULL);

  /* Row values walk the (start_utc, id) index from the key, in either direction. */
  if (newer)
    stmt = get_stmt (self, "SELECT " EPISODE_COLUMNS " FROM episode WHERE (start_utc, id) > (?1, ?2) "
                           "ORDER BY start_utc, id LIMIT ?3", error);
  else
    stmt = get_stmt (self, "SELECT " EPISODE_COLUMNS " FROM episode WHERE (start_utc, id) < (?1, ?2) "
                           "ORDER BY start_utc DESC, id DESC LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, start_utc);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, limit);
  out = collect (self, stmt, error);
  if (out != NULL && newer)
    for (guint i = 0, j = out->len; i + 1 < j; i++, j--)
      {
        gpointer t = out->pdata[i];

        out->pdata[i] = out->pdata[j - 1];
        out->pdata[j - 1] = t;
      }
  return g_steal_pointer (&out);
}

static gint64
max_episode_id (MdStore *self)
{
  sqlite3_stmt *stmt = get_stmt (self, "SELECT max(id) FROM episode", NULL);
  gint64 v = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return v;
}

GArray *
md_store_episode_keys (MdStore  *self,
                       GError  **error)
{
  g_autoptr(GArray) keys = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MD_IS_STORE (self), NULL);

  /* From the start index alone (it holds the offset too, schema 5), already in order. */
  stmt = get_stmt (self, "SELECT id, start_utc, utc_offset_s FROM episode ORDER BY start_utc, id", error);
  if (stmt == NULL)
    return NULL;
  /* Sized by the largest id (a count would read the whole table); room never used is never
   * touched, so it costs no memory. */
  keys = g_array_sized_new (FALSE, FALSE, sizeof (MdEpisodeKey), CLAMP (max_episode_id (self), 1024, 1 << 22));
  {
    /* Appended a chunk at a time: one call per row was a few percent of --flags. */
    MdEpisodeKey chunk[256];
    guint n = 0;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        md_episode_key_init (&chunk[n++], sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                             sqlite3_column_int (stmt, 2));
        if (n == G_N_ELEMENTS (chunk))
          {
            g_array_append_vals (keys, chunk, n);
            n = 0;
          }
      }
    g_array_append_vals (keys, chunk, n);
  }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

int
md_store_episode_position (MdStore *self,
                           gint64   id)
{
  sqlite3_stmt *stmt;
  int pos = -1;

  g_return_val_if_fail (MD_IS_STORE (self), -1);

  /* Newer episodes come first: count those before it in (start DESC, id DESC) order. */
  stmt = get_stmt (self, "SELECT (SELECT count(*) FROM episode AS o WHERE o.start_utc > e.start_utc "
                         "OR (o.start_utc = e.start_utc AND o.id > e.id)) FROM episode AS e WHERE e.id = ?1", NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pos = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return pos;
}

/* The filter of the history in SQL, on parameters ?11 to ?15 (md_episode_filter_matches in C). */
#define FILTER_WHERE \
  "(?11 = 0 OR (regions & ?11) != 0) AND (?12 IS NULL OR side = ?12) AND (?13 = 0 OR (signs & ?13) != 0) " \
  "AND (?14 IS NULL OR md_notes_match (notes, ?14)) AND (?15 IS NULL OR id IN (SELECT value FROM json_each (?15)))"

static void
notes_match_fn (sqlite3_context *ctx,
                int              argc,
                sqlite3_value  **argv)
{
  const char *notes = (const char *) sqlite3_value_text (argv[0]);
  const char *words = (const char *) sqlite3_value_text (argv[1]);

  sqlite3_result_int (ctx, md_notes_match_words (notes, words));
}

/* Binds @filter to ?11..?15 of @stmt (registering md_notes_match on this connection first). */
static gboolean
bind_filter (MdStore               *self,
             sqlite3_stmt          *stmt,
             const MdEpisodeFilter *filter,
             GError               **error)
{
  g_autofree char *words = md_episode_filter_folded_words (filter);
  g_autofree char *ids = md_episode_filter_ids_json (filter);

  sqlite3_bind_int64 (stmt, 11, filter->regions);
  if (filter->side != MD_SIDE_UNKNOWN)
    sqlite3_bind_text (stmt, 12, md_side_id (filter->side), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, filter->signs);
  if (words != NULL)
    sqlite3_bind_text (stmt, 14, g_steal_pointer (&words), -1, g_free);
  if (ids != NULL)
    sqlite3_bind_text (stmt, 15, g_steal_pointer (&ids), -1, g_free);
  return TRUE;
}

static sqlite3_stmt *
get_filter_stmt (MdStore     *self,
                 const char  *sql,
                 GError     **error)
{
  if (self->matcher_db != self->db)
    {
      int rc = sqlite3_create_function_v2 (self->db, "md_notes_match", 2,
                                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                           NULL, notes_match_fn, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (self, rc, error);
          return NULL;
        }
      self->matcher_db = self->db;
    }
  return get_stmt (self, sql, error);
}

guint
md_store_count_filtered (MdStore               *self,
                         const MdEpisodeFilter *filter)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (MD_IS_STORE (self), 0);

  if (md_episode_filter_is_empty (filter))
    return md_store_count_episodes (self);
  stmt = get_filter_stmt (self, "SELECT count(*) FROM episode WHERE " FILTER_WHERE, NULL);
  if (stmt == NULL)
    return 0;
  bind_filter (self, stmt, filter, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

GPtrArray *
md_store_list_filtered (MdStore               *self,
                        const MdEpisodeFilter *filter,
                        guint                  offset,
                        guint                  limit,
                        GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_STORE (self), NULL);

  if (md_episode_filter_is_empty (filter))
    return md_store_list_episodes (self, offset, limit, error);
  stmt = get_filter_stmt (self, "SELECT " EPISODE_COLUMNS " FROM episode WHERE " FILTER_WHERE
                                " ORDER BY start_utc DESC, id DESC LIMIT ?1 OFFSET ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  bind_filter (self, stmt, filter, NULL);
  return collect (self, stmt, error);
}

GPtrArray *
md_store_list_filtered_from (MdStore               *self,
                             const MdEpisodeFilter *filter,
                             gint64                 start_utc,
                             gint64                 id,
                             gboolean               newer,
                             guint                  limit,
                             GError               **error)
{
  g_autoptr(GPtrArray) out = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_STORE (self), NULL);

  if (md_episode_filter_is_empty (filter))
    return md_store_list_episodes_from (self, start_utc, id, newer, limit, error);
  if (newer)
    stmt = get_filter_stmt (self, "SELECT " EPISODE_COLUMNS " FROM episode WHERE (start_utc, id) > (?1, ?2) AND "
                                  FILTER_WHERE " ORDER BY start_utc, id LIMIT ?3", error);
  else
    stmt = get_filter_stmt (self, "SELECT " EPISODE_COLUMNS " FROM episode WHERE (start_utc, id) < (?1, ?2) AND "
                                  FILTER_WHERE " ORDER BY start_utc DESC, id DESC LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, start_utc);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, limit);
  bind_filter (self, stmt, filter, NULL);
  out = collect (self, stmt, error);
  if (out != NULL && newer)
    for (guint i = 0, j = out->len; i + 1 < j; i++, j--)
      {
        gpointer t = out->pdata[i];

        out->pdata[i] = out->pdata[j - 1];
        out->pdata[j - 1] = t;
      }
  return g_steal_pointer (&out);
}

int
md_store_filtered_position (MdStore               *self,
                            const MdEpisodeFilter *filter,
                            gint64                 id)
{
  sqlite3_stmt *stmt;
  int pos = -1;

  g_return_val_if_fail (MD_IS_STORE (self), -1);

  if (md_episode_filter_is_empty (filter))
    return md_store_episode_position (self, id);
  /* Those before it in history order that pass too; -1 when it does not pass itself. */
  stmt = get_filter_stmt (self, "SELECT (SELECT count(*) FROM episode WHERE (start_utc, id) > (e.start_utc, e.id) AND "
                                FILTER_WHERE ") FROM (SELECT start_utc, id FROM episode WHERE id = ?1 AND "
                                FILTER_WHERE ") AS e", NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_filter (self, stmt, filter, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pos = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return pos;
}

GPtrArray *
md_store_episodes_between (MdStore  *self,
                           gint64    from_utc,
                           gint64    to_utc,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MD_IS_STORE (self), NULL);

  stmt = get_stmt (self, "SELECT " EPISODE_COLUMNS " FROM episode "
                         "WHERE start_utc BETWEEN ?1 AND ?2 ORDER BY start_utc, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);
  return collect (self, stmt, error);
}

GPtrArray *
md_store_episodes_brief_between (MdStore  *self,
                                 gint64    from_utc,
                                 gint64    to_utc,
                                 GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 first = 0, last = 0;
  gboolean wide = FALSE;
  int rc;

  g_return_val_if_fail (MD_IS_STORE (self), NULL);

  /* Through the index, each row costs a second lookup in the table; for most of the diary
   * ("All" of ten years) reading the table straight through is about twice as fast. */
  stmt = get_stmt (self, "SELECT (SELECT min(start_utc) FROM episode), (SELECT max(start_utc) FROM episode)", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_INTEGER &&
      sqlite3_column_type (stmt, 1) == SQLITE_INTEGER)
    {
      first = sqlite3_column_int64 (stmt, 0);
      last = sqlite3_column_int64 (stmt, 1);
      /* The part of [first, last] inside the range, against half of it. Each half lies in
       * [-2^62, 2^62), so their differences fit in 64 bits whatever the bounds. */
      wide = MIN (to_utc, last) / 2 - MAX (from_utc, first) / 2 >= last / 4 - first / 4;
    }
  else if (rc != SQLITE_ROW)
    g_debug ("Could not read the diary's first and last start (%s): reading through the index",
             sqlite3_errstr (rc));
  sqlite3_reset (stmt);
  if (wide)
    stmt = get_stmt (self, "SELECT " EPISODE_BRIEF_COLUMNS " FROM episode NOT INDEXED "
                           "WHERE start_utc BETWEEN ?1 AND ?2", error);
  else
    stmt = get_stmt (self, "SELECT " EPISODE_BRIEF_COLUMNS " FROM episode "
                           "WHERE start_utc BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);
  return collect (self, stmt, error);
}

char *
md_store_get_meta (MdStore    *self,
                   const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (MD_IS_STORE (self), NULL);

  stmt = get_stmt (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
md_store_set_meta (MdStore     *self,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MD_IS_STORE (self), FALSE);

  if (!md_store_begin (self, error))
    return FALSE;
  if (value != NULL)
    stmt = get_stmt (self, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  else
    stmt = get_stmt (self, "DELETE FROM meta WHERE key = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      goto fail;
    }
  if (!md_store_commit (self, error))
    goto fail;
  md_store_emit_changed (self);
  return TRUE;

fail:
  md_store_rollback (self);
  return FALSE;
}

sqlite3_stmt *
md_store_prepare (MdStore     *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (MD_IS_STORE (self), NULL);
  return get_stmt (self, sql, error);
}

void
md_store_set_error (MdStore  *self,
                    int       rc,
                    GError  **error)
{
  g_return_if_fail (MD_IS_STORE (self));
  set_sqlite_error (self, rc, error);
}

gboolean
md_store_write_all (MdStore          *self,
                    GPtrArray        *items,
                    MdStoreWriteFunc  write,
                    GError          **error)
{
  g_return_val_if_fail (MD_IS_STORE (self), FALSE);

  if (!md_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    if (!write (self, g_ptr_array_index (items, i), error))
      {
        md_store_rollback (self);
        return FALSE;
      }
  if (!md_store_commit (self, error))
    return FALSE;
  md_store_emit_changed (self);
  return TRUE;
}

gboolean
md_store_exec_key (MdStore     *self,
                   const char  *sql,
                   gint64       key,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MD_IS_STORE (self), FALSE);

  if (!md_store_begin (self, error))
    return FALSE;
  stmt = get_stmt (self, sql, error);
  if (stmt == NULL)
    {
      md_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, key);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      md_store_rollback (self);
      return FALSE;
    }
  if (!md_store_commit (self, error))
    return FALSE;
  md_store_emit_changed (self);
  return TRUE;
}
