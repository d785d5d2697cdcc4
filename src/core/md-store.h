/* md-store.h: the diary on disk (SQLite), with migrations and a "changed" signal. */
#pragma once

#include <gio/gio.h>

#include "md-episode.h"

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
} MdStoreError;

#define MD_TYPE_STORE (md_store_get_type ())
G_DECLARE_FINAL_TYPE (MdStore, md_store, MD, STORE, GObject)

GQuark     md_store_error_quark   (void);

/* $XDG_DATA_HOME/menodiary/diary.db */
char      *md_store_default_path  (void) G_GNUC_WARN_UNUSED_RESULT;

/* Opens (creating the folder 0700 and the file 0600 when missing) and migrates the schema. */
MdStore   *md_store_open          (const char *path,
                                   GError    **error) G_GNUC_WARN_UNUSED_RESULT;
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
/* The id, start and UTC offset of every episode, oldest first (start, then id), as
 * MdEpisode structs with only those fields set: what the rules need of older history. */
GArray    *md_store_episode_keys   (MdStore   *self,
                                    GError   **error) G_GNUC_WARN_UNUSED_RESULT;
/* The position of episode @id in md_store_list_episodes order (newest first), or -1. */
int        md_store_episode_position (MdStore *self,
                                      gint64   id);
/* Oldest first (start, then id); from_utc/to_utc inclusive bounds, G_MININT64/G_MAXINT64 = open. */
GPtrArray *md_store_episodes_between (MdStore *self,
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
gboolean   md_store_begin         (MdStore *self, GError **error);
gboolean   md_store_commit        (MdStore *self, GError **error);
void       md_store_rollback      (MdStore *self);
void       md_store_emit_changed  (MdStore *self);

G_END_DECLS
