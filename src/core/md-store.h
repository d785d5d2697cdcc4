/* md-store.h: the diary on disk (SQLite), with migrations and a "changed" signal. */
#pragma once

#include <gio/gio.h>

#include "md-episode.h"
#include "md-episode-filter.h"

struct sqlite3;
struct sqlite3_stmt;

G_BEGIN_DECLS

#define MD_STORE_ERROR (md_store_error_quark ())

typedef enum {
  MD_STORE_ERROR_OPEN,      /* cannot open or create the file */
  MD_STORE_ERROR_CORRUPT,   /* not a database, or damaged */
  MD_STORE_ERROR_TOO_NEW,   /* made by a newer Menodiary */
  MD_STORE_ERROR_BUSY,      /* locked by another program */
  MD_STORE_ERROR_NOT_FOUND, /* no such episode */
  MD_STORE_ERROR_INVALID,   /* a value was rejected (the message names the field) */
  MD_STORE_ERROR_FAILED,    /* any other SQLite failure */
  MD_STORE_ERROR_MISSING,   /* no diary at that path (and none was to be created) */
  MD_STORE_ERROR_FOREIGN,   /* another program's SQLite file: refused, left as it was */
  MD_STORE_ERROR_READ_ONLY, /* the diary cannot be written (or was opened read-only) */
} MdStoreError;

/* How md_store_open_full() opens a diary. Every check is made before a byte is written: a
 * file that is refused (damaged, another program's, from a newer Menodiary) is left exactly
 * as it was, its mode included. */
typedef enum {
  MD_STORE_OPEN_EXISTING  = 0,       /* an existing diary, to read and change */
  MD_STORE_OPEN_CREATE    = 1 << 0,  /* create the diary (and its folder, 0700) when missing */
  MD_STORE_OPEN_READ_ONLY = 1 << 1,  /* never write (reading commands): an older schema is
                                      * upgraded in a copy in memory, never in the file */
} MdStoreOpenFlags;

/* How long a write waits for another process's write to finish before giving up. */
#define MD_STORE_BUSY_TIMEOUT_MS 10000

#define MD_TYPE_STORE (md_store_get_type ())
G_DECLARE_FINAL_TYPE (MdStore, md_store, MD, STORE, GObject)

GQuark     md_store_error_quark   (void);

/* $XDG_DATA_HOME/menodiary/diary.db */
char      *md_store_default_path  (void) G_GNUC_WARN_UNUSED_RESULT;
/* Reads what opening a store takes from the environment (the busy timeout, the cache and data
 * folders) once and for good, so that a store can then be opened in a thread while the main
 * thread's toolkit changes the environment (GDK unsets its start-up variables as it starts). */
void       md_store_read_environment (void);

/* md_store_open_full (@path, MD_STORE_OPEN_CREATE): the window's way. */
MdStore   *md_store_open          (const char *path,
                                   GError    **error) G_GNUC_WARN_UNUSED_RESULT;
/* Opens the diary at @path: checks that it is a diary of ours (or an empty SQLite file) and
 * undamaged (PRAGMA quick_check; a full integrity_check before a migration), makes it private
 * (0600), switches it to WAL and migrates the schema, copying it to the backups folder first
 * (md-backup.h) when a migration changes a diary that holds data. */
MdStore   *md_store_open_full     (const char       *path,
                                   MdStoreOpenFlags  flags,
                                   GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* The file SQLite has open (a link resolved): its -wal and -shm are beside it. */
const char *md_store_get_file_path (MdStore *self);
gboolean   md_store_is_read_only  (MdStore *self);
/* Read-only from a folder where SQLite cannot keep its lock files (read as immutable). */
gboolean   md_store_is_immutable  (MdStore *self);
/* A "file:" URI that opens @path read-only (and as immutable), for ATTACH or open. */
char      *md_store_read_only_uri (const char *path,
                                   gboolean    immutable) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE when the diary holds at least one episode or check-in. */
gboolean   md_store_has_data      (MdStore *self);

/* The checks md_store_open_full() makes, on any open connection, without writing: @db is
 * SQLite, passes quick_check (or integrity_check with @full), and is either empty (*version
 * = 0) or a Menodiary diary whose schema this version knows (*version = its user_version).
 * Messages name @path. */
gboolean   md_store_check_db      (struct sqlite3 *db,
                                   const char     *path,
                                   gboolean        full,
                                   int            *version,
                                   GError        **error);
const char *md_store_get_path     (MdStore *self);
int        md_store_get_schema_version (MdStore *self);
/* The latest schema version this build knows. */
int        md_store_latest_schema_version (void);

/* The clock used to reject future starts; tests may set a fixed one (0 = the real clock). */
void       md_store_set_now       (MdStore *self,
                                   gint64   now_utc);
gint64     md_store_get_now       (MdStore *self);

/* Episodes. Each write is one transaction and emits "changed" once on success. */
gboolean   md_store_add_episode    (MdStore   *self,
                                    MdEpisode *episode,    /* id, created and updated are set */
                                    GError   **error);
gboolean   md_store_update_episode (MdStore   *self,
                                    MdEpisode *episode,    /* by id; updated is set */
                                    GError   **error);
gboolean   md_store_delete_episode (MdStore   *self,
                                    gint64     id,
                                    GError   **error);
/* Puts back a deleted episode with its old id and times (undo). */
gboolean   md_store_restore_episode (MdStore         *self,
                                     const MdEpisode *episode,
                                     GError         **error);
MdEpisode *md_store_get_episode    (MdStore   *self,
                                    gint64     id,
                                    GError   **error) G_GNUC_WARN_UNUSED_RESULT;

/* All or nothing: every episode is validated first, then all are inserted in one transaction.
 * With @skip_duplicates, an episode equal (md_episode_same_event) to a stored one, or to an
 * earlier one in @episodes, is skipped and counted in @n_skipped. */
gboolean   md_store_add_episodes   (MdStore   *self,
                                    GPtrArray *episodes,   /* of MdEpisode* */
                                    gboolean   skip_duplicates,
                                    guint     *n_added,
                                    guint     *n_skipped,
                                    GError   **error);

/* Adds episodes as they come (an import read a piece at a time), all in one transaction: a
 * batch of rows per statement, so a large file is never held whole. Each episode is
 * validated; with @skip_duplicates one equal (md_episode_same_event) to a stored one or to
 * one added before is skipped. Nothing is kept until md_store_adder_commit; freeing the adder
 * first (or after a failure) rolls everything back. */
typedef struct _MdStoreAdder MdStoreAdder;

MdStoreAdder *md_store_adder_new    (MdStore      *store,
                                     gboolean      skip_duplicates);
gboolean      md_store_adder_add    (MdStoreAdder *self,
                                     MdEpisode    *episode,   /* transfer full */
                                     GError      **error);
gboolean      md_store_adder_commit (MdStoreAdder *self,
                                     guint        *n_added,
                                     guint        *n_skipped,
                                     GError      **error);
void          md_store_adder_free   (MdStoreAdder *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdStoreAdder, md_store_adder_free)

guint      md_store_count_episodes (MdStore   *self);
/* Newest first (start, then id), a page at a time, for the history list. */
GPtrArray *md_store_list_episodes  (MdStore   *self,
                                    guint      offset,
                                    guint      limit,
                                    GError   **error) G_GNUC_WARN_UNUSED_RESULT;
/* Keyset paging: the @limit episodes after (@start_utc, @id) in md_store_list_episodes order,
 * or with @newer the @limit just before it; newest first either way. (@start_utc, @id) need
 * not be stored. The cost does not grow with the depth, unlike an OFFSET. */
GPtrArray *md_store_list_episodes_from (MdStore *self,
                                        gint64   start_utc,
                                        gint64   id,
                                        gboolean newer,
                                        guint    limit,
                                        GError **error) G_GNUC_WARN_UNUSED_RESULT;
/* The id, start and UTC offset of every episode (MdEpisodeKey), oldest first (start, then
 * id): what the rules need of older history. */
GArray    *md_store_episode_keys   (MdStore   *self,
                                    GError   **error) G_GNUC_WARN_UNUSED_RESULT;
/* The position of episode @id in md_store_list_episodes order (newest first), or -1. */
int        md_store_episode_position (MdStore *self,
                                      gint64   id);
/* The same four through a filter of the history (NULL or empty: all episodes). The filter is
 * applied while walking the (start_utc, id) index, so paging by key costs the same at any depth. */
guint      md_store_count_filtered (MdStore               *self,
                                    const MdEpisodeFilter *filter);
GPtrArray *md_store_list_filtered  (MdStore               *self,
                                    const MdEpisodeFilter *filter,
                                    guint                  offset,
                                    guint                  limit,
                                    GError               **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *md_store_list_filtered_from (MdStore               *self,
                                        const MdEpisodeFilter *filter,
                                        gint64                 start_utc,
                                        gint64                 id,
                                        gboolean               newer,
                                        guint                  limit,
                                        GError               **error) G_GNUC_WARN_UNUSED_RESULT;
/* The position among the episodes that pass, or -1 (not stored, or does not pass). */
int        md_store_filtered_position (MdStore               *self,
                                       const MdEpisodeFilter *filter,
                                       gint64                 id);
/* Oldest first (start, then id); from_utc/to_utc inclusive bounds, G_MININT64/G_MAXINT64 = open. */
GPtrArray *md_store_episodes_between (MdStore *self,
                                      gint64   from_utc,
                                      gint64   to_utc,
                                      GError **error) G_GNUC_WARN_UNUSED_RESULT;

/* The same episodes without their notes and write times (NULL / 0), in no set order: what
 * statistics need, read in about half the time over years of diary. */
GPtrArray *md_store_episodes_brief_between (MdStore *self,
                                            gint64   from_utc,
                                            gint64   to_utc,
                                            GError **error) G_GNUC_WARN_UNUSED_RESULT;

/* Generic key/value for small state (flag acknowledgements and the like). */
char      *md_store_get_meta      (MdStore    *self,
                                   const char *key) G_GNUC_WARN_UNUSED_RESULT;
gboolean   md_store_set_meta      (MdStore    *self,
                                   const char *key,
                                   const char *value,  /* NULL deletes */
                                   GError    **error);

/* For code in src/core that adds its own tables through migrations (checkins, flags). */
struct sqlite3 *md_store_get_db   (MdStore *self);
/* A statement from the store's cache, reset and with its bindings cleared. @sql must be a static
 * string (the cache is keyed by its address). Do not finalize it; reset it when done. */
struct sqlite3_stmt *md_store_prepare (MdStore     *self,
                                       const char  *sql,
                                       GError     **error);
/* Sets @error from the SQLite result code @rc: the store's one mapping of SQLite failures to
 * messages she can read (busy, damaged, cannot be written, ...). */
void       md_store_set_error     (MdStore *self,
                                   int      rc,
                                   GError **error);
/* Writes one item (inside a transaction the caller holds). */
typedef gboolean (*MdStoreWriteFunc) (MdStore  *self,
                                      gpointer  item,
                                      GError  **error);
/* Runs @write on every item of @items in one transaction: all or none; "changed" once. */
gboolean   md_store_write_all     (MdStore          *self,
                                   GPtrArray        *items,
                                   MdStoreWriteFunc  write,
                                   GError          **error);
/* Runs @sql (a static string with one integer parameter, such as a delete by key) in a
 * transaction; "changed" on success. */
gboolean   md_store_exec_key      (MdStore     *self,
                                   const char  *sql,
                                   gint64       key,
                                   GError     **error);
gboolean   md_store_begin         (MdStore *self, GError **error);
gboolean   md_store_commit        (MdStore *self, GError **error);
void       md_store_rollback      (MdStore *self);
void       md_store_emit_changed  (MdStore *self);

G_END_DECLS
