/* md-mrs-csv.c: the Menopause Rating Scale CSV format: parsing (all or nothing), formatting
 * (byte-stable), import and export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "md-csv.h"
#include "md-csv-io.h"
#include "md-episode.h"
#include "md-mrs-csv.h"
#include "md-time.h"

#define COL_DAY 0
#define N_COLS  (1 + MD_MRS_N_ITEMS)

static const char *column_names[N_COLS];

static void
init_names (void)
{
  column_names[COL_DAY] = "day";
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    column_names[1 + i] = md_mrs_item_id (i);
}

typedef struct {
  MdCsvReport rep;
  GPtrArray  *list;
  GHashTable *first_line;       /* day (gint64*) -> line */
  int         map[N_COLS];
  guint       n_header_fields;
} ParseState;

static MdMrs *
parse_row (const MdCsvRecord *r,
           ParseState        *st)
{
  MdCsvReport *rep = &st->rep;
  g_autoptr(MdMrs) m = md_mrs_new (0);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  const char *raw[N_COLS];
  guint n_errors = rep->errors->len;

  if (!md_csv_row_values (r, st->n_header_fields, column_names, N_COLS, st->map, 0, raw, owned, rep))
    return NULL;

  if (*raw[COL_DAY] == '\0')
    md_csv_report_add (rep, r->line, _("day: it is empty; give the day as YYYY-MM-DD"));
  else if (!md_time_parse_date (raw[COL_DAY], &m->day, NULL) || !md_mrs_validate (m, NULL))
    {
      g_autofree char *shown = md_csv_quote_value (raw[COL_DAY]);

      md_csv_report_add (rep, r->line, _("day: %s is not a date of the form YYYY-MM-DD"), shown);
    }
  else
    {
      gpointer first = g_hash_table_lookup (st->first_line, &m->day);

      if (first != NULL)
        md_csv_report_add (rep, r->line, _("day: %s is already on line %u; give each day once"),
                           raw[COL_DAY], GPOINTER_TO_UINT (first));
      else
        g_hash_table_insert (st->first_line, g_memdup2 (&m->day, sizeof m->day), GUINT_TO_POINTER (r->line));
    }

  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    {
      const char *text = raw[1 + i];
      gint64 v;

      if (text == NULL || *text == '\0')
        continue;
      if (md_csv_parse_whole (text, MD_MRS_ITEM_MAX, &v))
        m->items[i] = (gint) v;
      else
        {
          g_autofree char *shown = md_csv_quote_value (text);

          md_csv_report_add (rep, r->line, _("%s: %s is not a whole number from 0 (none) to 4 (very severe)"),
                             column_names[1 + i], shown);
        }
    }
  if (rep->errors->len > n_errors)
    return NULL;
  return g_steal_pointer (&m);
}

static gboolean
record_cb (const MdCsvRecord *r,
           gboolean           is_header,
           gpointer           user_data)
{
  ParseState *st = user_data;
  MdMrs *m;

  if (is_header)
    {
      gboolean ok = md_csv_parse_header (r, column_names, N_COLS, st->map, &st->rep);

      st->n_header_fields = r->fields->len;
      if (r->error != NULL)
        return FALSE;
      if (st->map[COL_DAY] < 0)
        {
          md_csv_report_add (&st->rep, r->line, _("header: the required column \"%s\" is missing"), "day");
          ok = FALSE;
        }
      return ok;
    }
  m = parse_row (r, st);
  if (m == NULL)
    return FALSE;
  g_ptr_array_add (st->list, m);
  return TRUE;
}

static GPtrArray *
parse (const char   *data,
       gsize         length,
       MdCsvReader  *reader,
       const char   *filename,
       gboolean      present[N_COLS],
       GPtrArray   **row_errors,
       GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) md_mrs_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) first_line = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ParseState st = { { filename != NULL ? filename : "-", errors }, list, first_line, { 0 }, 0 };
  gboolean have_header = FALSE;
  guint n_bad_rows = 0;

  g_return_val_if_fail (row_errors == NULL || *row_errors == NULL, NULL);

  init_names ();
  if (reader == NULL)
    have_header = md_csv_for_each_record (data, length, record_cb, &st, &n_bad_rows);
  else if (!md_csv_reader_for_each_record (reader, record_cb, &st, &have_header, &n_bad_rows, error))
    return NULL;
  if (!have_header)
    md_csv_report_add (&st.rep, 1, _("the file is empty; the first line must be the header %s"), MD_MRS_CSV_HEADER);
  if (errors->len > 0)
    {
      g_autofree char *wrong = g_strdup_printf (_("“%s” is not a Menodiary rating scale file; nothing was imported."),
                                                st.rep.filename);

      md_csv_fail_parse (&errors, n_bad_rows, st.rep.filename, wrong, row_errors, error);
      return NULL;
    }
  if (present != NULL)
    for (guint c = 0; c < N_COLS; c++)
      present[c] = st.map[c] >= 0;
  return g_steal_pointer (&list);
}

GPtrArray *
md_mrs_csv_parse (const char *data,
                  gsize       length,
                  const char *filename,
                  GPtrArray **row_errors,
                  GError    **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  return parse (data, length, NULL, filename, NULL, row_errors, error);
}

GPtrArray *
md_mrs_csv_parse_reader (MdCsvReader  *reader,
                         GPtrArray   **row_errors,
                         GError      **error)
{
  return parse (NULL, 0, reader, md_csv_reader_get_name (reader), NULL, row_errors, error);
}

char *
md_mrs_csv_format (GPtrArray *list)
{
  GString *s = g_string_new (MD_MRS_CSV_HEADER "\n");

  g_return_val_if_fail (list != NULL, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      const MdMrs *m = g_ptr_array_index (list, i);
      g_autofree char *day = md_time_format_day (m->day);

      g_string_append (s, day);
      for (guint k = 0; k < MD_MRS_N_ITEMS; k++)
        {
          g_string_append_c (s, ',');
          if (m->items[k] != MD_UNKNOWN)
            g_string_append_printf (s, "%d", m->items[k]);
        }
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

gboolean
md_mrs_csv_import_reader (MdStore      *store,
                          MdCsvReader  *reader,
                          guint        *n_imported,
                          guint        *n_replaced,
                          GPtrArray   **row_errors,
                          GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GHashTable) by_day = NULL;
  gboolean present[N_COLS];
  guint replaced = 0;

  list = parse (NULL, 0, reader, md_csv_reader_get_name (reader), present, row_errors, error);
  if (list == NULL)
    return FALSE;
  stored = md_store_mrs_between (store, G_MININT64, G_MAXINT64, error);
  if (stored == NULL)
    return FALSE;
  by_day = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint k = 0; k < stored->len; k++)
    g_hash_table_insert (by_day, &((MdMrs *) g_ptr_array_index (stored, k))->day, g_ptr_array_index (stored, k));
  for (guint i = 0; i < list->len; i++)
    {
      MdMrs *m = g_ptr_array_index (list, i);
      const MdMrs *old = g_hash_table_lookup (by_day, &m->day);

      if (old == NULL)
        continue;
      /* A column the file does not have keeps the stored answer. */
      for (guint c = 0; c < MD_MRS_N_ITEMS; c++)
        if (!present[1 + c])
          m->items[c] = old->items[c];
      replaced++;
    }
  if (list->len > 0 && !md_store_put_mrs_list (store, list, error))
    return FALSE;
  if (n_imported != NULL)
    *n_imported = list->len;
  if (n_replaced != NULL)
    *n_replaced = replaced;
  return TRUE;
}

gboolean
md_mrs_csv_export_file (MdStore    *store,
                        const char *path,
                        GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  list = md_store_mrs_between (store, G_MININT64, G_MAXINT64, error);
  if (list == NULL)
    return FALSE;
  text = md_mrs_csv_format (list);
  return md_csv_write_output (path, text, error);
}
