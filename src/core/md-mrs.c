/* md-mrs.c: the Menopause Rating Scale and its storage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-mrs"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "md-episode.h"
#include "md-mrs.h"
#include "md-time.h"

G_DEFINE_BOXED_TYPE (MdMrs, md_mrs, md_mrs_copy, md_mrs_free)

#define MRS_COLUMNS "day, i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, updated_utc"

static const char * const item_ids[MD_MRS_N_ITEMS] = {
  "hot_flushes", "heart_discomfort", "sleep_problems", "depressive_mood", "irritability",
  "anxiety", "exhaustion", "sexual_problems", "bladder_problems", "vaginal_dryness",
  "joint_muscle_discomfort",
};

/* Bit i = item i belongs to the scale. */
static const guint scale_items[MD_MRS_N_SCALES] = {
  0x7ff,                                   /* total: all 11 */
  (1 << 0) | (1 << 1) | (1 << 2) | (1 << 10), /* somatic: 1, 2, 3, 11 */
  (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6),  /* psychological: 4, 5, 6, 7 */
  (1 << 7) | (1 << 8) | (1 << 9),             /* urogenital: 8, 9, 10 */
};

MdMrs *
md_mrs_new (gint64 day)
{
  MdMrs *self = g_new0 (MdMrs, 1);

  self->day = day;
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    self->items[i] = MD_UNKNOWN;
  return self;
}

MdMrs *
md_mrs_copy (const MdMrs *self)
{
  return g_memdup2 (self, sizeof *self);
}

void
md_mrs_free (MdMrs *self)
{
  g_free (self);
}

const char *
md_mrs_item_id (guint i)
{
  g_return_val_if_fail (i < MD_MRS_N_ITEMS, NULL);
  return item_ids[i];
}

const char *
md_mrs_item_label (guint i)
{
  switch (i)
    {
    case 0:  return _("Hot flushes, sweating");
    case 1:  return _("Heart discomfort (unusual awareness of heartbeat, racing, skipping, tightness)");
    case 2:  return _("Sleep problems (falling asleep, sleeping through, waking early)");
    case 3:  return _("Depressive mood (feeling down, sad, close to tears, lack of drive, mood swings)");
    case 4:  return _("Irritability (feeling nervous, inner tension, feeling aggressive)");
    case 5:  return _("Anxiety (inner restlessness, feeling panicky)");
    case 6:  return _("Physical and mental exhaustion (less able to do things, poor memory and concentration)");
    case 7:  return _("Sexual problems (change in desire, activity and satisfaction)");
    case 8:  return _("Bladder problems (difficulty urinating, needing to go more often, leaking)");
    case 9:  return _("Dryness of the vagina (dryness or burning, difficulty with intercourse)");
    case 10: return _("Joint and muscle discomfort (pain in the joints, rheumatic-like complaints)");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
md_mrs_scale_label (MdMrsScale scale)
{
  switch (scale)
    {
    case MD_MRS_TOTAL:         return _("Total");
    case MD_MRS_SOMATIC:       return _("Somatic");
    case MD_MRS_PSYCHOLOGICAL: return _("Psychological");
    case MD_MRS_UROGENITAL:    return _("Urogenital");
    case MD_MRS_N_SCALES:
    default:                   g_return_val_if_reached (NULL);
    }
}

gboolean
md_mrs_item_in_scale (guint      i,
                      MdMrsScale scale)
{
  g_return_val_if_fail (i < MD_MRS_N_ITEMS && (guint) scale < MD_MRS_N_SCALES, FALSE);
  return (scale_items[scale] & (1u << i)) != 0;
}

int
md_mrs_scale_max (MdMrsScale scale)
{
  g_return_val_if_fail ((guint) scale < MD_MRS_N_SCALES, 0);
  return MD_MRS_ITEM_MAX * __builtin_popcount (scale_items[scale]);
}

int
md_mrs_score (const MdMrs *self,
              MdMrsScale   scale,
              guint       *n_answered)
{
  int sum = 0;
  guint n = 0;

  g_return_val_if_fail (self != NULL && (guint) scale < MD_MRS_N_SCALES, -1);
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    if (md_mrs_item_in_scale (i, scale) && self->items[i] != MD_UNKNOWN)
      {
        sum += self->items[i];
        n++;
      }
  if (n_answered != NULL)
    *n_answered = n;
  return n > 0 ? sum : -1;
}

gboolean
md_mrs_validate (const MdMrs *self,
                 GError     **error)
{
  if (self->day < -25567 || self->day > 2932896)
    {
      g_set_error_literal (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID, _("Day: the date is out of range."));
      return FALSE;
    }
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    if (self->items[i] != MD_UNKNOWN && (self->items[i] < 0 || self->items[i] > MD_MRS_ITEM_MAX))
      {
        g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID,
                     _("%s: from 0 (none) to 4 (very severe)."), md_mrs_item_label (i));
        return FALSE;
      }
  return TRUE;
}

static MdMrs *
mrs_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(MdMrs) m = NULL;

  if (sqlite3_column_type (stmt, 0) != SQLITE_INTEGER)
    return NULL;
  m = md_mrs_new (sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    m->items[i] = sqlite3_column_type (stmt, 1 + i) == SQLITE_NULL ? MD_UNKNOWN : sqlite3_column_int (stmt, 1 + i);
  m->updated_utc = sqlite3_column_int64 (stmt, 12);
  if (!md_mrs_validate (m, NULL))
    return NULL;
  return g_steal_pointer (&m);
}

static gboolean
put_one (MdStore *store,
         MdMrs   *m,
         GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = md_store_prepare (store, "INSERT OR REPLACE INTO mrs (" MRS_COLUMNS ") "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  if (stmt == NULL)
    return FALSE;
  m->updated_utc = md_time_now ();
  sqlite3_bind_int64 (stmt, 1, m->day);
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    {
      if (m->items[i] == MD_UNKNOWN)
        sqlite3_bind_null (stmt, 2 + i);
      else
        sqlite3_bind_int (stmt, 2 + i, m->items[i]);
    }
  sqlite3_bind_int64 (stmt, 13, m->updated_utc);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    md_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

gboolean
md_store_put_mrs_list (MdStore   *store,
                       GPtrArray *list,
                       GError   **error)
{
  g_return_val_if_fail (MD_IS_STORE (store), FALSE);

  for (guint i = 0; i < list->len; i++)
    if (!md_mrs_validate (g_ptr_array_index (list, i), error))
      return FALSE;
  return md_store_write_all (store, list, (MdStoreWriteFunc) put_one, error);
}

gboolean
md_store_put_mrs (MdStore *store,
                  MdMrs   *mrs,
                  GError **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, mrs);
  return md_store_put_mrs_list (store, one, error);
}

gboolean
md_store_delete_mrs (MdStore  *store,
                     gint64    day,
                     GError  **error)
{
  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  return md_store_exec_key (store, "DELETE FROM mrs WHERE day = ?1", day, error);
}

GPtrArray *
md_store_mrs_between (MdStore  *store,
                      gint64    from_day,
                      gint64    to_day,
                      GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) md_mrs_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MD_IS_STORE (store), NULL);
  stmt = md_store_prepare (store, "SELECT " MRS_COLUMNS " FROM mrs WHERE day BETWEEN ?1 AND ?2 ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_day);
  sqlite3_bind_int64 (stmt, 2, to_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MdMrs *m = mrs_from_row (stmt);

      if (m == NULL)
        {
          sqlite3_reset (stmt);
          g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_CORRUPT,
                       _("The diary file “%s” is damaged: it holds rating scale answers with impossible values. "
                         "It has not been changed; restore a recent copy."), md_store_get_path (store));
          return NULL;
        }
      g_ptr_array_add (out, m);
    }
  if (rc != SQLITE_DONE)
    md_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&out);
}

MdMrs *
md_store_get_mrs (MdStore  *store,
                  gint64    day,
                  GError  **error)
{
  g_autoptr(GPtrArray) one = md_store_mrs_between (store, day, day, error);

  if (one == NULL || one->len == 0)
    return NULL;
  return md_mrs_copy (g_ptr_array_index (one, 0));
}
