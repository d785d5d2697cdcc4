/* md-diary.c: the model every view reads (see md-diary.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-diary"

#include "config.h"

#include <sqlite3.h>

#include "md-backup.h"
#include "md-diary.h"
#include "md-flag-acks.h"
#include "md-time.h"

struct _MdDiary
{
  GObject        parent_instance;

  MdStore       *store;
  gulong         store_changed_id;
  MdDiaryChange  pending;          /* what the write under way changes */
  gint64         data_version;     /* the last PRAGMA data_version seen */
  GPtrArray     *alerts;           /* MdFlag*; NULL until first asked for */
  MdLevel        level;
  GPtrArray     *monitors;         /* GFileMonitor* on the file and its WAL */
  guint          check_id;         /* idle source of a pending external check */

  /* The one-episode write under way, and while "changed" is emitted the change it made. */
  const MdEpisode    *writing;     /* added, updated or restored; NULL for a delete */
  gint64              writing_id;  /* deleted */
  MdEpisodeChangeKind writing_kind; /* 0 when the write is not about one episode */
  gboolean            change_known;
  gint64              change_id;
  MdEpisodeChangeKind change_kind;

  /* Every episode's id, start and offset, oldest first (MdEpisodeKey), kept
   * up to date by our own writes; NULL until the alerts first need it, and after a change
   * whose episodes are not known. The rules need no more of episodes older than
   * MD_RULES_DETAIL_S, so ten years are evaluated without reading ten years of rows. */
  GArray        *keys;
};

G_DEFINE_FINAL_TYPE (MdDiary, md_diary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ALERTS,
  PROP_LEVEL,
  PROP_NOW,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
read_data_version (MdDiary *self)
{
  sqlite3 *db = md_store_get_db (self->store);
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static gboolean
same_alerts (GPtrArray *a,
             GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const MdFlag *x = a->pdata[i], *y = b->pdata[i];

      if (g_strcmp0 (x->rule, y->rule) != 0 || x->level != y->level || x->discussed != y->discussed ||
          g_strcmp0 (x->message, y->message) != 0 || x->episodes->len != y->episodes->len ||
          memcmp (x->episodes->data, y->episodes->data, x->episodes->len * sizeof (gint64)) != 0)
        return FALSE;
    }
  return TRUE;
}

static inline gboolean
key_before (const MdEpisodeKey *key,
            gint64              start_utc,
            gint64              id)
{
  return key->start_utc < start_utc || (key->start_utc == start_utc && key->id < id);
}

/* The first index in the keys whose (start, id) is at least (@start_utc, @id). */
static guint
keys_lower_bound (GArray *keys,
                  gint64  start_utc,
                  gint64  id)
{
  guint lo = 0, hi = keys->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (key_before (&g_array_index (keys, MdEpisodeKey, mid), start_utc, id))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
keys_remove (GArray *keys,
             gint64  id)
{
  for (guint i = keys->len; i > 0; i--)
    if (g_array_index (keys, MdEpisodeKey, i - 1).id == id)
      {
        g_array_remove_index (keys, i - 1);
        return;
      }
}

static void
keys_insert (GArray          *keys,
             const MdEpisode *ep)
{
  MdEpisodeKey key;

  md_episode_key_init (&key, ep->id, ep->start_utc, ep->utc_offset_s);

  g_array_insert_val (keys, keys_lower_bound (keys, ep->start_utc, ep->id), key);
}

/* Follows our own write of one episode in the keys; any other change drops them. */
static void
update_keys (MdDiary *self)
{
  if (self->keys == NULL)
    return;
  if (!self->change_known)
    {
      g_clear_pointer (&self->keys, g_array_unref);
      return;
    }
  if (self->change_kind != MD_EPISODE_ADDED)
    keys_remove (self->keys, self->change_id);
  if (self->change_kind != MD_EPISODE_DELETED)
    keys_insert (self->keys, self->writing);
}

/* What the rules need at @now: whole rows from MD_RULES_DETAIL_S before it on (@recent),
 * and only the keys of older ones (the first @n_older of the keys). FALSE when the keys do
 * not match the store (then they are dropped) or on an error. */
static gboolean
episodes_for_rules (MdDiary    *self,
                    gint64      now,
                    GPtrArray **recent,
                    guint      *n_older,
                    GError    **error)
{
  gint64 cutoff = now - MD_RULES_DETAIL_S;

  if (self->keys == NULL && (self->keys = md_store_episode_keys (self->store, error)) == NULL)
    return FALSE;
  *recent = md_store_episodes_between (self->store, cutoff, G_MAXINT64, error);
  if (*recent == NULL)
    return FALSE;
  *n_older = keys_lower_bound (self->keys, cutoff, G_MININT64);
  if (self->keys->len - *n_older != (*recent)->len)
    {
      g_clear_pointer (&self->keys, g_array_unref);
      g_clear_pointer (recent, g_ptr_array_unref);
      return FALSE;
    }
  return TRUE;
}

/* Runs the rules on the whole diary, as --flags does, and notifies when the result differs. */
static void
evaluate_alerts (MdDiary  *self,
                 gboolean  notify)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  MdLevel level = MD_LEVEL_NONE;
  gint64 now = md_diary_get_now (self);
  gboolean level_changed, ok;
  guint n_older = 0;

  ok = episodes_for_rules (self, now, &recent, &n_older, &error);
  if (!ok && error == NULL)
    ok = episodes_for_rules (self, now, &recent, &n_older, &error);   /* the keys, reread */
  if (!ok)
    {
      g_warning ("Could not read the diary for its alerts: %s", error ? error->message : "keys out of step");
      alerts = md_rules_evaluate (NULL, 0, now, &level);
    }
  else
    alerts = md_rules_evaluate_keys ((const MdEpisodeKey *) self->keys->data, n_older,
                                     (MdEpisode * const *) recent->pdata, recent->len, now, &level);
  md_flags_mark_discussed (self->store, alerts);

  if (same_alerts (self->alerts, alerts) && level == self->level)
    return;
  level_changed = level != self->level;
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  self->alerts = g_steal_pointer (&alerts);
  self->level = level;
  if (!notify)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALERTS]);
  if (level_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

static void
emit_changed (MdDiary       *self,
              MdDiaryChange  what)
{
  if (what & MD_DIARY_CHANGE_EPISODES)
    update_keys (self);
  if (self->alerts != NULL && (what & (MD_DIARY_CHANGE_EPISODES | MD_DIARY_CHANGE_MARKS)))
    evaluate_alerts (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0, (guint) what);
  self->change_known = FALSE;
}

/* Every write of the store (through us or through CSV code handed the store) ends here. */
static void
store_changed_cb (MdStore *store,
                  MdDiary *self)
{
  MdDiaryChange what = self->pending != 0 ? self->pending : MD_DIARY_CHANGE_ALL;

  /* Only our own write of one episode is known in detail. */
  self->change_known = self->pending == MD_DIARY_CHANGE_EPISODES && self->writing_kind != 0;
  if (self->change_known)
    {
      self->change_kind = self->writing_kind;
      self->change_id = self->writing != NULL ? self->writing->id : self->writing_id;
    }
  self->pending = 0;
  self->data_version = read_data_version (self);
  emit_changed (self, what);
}

static void
md_diary_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MdDiary *self = MD_DIARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ALERTS:
      g_value_set_boxed (value, md_diary_get_alerts (self));
      break;
    case PROP_LEVEL:
      g_value_set_int (value, md_diary_get_level (self));
      break;
    case PROP_NOW:
      g_value_set_int64 (value, md_store_get_now (self->store));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_diary_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  MdDiary *self = MD_DIARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_NOW:
      md_diary_set_now (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_diary_constructed (GObject *object)
{
  MdDiary *self = MD_DIARY (object);

  G_OBJECT_CLASS (md_diary_parent_class)->constructed (object);

  g_assert (MD_IS_STORE (self->store));
  self->store_changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  self->data_version = read_data_version (self);
}

static void
md_diary_dispose (GObject *object)
{
  MdDiary *self = MD_DIARY (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->monitors != NULL)
    for (guint i = 0; i < self->monitors->len; i++)
      g_signal_handlers_disconnect_by_data (self->monitors->pdata[i], self);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);

  G_OBJECT_CLASS (md_diary_parent_class)->dispose (object);
}

static void
md_diary_class_init (MdDiaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = md_diary_get_property;
  object_class->set_property = md_diary_set_property;
  object_class->constructed = md_diary_constructed;
  object_class->dispose = md_diary_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A GPtrArray of MdFlag*. */
  properties[PROP_ALERTS] =
    g_param_spec_boxed ("alerts", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, MD_LEVEL_NONE, MD_LEVEL_EMERGENCY, MD_LEVEL_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MdDiary::changed:
   * @what: the MdDiaryChange flags
   *
   * The diary changed, here or in another process; @what says which parts.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
md_diary_init (MdDiary *self)
{
}

MdDiary *
md_diary_new (MdStore *store)
{
  g_return_val_if_fail (MD_IS_STORE (store), NULL);
  return g_object_new (MD_TYPE_DIARY, "store", store, NULL);
}

MdDiary *
md_diary_open_full (const char        *path,
                    MdStoreOpenFlags   flags,
                    GError           **error)
{
  g_autoptr(MdStore) store = md_store_open_full (path, flags, error);

  if (store == NULL)
    return NULL;
  return md_diary_new (store);
}

MdDiary *
md_diary_open (const char  *path,
               GError     **error)
{
  return md_diary_open_full (path, MD_STORE_OPEN_CREATE, error);
}

MdStore *
md_diary_get_store (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return self->store;
}

const char *
md_diary_get_path (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_get_path (self->store);
}

void
md_diary_set_now (MdDiary *self,
                  gint64   now_utc)
{
  g_return_if_fail (MD_IS_DIARY (self));

  /* The store keeps the clock (it rejects future starts by it); the diary is its one reader. */
  if (md_store_get_now (self->store) == now_utc)
    return;
  md_store_set_now (self->store, now_utc);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
  if (self->alerts != NULL)
    evaluate_alerts (self, TRUE);
}

gint64
md_diary_get_now (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), 0);
  return md_store_get_now (self->store);
}

gint32
md_diary_get_utc_offset (MdDiary *self)
{
  return md_utc_offset_at (NULL, md_diary_get_now (self));
}

gint64
md_diary_get_today (MdDiary *self)
{
  gint64 now = md_diary_get_now (self);

  return md_time_day_of (now + md_utc_offset_at (NULL, now));
}

void
md_diary_refresh_alerts (MdDiary *self)
{
  g_return_if_fail (MD_IS_DIARY (self));
  if (self->alerts != NULL)
    evaluate_alerts (self, TRUE);
}

GPtrArray *
md_diary_get_alerts (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  /* Worked out when first asked for (the first reader has seen no earlier value). */
  if (self->alerts == NULL)
    evaluate_alerts (self, FALSE);
  return self->alerts;
}

MdLevel
md_diary_get_level (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), MD_LEVEL_NONE);
  md_diary_get_alerts (self);
  return self->level;
}

gboolean
md_diary_get_changed_episode (MdDiary             *self,
                              gint64              *id,
                              MdEpisodeChangeKind *kind)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);

  if (!self->change_known)
    return FALSE;
  if (id != NULL)
    *id = self->change_id;
  if (kind != NULL)
    *kind = self->change_kind;
  return TRUE;
}

gboolean
md_diary_check_external (MdDiary *self)
{
  gint64 v;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  v = read_data_version (self);
  if (v == self->data_version)
    return FALSE;
  self->data_version = v;
  emit_changed (self, MD_DIARY_CHANGE_ALL | MD_DIARY_CHANGE_EXTERNAL);
  return TRUE;
}

static gboolean
check_external_cb (gpointer data)
{
  MdDiary *self = data;

  self->check_id = 0;
  md_diary_check_external (self);
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 MdDiary           *self)
{
  /* Our own commits change the files too, but not data_version: the check is cheap. */
  if (self->check_id == 0)
    self->check_id = g_timeout_add (100, check_external_cb, self);
}

void
md_diary_watch (MdDiary *self)
{
  const char *suffixes[] = { "", "-wal" };

  g_return_if_fail (MD_IS_DIARY (self));

  if (self->monitors != NULL)
    return;
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      /* Beside the file SQLite opened (a link resolved): where its log really is. */
      g_autofree char *path = g_strconcat (md_store_get_file_path (self->store), suffixes[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);

      if (monitor == NULL)
        {
          g_debug ("Cannot watch %s: %s", path, error->message);
          continue;
        }
      g_signal_connect (monitor, "changed", G_CALLBACK (file_changed_cb), self);
      g_ptr_array_add (self->monitors, monitor);
    }
}

guint
md_diary_count_episodes (MdDiary *self)
{
  g_return_val_if_fail (MD_IS_DIARY (self), 0);
  return md_store_count_episodes (self->store);
}

GPtrArray *
md_diary_list_episodes (MdDiary  *self,
                        guint     offset,
                        guint     limit,
                        GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_list_episodes (self->store, offset, limit, error);
}

GPtrArray *
md_diary_list_episodes_from (MdDiary  *self,
                             gint64    start_utc,
                             gint64    id,
                             gboolean  newer,
                             guint     limit,
                             GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_list_episodes_from (self->store, start_utc, id, newer, limit, error);
}

int
md_diary_episode_position (MdDiary *self,
                           gint64   id)
{
  g_return_val_if_fail (MD_IS_DIARY (self), -1);
  return md_store_episode_position (self->store, id);
}

guint
md_diary_count_filtered (MdDiary               *self,
                         const MdEpisodeFilter *filter)
{
  g_return_val_if_fail (MD_IS_DIARY (self), 0);
  return md_store_count_filtered (self->store, filter);
}

GPtrArray *
md_diary_list_filtered (MdDiary               *self,
                        const MdEpisodeFilter *filter,
                        guint                  offset,
                        guint                  limit,
                        GError               **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_list_filtered (self->store, filter, offset, limit, error);
}

GPtrArray *
md_diary_list_filtered_from (MdDiary               *self,
                             const MdEpisodeFilter *filter,
                             gint64                 start_utc,
                             gint64                 id,
                             gboolean               newer,
                             guint                  limit,
                             GError               **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_list_filtered_from (self->store, filter, start_utc, id, newer, limit, error);
}

int
md_diary_filtered_position (MdDiary               *self,
                            const MdEpisodeFilter *filter,
                            gint64                 id)
{
  g_return_val_if_fail (MD_IS_DIARY (self), -1);
  return md_store_filtered_position (self->store, filter, id);
}

MdEpisode *
md_diary_get_episode (MdDiary  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_get_episode (self->store, id, error);
}

GPtrArray *
md_diary_episodes_between (MdDiary  *self,
                           gint64    from_utc,
                           gint64    to_utc,
                           GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_episodes_between (self->store, from_utc, to_utc, error);
}

/* A local day starts at most 14 hours before UTC midnight and ends at most 14 hours after:
 * the UTC bounds of the episodes that may fall on local days from..to. */
static gint64
day_start_bound (gint64 from_day)
{
  return from_day == G_MININT64 ? G_MININT64 : from_day * 86400 - MD_UTC_OFFSET_MAX_S;
}

static gint64
day_end_bound (gint64 to_day)
{
  return to_day == G_MAXINT64 ? G_MAXINT64 : (to_day + 1) * 86400 + MD_UTC_OFFSET_MAX_S;
}

GPtrArray *
md_diary_episodes_on_days (MdDiary  *self,
                           gint64    from_day,
                           gint64    to_day,
                           GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_episodes_between (self->store, day_start_bound (from_day), day_end_bound (to_day), error);
}

GPtrArray *
md_diary_episodes_brief_on_days (MdDiary  *self,
                                 gint64    from_day,
                                 gint64    to_day,
                                 GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_episodes_brief_between (self->store, day_start_bound (from_day), day_end_bound (to_day), error);
}

MdCheckin *
md_diary_get_checkin (MdDiary  *self,
                      gint64    day,
                      GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_get_checkin (self->store, day, error);
}

GPtrArray *
md_diary_checkins_between (MdDiary  *self,
                           gint64    from_day,
                           gint64    to_day,
                           GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_checkins_between (self->store, from_day, to_day, error);
}

GPtrArray *
md_diary_list_medicines (MdDiary  *self,
                         GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_list_medicines (self->store, error);
}

GPtrArray *
md_diary_mrs_between (MdDiary  *self,
                      gint64    from_day,
                      gint64    to_day,
                      GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_mrs_between (self->store, from_day, to_day, error);
}

MdMrs *
md_diary_get_mrs (MdDiary  *self,
                  gint64    day,
                  GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_store_get_mrs (self->store, day, error);
}

gboolean
md_diary_last_mrs_day (MdDiary *self,
                       gint64  *day)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  if (sqlite3_prepare_v2 (md_store_get_db (self->store), "SELECT max(day) FROM mrs WHERE day <= ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, md_diary_get_today (self));
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          found = TRUE;
          if (day != NULL)
            *day = sqlite3_column_int64 (stmt, 0);
        }
    }
  sqlite3_finalize (stmt);
  return found;
}

gboolean
md_diary_mrs_due (MdDiary *self)
{
  gint64 last;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  return !md_diary_last_mrs_day (self, &last) || md_diary_get_today (self) - last >= 7;
}

gboolean
md_diary_first_day (MdDiary *self,
                    gint64  *day)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);

  db = md_store_get_db (self->store);
  /* Both minimums come from an index (episode_by_start, the check-in's primary key). */
  if (sqlite3_prepare_v2 (db,
                          "SELECT (SELECT start_utc + utc_offset_s FROM episode ORDER BY start_utc, id LIMIT 1),"
                          "       (SELECT min(day) FROM checkin)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 best = G_MAXINT64;

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        best = md_time_day_of (sqlite3_column_int64 (stmt, 0));
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        best = MIN (best, sqlite3_column_int64 (stmt, 1));
      found = best != G_MAXINT64;
      if (found && day != NULL)
        *day = best;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* Before a write of one episode (@episode, or @id for a delete). */
static void
write_episode (MdDiary             *self,
               MdEpisodeChangeKind  kind,
               const MdEpisode     *episode,
               gint64               id)
{
  self->pending = MD_DIARY_CHANGE_EPISODES;
  self->writing_kind = kind;
  self->writing = episode;
  self->writing_id = id;
}

static gboolean
write_done (MdDiary  *self,
            gboolean  ok)
{
  /* On success the store's "changed" consumed it; on failure nothing is pending. */
  if (!ok)
    self->pending = 0;
  self->writing_kind = 0;
  self->writing = NULL;
  self->writing_id = 0;
  return ok;
}

gboolean
md_diary_add_episode (MdDiary    *self,
                      MdEpisode  *episode,
                      GError    **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  write_episode (self, MD_EPISODE_ADDED, episode, 0);
  return write_done (self, md_store_add_episode (self->store, episode, error));
}

gboolean
md_diary_update_episode (MdDiary    *self,
                         MdEpisode  *episode,
                         GError    **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  write_episode (self, MD_EPISODE_UPDATED, episode, 0);
  return write_done (self, md_store_update_episode (self->store, episode, error));
}

gboolean
md_diary_delete_episode (MdDiary  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  write_episode (self, MD_EPISODE_DELETED, NULL, id);
  return write_done (self, md_store_delete_episode (self->store, id, error));
}

gboolean
md_diary_restore_episode (MdDiary          *self,
                          const MdEpisode  *episode,
                          GError          **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  write_episode (self, MD_EPISODE_ADDED, episode, 0);
  return write_done (self, md_store_restore_episode (self->store, episode, error));
}

gboolean
md_diary_put_checkin (MdDiary    *self,
                      MdCheckin  *checkin,
                      GError    **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  self->pending = MD_DIARY_CHANGE_CHECKINS;
  return write_done (self, md_store_put_checkin (self->store, checkin, error));
}

gboolean
md_diary_add_medicine (MdDiary     *self,
                       MdMedicine  *medicine,
                       GError     **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  self->pending = MD_DIARY_CHANGE_MEDICINES;
  return write_done (self, md_store_add_medicine (self->store, medicine, error));
}

gboolean
md_diary_update_medicine (MdDiary     *self,
                          MdMedicine  *medicine,
                          GError     **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  self->pending = MD_DIARY_CHANGE_MEDICINES;
  return write_done (self, md_store_update_medicine (self->store, medicine, error));
}

gboolean
md_diary_delete_medicine (MdDiary  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  self->pending = MD_DIARY_CHANGE_MEDICINES;
  return write_done (self, md_store_delete_medicine (self->store, id, error));
}

gboolean
md_diary_put_mrs (MdDiary  *self,
                  MdMrs    *mrs,
                  GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  self->pending = MD_DIARY_CHANGE_MRS;
  return write_done (self, md_store_put_mrs (self->store, mrs, error));
}

gboolean
md_diary_mark_alert (MdDiary       *self,
                     const MdFlag  *flag,
                     GError       **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  self->pending = MD_DIARY_CHANGE_MARKS;
  return write_done (self, md_flag_ack (self->store, flag, error));
}

gboolean
md_diary_unmark_alert (MdDiary     *self,
                       const char  *rule,
                       GError     **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  self->pending = MD_DIARY_CHANGE_MARKS;
  return write_done (self, md_flag_unack (self->store, rule, error));
}

gboolean
md_diary_backup (MdDiary     *self,
                 const char  *file,
                 GError     **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  return md_backup_write (self->store, file, error);
}

GPtrArray *
md_diary_list_backups (MdDiary  *self,
                       GError  **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), NULL);
  return md_backup_list (md_store_get_path (self->store), error);
}

gboolean
md_diary_restore (MdDiary     *self,
                  const char  *file,
                  char       **saved_copy,
                  GError     **error)
{
  g_return_val_if_fail (MD_IS_DIARY (self), FALSE);
  self->pending = MD_DIARY_CHANGE_ALL;
  return write_done (self, md_backup_restore (self->store, file, saved_copy, error));
}
