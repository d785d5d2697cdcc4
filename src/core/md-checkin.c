/* md-checkin.c: the daily check-in and its storage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-checkin"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "md-checkin.h"
#include "md-time.h"

G_DEFINE_BOXED_TYPE (MdCheckin, md_checkin, md_checkin_copy, md_checkin_free)
G_DEFINE_QUARK (md-checkin-error-quark, md_checkin_error)

#define CHECKIN_COLUMNS \
  "day, sleep_min, sleep_quality, caffeine_cups, caffeine_mg, water_glasses, stress, hot_flashes, " \
  "supplements, medicines_started, medicines_stopped, note, updated_utc"

MdCheckin *
md_checkin_new (gint64 day)
{
  MdCheckin *self = g_new0 (MdCheckin, 1);

  self->day = day;
  self->sleep_min = MD_UNKNOWN;
  self->sleep_quality = MD_UNKNOWN;
  self->caffeine_cups = MD_UNKNOWN;
  self->caffeine_mg = MD_UNKNOWN;
  self->water_glasses = MD_UNKNOWN;
  self->stress = MD_UNKNOWN;
  self->hot_flashes = MD_UNKNOWN;
  return self;
}

MdCheckin *
md_checkin_copy (const MdCheckin *self)
{
  MdCheckin *copy = g_memdup2 (self, sizeof *self);

  copy->supplements = g_strdupv (self->supplements);
  copy->medicines_started = g_strdup (self->medicines_started);
  copy->medicines_stopped = g_strdup (self->medicines_stopped);
  copy->note = g_strdup (self->note);
  return copy;
}

void
md_checkin_free (MdCheckin *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->supplements);
  g_free (self->medicines_started);
  g_free (self->medicines_stopped);
  g_free (self->note);
  g_free (self);
}

gboolean
md_checkin_took (const MdCheckin *self,
                 const char      *supplement)
{
  return self->supplements != NULL && g_strv_contains ((const char * const *) self->supplements, supplement);
}

static gboolean
check_range (int          value,
             int          lo,
             int          hi,
             int          code,
             const char  *message,
             GError     **error)
{
  if (value == MD_UNKNOWN || (value >= lo && value <= hi))
    return TRUE;
  g_set_error_literal (error, MD_CHECKIN_ERROR, code, message);
  return FALSE;
}

static gboolean
check_text (const char  *text,
            const char  *field,
            GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > MD_CHECKIN_TEXT_MAX_CHARS)
    {
      g_set_error (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_TEXT,
                   _("%s: at most %d characters of text."), field, MD_CHECKIN_TEXT_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

gboolean
md_checkin_validate (const MdCheckin *self,
                     GError         **error)
{
  /* 1900-01-01 .. 9999-12-31 */
  if (self->day < -25567 || self->day > 2932896)
    {
      g_set_error_literal (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_DAY, _("Day: the date is out of range."));
      return FALSE;
    }
  if (!check_range (self->sleep_min, 0, MD_CHECKIN_SLEEP_MAX_MIN, MD_CHECKIN_ERROR_SLEEP,
                    _("Sleep: between 0 and 24 hours."), error) ||
      !check_range (self->sleep_quality, 1, 5, MD_CHECKIN_ERROR_SLEEP_QUALITY,
                    _("Sleep quality: from 1 (very poor) to 5 (very good)."), error) ||
      !check_range (self->caffeine_cups, 0, MD_CHECKIN_CAFFEINE_MAX, MD_CHECKIN_ERROR_CAFFEINE,
                    _("Caffeine: between 0 and 30 cups."), error) ||
      !check_range (self->caffeine_mg, 0, MD_CHECKIN_CAFFEINE_MG_MAX, MD_CHECKIN_ERROR_CAFFEINE,
                    _("Caffeine: between 0 and 3000 mg."), error) ||
      !check_range (self->water_glasses, 0, MD_CHECKIN_WATER_MAX, MD_CHECKIN_ERROR_WATER,
                    _("Water: between 0 and 40 glasses."), error) ||
      !check_range (self->stress, 0, 10, MD_CHECKIN_ERROR_STRESS,
                    _("Stress: a whole number from 0 to 10."), error) ||
      !check_range (self->hot_flashes, 0, MD_CHECKIN_HOT_FLASHES_MAX, MD_CHECKIN_ERROR_HOT_FLASHES,
                    _("Hot flashes: between 0 and 100."), error))
    return FALSE;
  if (self->supplements != NULL)
    {
      for (guint i = 0; self->supplements[i] != NULL; i++)
        {
          const char *s = self->supplements[i];

          if (*s == '\0' || strchr (s, ';') != NULL || !check_text (s, _("Supplements"), error))
            {
              if (error != NULL && *error == NULL)
                g_set_error_literal (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_TEXT,
                                     _("Supplements: a name cannot be empty or contain “;”."));
              return FALSE;
            }
        }
    }
  return check_text (self->medicines_started, _("Medicines started"), error) &&
         check_text (self->medicines_stopped, _("Medicines stopped"), error) &&
         check_text (self->note, _("Note"), error);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  int           value)
{
  if (value == MD_UNKNOWN)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
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

static int
column_int_or_unknown (sqlite3_stmt *stmt,
                       int           col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? MD_UNKNOWN : sqlite3_column_int (stmt, col);
}

/* A row read back; NULL when it holds values no check-in can have (a damaged file), so that
 * no made-up day (1970-01-01) is ever shown or exported. */
static MdCheckin *
checkin_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(MdCheckin) c = NULL;

  if (sqlite3_column_type (stmt, 0) != SQLITE_INTEGER)
    return NULL;
  c = md_checkin_new (sqlite3_column_int64 (stmt, 0));
  const char *supplements = (const char *) sqlite3_column_text (stmt, 8);

  c->sleep_min = column_int_or_unknown (stmt, 1);
  c->sleep_quality = column_int_or_unknown (stmt, 2);
  c->caffeine_cups = column_int_or_unknown (stmt, 3);
  c->caffeine_mg = column_int_or_unknown (stmt, 4);
  c->water_glasses = column_int_or_unknown (stmt, 5);
  c->stress = column_int_or_unknown (stmt, 6);
  c->hot_flashes = column_int_or_unknown (stmt, 7);
  if (supplements != NULL && *supplements != '\0')
    c->supplements = g_strsplit (supplements, ";", -1);
  c->medicines_started = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  c->medicines_stopped = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  c->note = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  c->updated_utc = sqlite3_column_int64 (stmt, 12);
  if (!md_checkin_validate (c, NULL))
    return NULL;
  return g_steal_pointer (&c);
}

static gboolean
put_one (MdStore   *store,
         MdCheckin *c,
         GError   **error)
{
  g_autofree char *supplements = c->supplements ? g_strjoinv (";", c->supplements) : g_strdup ("");
  sqlite3_stmt *stmt;
  int rc;

  stmt = md_store_prepare (store, "INSERT OR REPLACE INTO checkin (" CHECKIN_COLUMNS ") "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  if (stmt == NULL)
    return FALSE;
  c->updated_utc = md_time_now ();
  sqlite3_bind_int64 (stmt, 1, c->day);
  bind_int_or_null (stmt, 2, c->sleep_min);
  bind_int_or_null (stmt, 3, c->sleep_quality);
  bind_int_or_null (stmt, 4, c->caffeine_cups);
  bind_int_or_null (stmt, 5, c->caffeine_mg);
  bind_int_or_null (stmt, 6, c->water_glasses);
  bind_int_or_null (stmt, 7, c->stress);
  bind_int_or_null (stmt, 8, c->hot_flashes);
  sqlite3_bind_text (stmt, 9, supplements, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 10, c->medicines_started);
  bind_text_or_null (stmt, 11, c->medicines_stopped);
  bind_text_or_null (stmt, 12, c->note);
  sqlite3_bind_int64 (stmt, 13, c->updated_utc);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    md_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  return TRUE;
}

gboolean
md_store_put_checkins (MdStore   *store,
                       GPtrArray *checkins,
                       GError   **error)
{
  g_autoptr(GError) local = NULL;

  for (guint i = 0; i < checkins->len; i++)
    {
      if (!md_checkin_validate (g_ptr_array_index (checkins, i), &local))
        {
          g_set_error_literal (error, MD_STORE_ERROR, MD_STORE_ERROR_INVALID, local->message);
          return FALSE;
        }
    }
  if (!md_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < checkins->len; i++)
    {
      if (!put_one (store, g_ptr_array_index (checkins, i), error))
        {
          md_store_rollback (store);
          return FALSE;
        }
    }
  if (!md_store_commit (store, error))
    return FALSE;
  md_store_emit_changed (store);
  return TRUE;
}

gboolean
md_store_put_checkin (MdStore   *store,
                      MdCheckin *checkin,
                      GError   **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, checkin);
  return md_store_put_checkins (store, one, error);
}

gboolean
md_store_delete_checkin (MdStore  *store,
                         gint64    day,
                         GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!md_store_begin (store, error))
    return FALSE;
  stmt = md_store_prepare (store, "DELETE FROM checkin WHERE day = ?1", error);
  if (stmt == NULL)
    {
      md_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, day);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    md_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      md_store_rollback (store);
      return FALSE;
    }
  if (!md_store_commit (store, error))
    return FALSE;
  md_store_emit_changed (store);
  return TRUE;
}

GPtrArray *
md_store_checkins_between (MdStore  *store,
                           gint64    from_day,
                           gint64    to_day,
                           GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) md_checkin_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = md_store_prepare (store, "SELECT " CHECKIN_COLUMNS " FROM checkin WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_day);
  sqlite3_bind_int64 (stmt, 2, to_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MdCheckin *c = checkin_from_row (stmt);

      if (c == NULL)
        {
          sqlite3_reset (stmt);
          g_set_error (error, MD_STORE_ERROR, MD_STORE_ERROR_CORRUPT,
                       _("The diary file “%s” is damaged: it holds a check-in with impossible values. "
                         "It has not been changed; restore a recent copy."), md_store_get_path (store));
          return NULL;
        }
      g_ptr_array_add (out, c);
    }
  if (rc != SQLITE_DONE)
    md_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&out);
}

MdCheckin *
md_store_get_checkin (MdStore  *store,
                      gint64    day,
                      GError  **error)
{
  g_autoptr(GPtrArray) one = md_store_checkins_between (store, day, day, error);

  if (one == NULL || one->len == 0)
    return NULL;
  return md_checkin_copy (g_ptr_array_index (one, 0));
}
