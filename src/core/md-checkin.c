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
  "supplements, medicines_started, medicines_stopped, note, updated_utc, bleeding, symptoms"

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
  self->bleeding = MD_UNKNOWN;
  return self;
}

static const char * const bleeding_ids[MD_N_BLEEDING] = {
  "none", "spotting", "light", "medium", "heavy",
};

const char *
md_bleeding_id (MdBleeding bleeding)
{
  g_return_val_if_fail ((guint) bleeding < MD_N_BLEEDING, NULL);
  return bleeding_ids[bleeding];
}

gboolean
md_bleeding_from_id (const char *id,
                     int        *out)
{
  for (guint i = 0; id != NULL && i < MD_N_BLEEDING; i++)
    if (strcmp (id, bleeding_ids[i]) == 0)
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

const char *
md_bleeding_label (MdBleeding bleeding)
{
  switch (bleeding)
    {
    case MD_BLEEDING_NONE:     return C_("bleeding", "None");
    case MD_BLEEDING_SPOTTING: return C_("bleeding", "Spotting");
    case MD_BLEEDING_LIGHT:    return C_("bleeding", "Light");
    case MD_BLEEDING_MEDIUM:   return C_("bleeding", "Medium");
    case MD_BLEEDING_HEAVY:    return C_("bleeding", "Heavy");
    case MD_N_BLEEDING:
    default:                   g_return_val_if_reached (NULL);
    }
}

static void
clear_symptoms (MdCheckin *self)
{
  for (guint i = 0; i < self->n_symptoms; i++)
    g_free (self->symptoms[i].name);
  g_clear_pointer (&self->symptoms, g_free);
  self->n_symptoms = 0;
}

gint
md_checkin_get_symptom (const MdCheckin *self,
                        const char      *name)
{
  for (guint i = 0; i < self->n_symptoms; i++)
    if (strcmp (self->symptoms[i].name, name) == 0)
      return self->symptoms[i].value;
  return MD_UNKNOWN;
}

void
md_checkin_set_symptom (MdCheckin  *self,
                        const char *name,
                        gint        value)
{
  g_return_if_fail (name != NULL);

  for (guint i = 0; i < self->n_symptoms; i++)
    if (strcmp (self->symptoms[i].name, name) == 0)
      {
        if (value != MD_UNKNOWN)
          {
            self->symptoms[i].value = value;
            return;
          }
        g_free (self->symptoms[i].name);
        memmove (&self->symptoms[i], &self->symptoms[i + 1], (self->n_symptoms - i - 1) * sizeof *self->symptoms);
        self->n_symptoms--;
        return;
      }
  if (value == MD_UNKNOWN)
    return;
  self->symptoms = g_renew (MdSymptomValue, self->symptoms, self->n_symptoms + 1);
  self->symptoms[self->n_symptoms].name = g_strdup (name);
  self->symptoms[self->n_symptoms].value = value;
  self->n_symptoms++;
}

char *
md_checkin_format_symptoms (const MdCheckin *self)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < self->n_symptoms; i++)
    g_string_append_printf (s, "%s%s=%d", i > 0 ? ";" : "", self->symptoms[i].name, self->symptoms[i].value);
  return g_string_free (s, FALSE);
}

/* A name she can give a symptom: not empty, no ";" or "=", no spaces at either end, no line
 * breaks, not too long. */
static gboolean
symptom_name_ok (const char *name)
{
  gsize len = strlen (name);

  return len > 0 && g_utf8_validate (name, -1, NULL) && strpbrk (name, ";=\r\n\t") == NULL &&
         !g_ascii_isspace (name[0]) && !g_ascii_isspace (name[len - 1]) &&
         g_utf8_strlen (name, -1) <= MD_SYMPTOM_NAME_MAX_CHARS;
}

gboolean
md_checkin_parse_symptoms (MdCheckin   *self,
                           const char  *text,
                           GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  g_autoptr(MdCheckin) tmp = md_checkin_new (self->day);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *eq = strchr (part, '=');
      char *name, *value;
      guint64 v;

      if (*part == '\0')
        continue;
      if (eq == NULL)
        {
          g_set_error (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_SYMPTOMS,
                       _("“%s” is not of the form name=value, such as brain fog=3"), part);
          return FALSE;
        }
      *eq = '\0';
      name = g_strstrip (part);
      value = g_strstrip (eq + 1);
      if (!symptom_name_ok (name))
        {
          g_set_error (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_SYMPTOMS,
                       _("“%s” is not a symptom name (1 to %d characters, without “;” or “=”)"),
                       name, MD_SYMPTOM_NAME_MAX_CHARS);
          return FALSE;
        }
      if (md_checkin_get_symptom (tmp, name) != MD_UNKNOWN)
        {
          g_set_error (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_SYMPTOMS,
                       _("“%s” is given twice"), name);
          return FALSE;
        }
      if (*value == '\0' || strspn (value, "0123456789") != strlen (value) ||
          !g_ascii_string_to_unsigned (value, 10, 0, MD_SYMPTOM_MAX, &v, NULL))
        {
          g_set_error (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_SYMPTOMS,
                       _("%s: “%s” is not a whole number from 0 to %d"), name, value, MD_SYMPTOM_MAX);
          return FALSE;
        }
      if (tmp->n_symptoms >= MD_SYMPTOMS_MAX)
        {
          g_set_error (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_SYMPTOMS,
                       _("at most %d symptoms a day"), MD_SYMPTOMS_MAX);
          return FALSE;
        }
      md_checkin_set_symptom (tmp, name, (gint) v);
    }
  clear_symptoms (self);
  self->symptoms = g_steal_pointer (&tmp->symptoms);
  self->n_symptoms = tmp->n_symptoms;
  tmp->n_symptoms = 0;
  return TRUE;
}

MdCheckin *
md_checkin_copy (const MdCheckin *self)
{
  MdCheckin *copy = g_memdup2 (self, sizeof *self);

  copy->supplements = g_strdupv (self->supplements);
  copy->medicines_started = g_strdup (self->medicines_started);
  copy->medicines_stopped = g_strdup (self->medicines_stopped);
  copy->note = g_strdup (self->note);
  copy->symptoms = g_memdup2 (self->symptoms, self->n_symptoms * sizeof *self->symptoms);
  for (guint i = 0; i < self->n_symptoms; i++)
    copy->symptoms[i].name = g_strdup (self->symptoms[i].name);
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
  clear_symptoms (self);
  g_free (self);
}

gboolean
md_checkin_took (const MdCheckin *self,
                 const char      *supplement)
{
  return self->supplements != NULL && g_strv_contains ((const char * const *) self->supplements, supplement);
}

/* @message is untranslated (N_): translated only when the value is wrong, since every check-in
 * read from the diary is checked (ten years: 3 650 of them for the charts). */
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
  g_set_error_literal (error, MD_CHECKIN_ERROR, code, _(message));
  return FALSE;
}

/* @field is untranslated (N_), translated only in the message. */
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
                   _("%s: at most %d characters of text."), _(field), MD_CHECKIN_TEXT_MAX_CHARS);
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
                    N_("Sleep: between 0 and 24 hours."), error) ||
      !check_range (self->sleep_quality, 1, 5, MD_CHECKIN_ERROR_SLEEP_QUALITY,
                    N_("Sleep quality: from 1 (very poor) to 5 (very good)."), error) ||
      !check_range (self->caffeine_cups, 0, MD_CHECKIN_CAFFEINE_MAX, MD_CHECKIN_ERROR_CAFFEINE,
                    N_("Caffeine: between 0 and 30 cups."), error) ||
      !check_range (self->caffeine_mg, 0, MD_CHECKIN_CAFFEINE_MG_MAX, MD_CHECKIN_ERROR_CAFFEINE,
                    N_("Caffeine: between 0 and 3000 mg."), error) ||
      !check_range (self->water_glasses, 0, MD_CHECKIN_WATER_MAX, MD_CHECKIN_ERROR_WATER,
                    N_("Water: between 0 and 40 glasses."), error) ||
      !check_range (self->stress, 0, 10, MD_CHECKIN_ERROR_STRESS,
                    N_("Stress: a whole number from 0 to 10."), error) ||
      !check_range (self->hot_flashes, 0, MD_CHECKIN_HOT_FLASHES_MAX, MD_CHECKIN_ERROR_HOT_FLASHES,
                    N_("Hot flashes: between 0 and 100."), error))
    return FALSE;
  if (self->supplements != NULL)
    {
      for (guint i = 0; self->supplements[i] != NULL; i++)
        {
          const char *s = self->supplements[i];

          if (*s == '\0' || strchr (s, ';') != NULL || !check_text (s, N_("Supplements"), error))
            {
              if (error != NULL && *error == NULL)
                g_set_error_literal (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_TEXT,
                                     _("Supplements: a name cannot be empty or contain “;”."));
              return FALSE;
            }
        }
    }
  if (self->bleeding != MD_UNKNOWN && (self->bleeding < 0 || self->bleeding >= MD_N_BLEEDING))
    {
      g_set_error_literal (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_BLEEDING,
                           _("Bleeding: none, spotting, light, medium or heavy."));
      return FALSE;
    }
  if (self->n_symptoms > MD_SYMPTOMS_MAX)
    {
      g_set_error (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_SYMPTOMS,
                   _("Symptoms: at most %d a day."), MD_SYMPTOMS_MAX);
      return FALSE;
    }
  for (guint i = 0; i < self->n_symptoms; i++)
    {
      const MdSymptomValue *v = &self->symptoms[i];

      if (!symptom_name_ok (v->name) || v->value < 0 || v->value > MD_SYMPTOM_MAX)
        {
          g_set_error (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_SYMPTOMS,
                       _("Symptoms: a name of 1 to %d characters without “;” or “=”, rated from 0 to %d."),
                       MD_SYMPTOM_NAME_MAX_CHARS, MD_SYMPTOM_MAX);
          return FALSE;
        }
      for (guint k = 0; k < i; k++)
        if (strcmp (self->symptoms[k].name, v->name) == 0)
          {
            g_set_error (error, MD_CHECKIN_ERROR, MD_CHECKIN_ERROR_SYMPTOMS,
                         _("Symptoms: “%s” is rated twice."), v->name);
            return FALSE;
          }
    }
  return check_text (self->medicines_started, N_("Medicines started"), error) &&
         check_text (self->medicines_stopped, N_("Medicines stopped"), error) &&
         check_text (self->note, N_("Note"), error);
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
  if (sqlite3_column_type (stmt, 13) != SQLITE_NULL &&
      !md_bleeding_from_id ((const char *) sqlite3_column_text (stmt, 13), &c->bleeding))
    return NULL;
  if (sqlite3_column_text (stmt, 14) != NULL &&
      !md_checkin_parse_symptoms (c, (const char *) sqlite3_column_text (stmt, 14), NULL))
    return NULL;
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
  g_autofree char *symptoms = md_checkin_format_symptoms (c);
  sqlite3_stmt *stmt;
  int rc;

  stmt = md_store_prepare (store, "INSERT OR REPLACE INTO checkin (" CHECKIN_COLUMNS ") "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", error);
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
  if (c->bleeding == MD_UNKNOWN)
    sqlite3_bind_null (stmt, 14);
  else
    sqlite3_bind_text (stmt, 14, md_bleeding_id (c->bleeding), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, symptoms, -1, SQLITE_TRANSIENT);
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
  return md_store_write_all (store, checkins, (MdStoreWriteFunc) put_one, error);
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
  return md_store_exec_key (store, "DELETE FROM checkin WHERE day = ?1", day, error);
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
