/* md-store.c: the diary on disk (SQLite).
 *
 * Every write runs inside one transaction; statements are prepared once and cached; the file
 * and its folder are private to the user (0600 / 0700).
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
#include <sys/stat.h>
#include <unistd.h>

#include "md-migrations.h"
#include "md-store.h"
#include "md-time.h"

struct _MdStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text (static) -> sqlite3_stmt* */
  gint64      fixed_now;    /* 0 = the real clock */
  guint       in_transaction : 1;
};

G_DEFINE_FINAL_TYPE (MdStore, md_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (md-store-error-quark, md_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define EPISODE_COLUMNS \
  "id, start_utc, utc_offset_s, regions, side, duration_s, intensity, signs, triggers, notes, " \
  "created_utc, updated_utc"

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

static MdEpisode *
episode_from_row (sqlite3_stmt *stmt)
{
  MdEpisode *ep = md_episode_new ();
  const char *side = (const char *) sqlite3_column_text (stmt, 4);

  ep->id = sqlite3_column_int64 (stmt, 0);
  ep->start_utc = sqlite3_column_int64 (stmt, 1);
  ep->utc_offset_s = sqlite3_column_int (stmt, 2);
  ep->regions = (guint32) sqlite3_column_int64 (stmt, 3);
  if (!md_side_from_id (side, &ep->side))
    ep->side = MD_SIDE_UNKNOWN;
  ep->duration_s = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? MD_UNKNOWN : sqlite3_column_int64 (stmt, 5);
  ep->intensity = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? MD_UNKNOWN : sqlite3_column_int (stmt, 6);
  ep->signs = (guint32) sqlite3_column_int64 (stmt, 7);
  ep->triggers = (guint32) sqlite3_column_int64 (stmt, 8);
  ep->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  ep->created_utc = sqlite3_column_int64 (stmt, 10);
  ep->updated_utc = sqlite3_column_int64 (stmt, 11);
  return ep;
}

/* Binds the episode's fields to parameters 1..11 in EPISODE_COLUMNS order, without the id. */
static void
bind_episode (sqlite3_stmt    *stmt,
              const MdEpisode *ep)
{
  sqlite3_bind_int64 (stmt, 1, ep->start_utc);
  sqlite3_bind_int (stmt, 2, ep->utc_offset_s);
  sqlite3_bind_int64 (stmt, 3, ep->regions);
  if (ep->side == MD_SIDE_UNKNOWN)
    sqlite3_bind_null (stmt, 4);
  else
    sqlite3_bind_text (stmt, 4, md_side_id (ep->side), -1, SQLITE_STATIC);
  if (ep->duration_s == MD_UNKNOWN)
    sqlite3_bind_null (stmt, 5);
  else
    sqlite3_bind_int64 (stmt, 5, ep->duration_s);
  if (ep->intensity == MD_UNKNOWN)
    sqlite3_bind_null (stmt, 6);
  else
    sqlite3_bind_int (stmt, 6, ep->intensity);
  sqlite3_bind_int64 (stmt, 7, ep->signs);
  sqlite3_bind_int64 (stmt, 8, ep->triggers);
  if (ep->notes == NULL)
    sqlite3_bind_null (stmt, 9);
  else
    sqlite3_bind_text (stmt, 9, ep->notes, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, ep->created_utc);
  sqlite3_bind_int64 (stmt, 11, ep->updated_utc);
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

static gboolean
insert_episode (MdStore   *self,
                MdEpisode *ep,
                gboolean   keep_id,
                GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = get_stmt (self,
                   "INSERT INTO episode (start_utc, utc_offset_s, regions, side, duration_s, intensity, "
                   "signs, triggers, notes, created_utc, updated_utc, id) "
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

static gboolean
is_stored_duplicate (MdStore         *self,
                     const MdEpisode *ep,
                     gboolean        *dup,
                     GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = get_stmt (self,
                   "SELECT 1 FROM episode WHERE start_utc = ?1 AND regions = ?2 AND side IS ?3 "
                   "AND duration_s IS ?4 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ep->start_utc);
  sqlite3_bind_int64 (stmt, 2, ep->regions);
  if (ep->side == MD_SIDE_UNKNOWN)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_text (stmt, 3, md_side_id (ep->side), -1, SQLITE_STATIC);
  if (ep->duration_s == MD_UNKNOWN)
    sqlite3_bind_null (stmt, 4);
  else
    sqlite3_bind_int64 (stmt, 4, ep->duration_s);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  *dup = rc == SQLITE_ROW;
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
}

char *
md_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "menodiary", "diary.db", NULL);
}

static gboolean
prepare_file (const char  *path,
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
  /* Create the file ourselves so it is private from the first byte. */
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_OPEN,
                   _("Could not open the diary file “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  /* Health data: tighten an existing file that others could read. */
  if (fchmod (fd, 0600) != 0)
    g_warning ("Could not make %s private: %s", path, g_strerror (errno));
  close (fd);
  return TRUE;
}

MdStore *
md_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(MdStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare_file (path, error))
    return NULL;

  self = g_object_new (MD_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 2000);

  /* The first real read tells whether the file is a database at all. */
  if (!exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "SELECT count(*) FROM sqlite_schema", error))
    return NULL;
  /* Refuse a diary of a newer Menodiary before anything (WAL included) touches the file. */
  if (!md_migrations_check (self->db, path, error))
    return NULL;
  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error))
    return NULL;

  if (!md_migrations_run (self->db, path, error))
    return NULL;

  return g_steal_pointer (&self);
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

gboolean
md_store_add_episodes (MdStore   *self,
                       GPtrArray *episodes,
                       gboolean   skip_duplicates,
                       guint     *n_added,
                       guint     *n_skipped,
                       GError   **error)
{
  g_autoptr(GPtrArray) seen = NULL;
  gint64 now;
  guint added = 0, skipped = 0;

  g_return_val_if_fail (MD_IS_STORE (self), FALSE);
  g_return_val_if_fail (episodes != NULL, FALSE);

  if (n_added)
    *n_added = 0;
  if (n_skipped)
    *n_skipped = 0;

  for (guint i = 0; i < episodes->len; i++)
    if (!validate (self, g_ptr_array_index (episodes, i), error))
      return FALSE;

  if (!md_store_begin (self, error))
    return FALSE;

  now = md_time_now ();
  seen = g_ptr_array_new ();
  for (guint i = 0; i < episodes->len; i++)
    {
      MdEpisode *ep = g_ptr_array_index (episodes, i);
      gboolean dup = FALSE;

      if (skip_duplicates)
        {
          if (!is_stored_duplicate (self, ep, &dup, error))
            goto fail;
          /* Also within the batch itself (a file with the same row twice). */
          for (guint j = 0; !dup && j < seen->len; j++)
            dup = md_episode_same_event (ep, g_ptr_array_index (seen, j));
        }
      if (dup)
        {
          skipped++;
          continue;
        }
      ep->created_utc = ep->updated_utc = now;
      if (!insert_episode (self, ep, FALSE, error))
        goto fail;
      if (skip_duplicates)
        g_ptr_array_add (seen, ep);
      added++;
    }

  if (!md_store_commit (self, error))
    goto fail_ids;

  if (n_added)
    *n_added = added;
  if (n_skipped)
    *n_skipped = skipped;
  if (added > 0)
    md_store_emit_changed (self);
  return TRUE;

fail:
  md_store_rollback (self);
fail_ids:
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
    ep = episode_from_row (stmt);
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
    g_ptr_array_add (out, episode_from_row (stmt));
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

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const MdEpisode *x = a, *y = b;

  if (x->start_utc != y->start_utc)
    return x->start_utc < y->start_utc ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

GArray *
md_store_episode_keys (MdStore  *self,
                       GError  **error)
{
  g_autoptr(GArray) keys = NULL;
  sqlite3_stmt *stmt;
  gboolean ordered = TRUE;
  int rc;

  g_return_val_if_fail (MD_IS_STORE (self), NULL);

  /* The table in rowid order is read straight through (the start index would cost a lookup
   * of the offset for every row); rows are almost always logged in time order, so the sort
   * below rarely runs. */
  stmt = get_stmt (self, "SELECT id, start_utc, utc_offset_s FROM episode", error);
  if (stmt == NULL)
    return NULL;
  keys = g_array_sized_new (FALSE, FALSE, sizeof (MdEpisode), md_store_count_episodes (self));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MdEpisode key = { 0, };

      key.id = sqlite3_column_int64 (stmt, 0);
      key.start_utc = sqlite3_column_int64 (stmt, 1);
      key.utc_offset_s = sqlite3_column_int (stmt, 2);
      key.side = MD_SIDE_UNKNOWN;
      key.duration_s = MD_UNKNOWN;
      key.intensity = MD_UNKNOWN;
      if (keys->len > 0 && compare_keys (&g_array_index (keys, MdEpisode, keys->len - 1), &key) > 0)
        ordered = FALSE;
      g_array_append_val (keys, key);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (!ordered)
    g_array_sort (keys, compare_keys);
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
