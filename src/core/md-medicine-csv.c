/* md-medicine-csv.c: the medicines CSV format: parsing (all or nothing, every bad row reported
 * with its line), formatting (byte-stable), import and export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "md-csv.h"
#include "md-csv-io.h"
#include "md-medicine-csv.h"
#include "md-time.h"

typedef enum {
  COL_NAME,
  COL_KIND,
  COL_DOSE,
  COL_STARTED,
  COL_STOPPED,
  COL_NOTE,
  N_COLS
} Column;

static const char * const column_names[N_COLS] = {
  "name", "kind", "dose", "started", "stopped", "note",
};

/* Free text keeps the spaces around it. */
#define TEXT_COLUMNS ((1u << COL_DOSE) | (1u << COL_NOTE))

typedef struct {
  MdCsvReport rep;
  GPtrArray  *medicines;
  GHashTable *first_line;     /* "started\x1fname" -> line */
  int         map[N_COLS];
  guint       n_header_fields;
} ParseState;

static gboolean
parse_header (const MdCsvRecord *r,
              ParseState        *st)
{
  gboolean ok = md_csv_parse_header (r, column_names, N_COLS, st->map, &st->rep);

  if (r->error != NULL)
    return FALSE;
  for (Column c = COL_NAME; c <= COL_KIND; c++)
    if (st->map[c] < 0)
      {
        md_csv_report_add (&st->rep, r->line, _("header: the required column \"%s\" is missing"), column_names[c]);
        ok = FALSE;
      }
  return ok;
}

static gboolean
parse_day (ParseState        *st,
           const MdCsvRecord *r,
           Column             col,
           const char        *text,
           gint64            *day)
{
  if (text == NULL || *text == '\0')
    return TRUE;
  if (md_time_parse_date (text, day, NULL))
    return TRUE;
  {
    g_autofree char *shown = md_csv_quote_value (text);

    md_csv_report_add (&st->rep, r->line, _("%s: %s is not a date of the form YYYY-MM-DD"), column_names[col], shown);
  }
  return FALSE;
}

static Column
column_of_error (int code)
{
  switch (code)
    {
    case MD_MEDICINE_ERROR_NAME:    return COL_NAME;
    case MD_MEDICINE_ERROR_KIND:    return COL_KIND;
    case MD_MEDICINE_ERROR_DOSE:    return COL_DOSE;
    case MD_MEDICINE_ERROR_STARTED: return COL_STARTED;
    case MD_MEDICINE_ERROR_STOPPED: return COL_STOPPED;
    case MD_MEDICINE_ERROR_NOTE:
    default:                        return COL_NOTE;
    }
}

static MdMedicine *
parse_row (const MdCsvRecord *r,
           ParseState        *st)
{
  MdCsvReport *rep = &st->rep;
  g_autoptr(MdMedicine) m = md_medicine_new (NULL, MD_MEDICINE_OTHER);
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  const char *raw[N_COLS];
  guint n_errors = rep->errors->len;

  if (!md_csv_row_values (r, st->n_header_fields, column_names, N_COLS, st->map, TEXT_COLUMNS,
                          raw, owned, rep))
    return NULL;

  if (*raw[COL_NAME] == '\0')
    md_csv_report_add (rep, r->line, _("name: it is empty; give the medicine’s name"));
  else
    m->name = g_strdup (raw[COL_NAME]);
  if (*raw[COL_KIND] == '\0')
    md_csv_report_add (rep, r->line, _("kind: it is empty; give hrt, preventive, as-needed, supplement or other"));
  else if (!md_medicine_kind_from_id (raw[COL_KIND], &m->kind))
    {
      g_autofree char *shown = md_csv_quote_value (raw[COL_KIND]);

      md_csv_report_add (rep, r->line, _("kind: %s is not one of hrt, preventive, as-needed, supplement or other"), shown);
    }
  if (raw[COL_DOSE] != NULL && *raw[COL_DOSE] != '\0')
    m->dose = g_strdup (raw[COL_DOSE]);
  if (raw[COL_NOTE] != NULL && *raw[COL_NOTE] != '\0')
    m->note = g_strdup (raw[COL_NOTE]);
  parse_day (st, r, COL_STARTED, raw[COL_STARTED], &m->started);
  parse_day (st, r, COL_STOPPED, raw[COL_STOPPED], &m->stopped);

  if (rep->errors->len > n_errors)
    return NULL;
  if (!md_medicine_validate (m, &local))
    {
      const char *colon = strstr (local->message, ": ");
      const char *what = colon != NULL ? colon + 2 : local->message;

      md_csv_report_add (rep, r->line, "%s: %s", column_names[column_of_error (local->code)], what);
      return NULL;
    }
  {
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", m->started, m->name);
    gpointer first = g_hash_table_lookup (st->first_line, key);

    if (first != NULL)
      {
        g_autofree char *shown = md_csv_quote_value (m->name);

        md_csv_report_add (rep, r->line, _("name: %s with the same start is already on line %u; give each medicine once"),
                           shown, GPOINTER_TO_UINT (first));
        return NULL;
      }
    g_hash_table_insert (st->first_line, g_steal_pointer (&key), GUINT_TO_POINTER (r->line));
  }
  return g_steal_pointer (&m);
}

static gboolean
record_cb (const MdCsvRecord *r,
           gboolean           is_header,
           gpointer           user_data)
{
  ParseState *st = user_data;
  MdMedicine *m;

  if (is_header)
    {
      st->n_header_fields = r->fields->len;
      return parse_header (r, st);
    }
  m = parse_row (r, st);
  if (m == NULL)
    return FALSE;
  g_ptr_array_add (st->medicines, m);
  return TRUE;
}

static GPtrArray *
parse (const char   *data,
       gsize         length,
       MdCsvReader  *reader,
       const char   *filename,
       GPtrArray   **row_errors,
       GError      **error)
{
  g_autoptr(GPtrArray) medicines = g_ptr_array_new_with_free_func ((GDestroyNotify) md_medicine_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) first_line = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ParseState st = { { filename != NULL ? filename : "-", errors }, medicines, first_line, { 0 }, 0 };
  gboolean have_header = FALSE;
  guint n_bad_rows = 0;

  g_return_val_if_fail (row_errors == NULL || *row_errors == NULL, NULL);

  if (reader == NULL)
    have_header = md_csv_for_each_record (data, length, record_cb, &st, &n_bad_rows);
  else if (!md_csv_reader_for_each_record (reader, record_cb, &st, &have_header, &n_bad_rows, error))
    return NULL;
  if (!have_header)
    md_csv_report_add (&st.rep, 1, _("the file is empty; the first line must be the header %s"),
                       MD_MEDICINE_CSV_HEADER);
  if (errors->len > 0)
    {
      g_autofree char *wrong = g_strdup_printf (_("“%s” is not a Menodiary medicines file; nothing was imported."),
                                                st.rep.filename);

      md_csv_fail_parse (&errors, n_bad_rows, st.rep.filename, wrong, row_errors, error);
      return NULL;
    }
  return g_steal_pointer (&medicines);
}

GPtrArray *
md_medicine_csv_parse (const char *data,
                       gsize       length,
                       const char *filename,
                       GPtrArray **row_errors,
                       GError    **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  return parse (data, length, NULL, filename, row_errors, error);
}

GPtrArray *
md_medicine_csv_parse_reader (MdCsvReader  *reader,
                              GPtrArray   **row_errors,
                              GError      **error)
{
  return parse (NULL, 0, reader, md_csv_reader_get_name (reader), row_errors, error);
}

static void
append_day (GString *s,
            gint64   day)
{
  if (day != MD_NO_DAY)
    {
      g_autofree char *text = md_time_format_day (day);

      g_string_append (s, text);
    }
}

char *
md_medicine_csv_format (GPtrArray *medicines)
{
  GString *s = g_string_new (MD_MEDICINE_CSV_HEADER "\n");

  g_return_val_if_fail (medicines != NULL, NULL);
  for (guint i = 0; i < medicines->len; i++)
    {
      const MdMedicine *m = g_ptr_array_index (medicines, i);

      md_csv_append_field (s, m->name);
      g_string_append_c (s, ',');
      g_string_append (s, md_medicine_kind_id (m->kind));
      g_string_append_c (s, ',');
      md_csv_append_field (s, m->dose != NULL ? m->dose : "");
      g_string_append_c (s, ',');
      append_day (s, m->started);
      g_string_append_c (s, ',');
      append_day (s, m->stopped);
      g_string_append_c (s, ',');
      md_csv_append_field (s, m->note != NULL ? m->note : "");
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

gboolean
md_medicine_csv_import_reader (MdStore      *store,
                               MdCsvReader  *reader,
                               guint        *n_imported,
                               guint        *n_replaced,
                               GPtrArray   **row_errors,
                               GError      **error)
{
  g_autoptr(GPtrArray) medicines = md_medicine_csv_parse_reader (reader, row_errors, error);

  if (medicines == NULL || !md_store_put_medicines (store, medicines, n_replaced, error))
    return FALSE;
  if (n_imported != NULL)
    *n_imported = medicines->len;
  return TRUE;
}

gboolean
md_medicine_csv_export_file (MdStore    *store,
                             const char *path,
                             GError    **error)
{
  g_autoptr(GPtrArray) medicines = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  medicines = md_store_list_medicines (store, error);
  if (medicines == NULL)
    return FALSE;
  text = md_medicine_csv_format (medicines);
  return md_csv_write_output (path, text, error);
}
