/* md-medicine.c: medicines and HRT, and their storage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-medicine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "md-episode.h"
#include "md-medicine.h"
#include "md-time.h"

G_DEFINE_BOXED_TYPE (MdMedicine, md_medicine, md_medicine_copy, md_medicine_free)
G_DEFINE_QUARK (md-medicine-error-quark, md_medicine_error)

#define MEDICINE_COLUMNS "id, name, kind, dose, started, stopped, note, updated_utc"

/* 1900-01-01 .. 9999-12-31, as for check-ins. */
#define DAY_MIN (-25567)
#define DAY_MAX 2932896

static const char * const kind_ids[MD_N_MEDICINE_KINDS] = {
  "hrt", "preventive", "as-needed", "supplement", "other",
};

const char *
md_medicine_kind_id (MdMedicineKind kind)
{
  g_return_val_if_fail ((guint) kind < MD_N_MEDICINE_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
md_medicine_kind_from_id (const char     *id,
                          MdMedicineKind *out)
{
  for (guint i = 0; id != NULL && i < MD_N_MEDICINE_KINDS; i++)
    if (strcmp (id, kind_ids[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
md_medicine_kind_label (MdMedicineKind kind)
{
  switch (kind)
    {
    case MD_MEDICINE_HRT:        return _("HRT");
    case MD_MEDICINE_PREVENTIVE: return _("Taken regularly");
    case MD_MEDICINE_AS_NEEDED:  return _("Taken when needed");
    case MD_MEDICINE_SUPPLEMENT: return _("Supplement");
    case MD_MEDICINE_OTHER:      return _("Other");
    case MD_N_MEDICINE_KINDS:
    default:                     g_return_val_if_reached (NULL);
    }
}

MdMedicine *
md_medicine_new (const char     *name,
                 MdMedicineKind  kind)
{
  MdMedicine *self = g_new0 (MdMedicine, 1);

  self->name = g_strdup (name);
  self->kind = kind;
  self->started = MD_NO_DAY;
  self->stopped = MD_NO_DAY;
  return self;
}

MdMedicine *
md_medicine_copy (const MdMedicine *self)
{
  MdMedicine *copy = g_memdup2 (self, sizeof *self);

  copy->name = g_strdup (self->name);
  copy->dose = g_strdup (self->dose);
  copy->note = g_strdup (self->note);
  return copy;
}

void
md_medicine_free (MdMedicine *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->dose);
  g_free (self->note);
  g_free (self);
}

gboolean
md_medicine_taken_on (const MdMedicine *self,
                      gint64            day)
{
  return (self->started == MD_NO_DAY || self->started <= day) &&
         (self->stopped == MD_NO_DAY || self->stopped >= day);
}

static gboolean
text_ok (const char *text,
         int         max_chars,
         gboolean    one_line)
{
  return g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= max_chars &&
         (!one_line || strpbrk (text, "\r\n") == NULL);
}

gboolean
md_medicine_validate (const MdMedicine *self,
                      GError          **error)
{
  if (self->name == NULL || *self->name == '\0' || !text_ok (self->name, MD_MEDICINE_NAME_MAX_CHARS, TRUE) ||
      g_ascii_isspace (self->name[0]) || g_ascii_isspace (self->name[strlen (self->name) - 1]))
    {
      g_set_error (error, MD_MEDICINE_ERROR, MD_MEDICINE_ERROR_NAME,
                   _("Name: give the medicine’s name, one line of at most %d characters."),
                   MD_MEDICINE_NAME_MAX_CHARS);
      return FALSE;
    }
  if ((guint) self->kind >= MD_N_MEDICINE_KINDS)
    {
      g_set_error_literal (error, MD_MEDICINE_ERROR, MD_MEDICINE_ERROR_KIND,
                           _("Kind: hrt, preventive, as-needed, supplement or other."));
      return FALSE;
    }
  if (self->dose != NULL && !text_ok (self->dose, MD_MEDICINE_DOSE_MAX_CHARS, TRUE))
    {
      g_set_error (error, MD_MEDICINE_ERROR, MD_MEDICINE_ERROR_DOSE,
                   _("Dose: one line of at most %d characters."), MD_MEDICINE_DOSE_MAX_CHARS);
      return FALSE;
    }
  if (self->started != MD_NO_DAY && (self->started < DAY_MIN || self->started > DAY_MAX))
    {
      g_set_error_literal (error, MD_MEDICINE_ERROR, MD_MEDICINE_ERROR_STARTED,
                           _("Started: the date is out of range."));
      return FALSE;
    }
  if (self->stopped != MD_NO_DAY && (self->stopped < DAY_MIN || self->stopped > DAY_MAX))
    {
      g_set_error_literal (error, MD_MEDICINE_ERROR, MD_MEDICINE_ERROR_STOPPED,
                           _("Stopped: the date is out of range."));
      return FALSE;
    }
  if (self->stopped != MD_NO_DAY && self->started != MD_NO_DAY && self->stopped < self->started)
    {
      g_set_error_literal (error, MD_MEDICINE_ERROR, MD_MEDICINE_ERROR_STOPPED,
                           _("Stopped: the day it was stopped cannot be before the day it was started."));
      return FALSE;
    }
  if (self->note != NULL && !text_ok (self->note, MD_MEDICINE_NOTE_MAX_CHARS, FALSE))
    {
      g_set_error (error, MD_MEDICINE_ERROR, MD_MEDICINE_ERROR_NOTE,
                   _("Note: at most %d characters of text."), MD_MEDICINE_NOTE_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_day_or_null (sqlite3_stmt *stmt,
                  int           index,
                  gint64        day)
{
  if (day == MD_NO_DAY)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, day);
}

static gint64
column_day (sqlite3_stmt *stmt,
            int           col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? MD_NO_DAY : sqlite3_column_int64 (stmt, col);
}

static MdMedicine *
medicine_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(MdMedicine) m = NULL;
  MdMedicineKind kind;

  if (sqlite3_column_type (stmt, 1) != SQLITE_TEXT ||
      !md_medicine_kind_from_id ((const char *) sqlite3_column_text (stmt, 2), &kind))
    return NULL;
  m = md_medicine_new ((const char *) sqlite3_column_text (stmt, 1), kind);
  m->id = sqlite3_column_int64 (stmt, 0);
  m->dose = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  m->started = column_day (stmt, 4);
  m->stopped = column_day (stmt, 5);
  m->note = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  m->updated_utc = sqlite3_column_int64 (stmt, 7);
  if (!md_medicine_validate (m, NULL))
    return NULL;
  return g_steal_pointer (&m);
}

static gboolean
validate_for_store (const MdMedicine *m,
                    GError          **error)
{
  g_autoptr(GError) local = NULL;

  if (md_medicine_validate (m, &local))
    return TRUE;
  g_set_error_literal (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID, local->message);
  return FALSE;
}

/* Inserts (id 0) or replaces (id set) one medicine, inside a transaction. */
static gboolean
write_one (MdStore    *store,
           MdMedicine *m,
           GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = md_store_prepare (store, "INSERT OR REPLACE INTO medicine (" MEDICINE_COLUMNS ") "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  m->updated_utc = md_time_now ();
  if (m->id > 0)
    sqlite3_bind_int64 (stmt, 1, m->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, m->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, md_medicine_kind_id (m->kind), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, m->dose);
  bind_day_or_null (stmt, 5, m->started);
  bind_day_or_null (stmt, 6, m->stopped);
  bind_text_or_null (stmt, 7, m->note);
  sqlite3_bind_int64 (stmt, 8, m->updated_utc);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    md_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  if (m->id <= 0)
    m->id = sqlite3_last_insert_rowid (md_store_get_db (store));
  return TRUE;
}

static gboolean
exists (MdStore  *store,
        gint64    id,
        GError  **error)
{
  sqlite3_stmt *stmt = md_store_prepare (store, "SELECT 1 FROM medicine WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    md_store_set_error (store, rc, error);
  else
    g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_NOT_FOUND,
                 _("That medicine is no longer in the diary."));
  return FALSE;
}

/* Two medicines with the same name and start would be one row of a CSV file twice. */
static gboolean
check_unique (MdStore          *store,
              const MdMedicine *m,
              GError          **error)
{
  sqlite3_stmt *stmt = md_store_prepare (store, "SELECT 1 FROM medicine WHERE name = ?1 AND started IS ?2 AND id != ?3",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, m->name, -1, SQLITE_TRANSIENT);
  bind_day_or_null (stmt, 2, m->started);
  sqlite3_bind_int64 (stmt, 3, m->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID,
                 _("Name: “%s” with the same start is already in the list; change that one instead."), m->name);
  else
    md_store_set_error (store, rc, error);
  return FALSE;
}

static gboolean
write_medicine (MdStore    *store,
                MdMedicine *m,
                gboolean    must_exist,
                GError    **error)
{
  if (!validate_for_store (m, error) || !md_store_begin (store, error))
    return FALSE;
  if ((must_exist && !exists (store, m->id, error)) || !check_unique (store, m, error) ||
      !write_one (store, m, error))
    {
      md_store_rollback (store);
      return FALSE;
    }
  if (!md_store_commit (store, error))
    return FALSE;
  md_store_emit_changed (store);
  return TRUE;
}

gboolean
md_store_add_medicine (MdStore    *store,
                       MdMedicine *medicine,
                       GError    **error)
{
  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (medicine != NULL, FALSE);
  medicine->id = 0;
  return write_medicine (store, medicine, FALSE, error);
}

gboolean
md_store_update_medicine (MdStore    *store,
                          MdMedicine *medicine,
                          GError    **error)
{
  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (medicine != NULL && medicine->id > 0, FALSE);
  return write_medicine (store, medicine, TRUE, error);
}

gboolean
md_store_delete_medicine (MdStore  *store,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  return md_store_exec_key (store, "DELETE FROM medicine WHERE id = ?1", id, error);
}

GPtrArray *
md_store_list_medicines (MdStore  *store,
                         GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) md_medicine_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MD_IS_STORE (store), NULL);
  stmt = md_store_prepare (store, "SELECT " MEDICINE_COLUMNS " FROM medicine ORDER BY started, name, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MdMedicine *m = medicine_from_row (stmt);

      if (m == NULL)
        {
          sqlite3_reset (stmt);
          g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_CORRUPT,
                       _("The diary file “%s” is damaged: it holds a medicine with impossible values. "
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

static gboolean
same_key (const MdMedicine *a,
          const MdMedicine *b)
{
  return a->started == b->started && strcmp (a->name, b->name) == 0;
}

gboolean
md_store_put_medicines (MdStore    *store,
                        GPtrArray  *medicines,
                        guint      *n_replaced,
                        GError    **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  guint replaced = 0;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  if (n_replaced != NULL)
    *n_replaced = 0;
  for (guint i = 0; i < medicines->len; i++)
    if (!validate_for_store (g_ptr_array_index (medicines, i), error))
      return FALSE;
  if (medicines->len == 0)
    return TRUE;
  if (!md_store_begin (store, error))
    return FALSE;
  stored = md_store_list_medicines (store, error);
  if (stored == NULL)
    {
      md_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < medicines->len; i++)
    {
      MdMedicine *m = g_ptr_array_index (medicines, i);

      m->id = 0;
      for (guint k = 0; k < stored->len && m->id == 0; k++)
        if (same_key (m, g_ptr_array_index (stored, k)))
          {
            m->id = ((MdMedicine *) g_ptr_array_index (stored, k))->id;
            replaced++;
          }
      if (!write_one (store, m, error))
        {
          md_store_rollback (store);
          return FALSE;
        }
    }
  if (!md_store_commit (store, error))
    return FALSE;
  if (n_replaced != NULL)
    *n_replaced = replaced;
  md_store_emit_changed (store);
  return TRUE;
}
