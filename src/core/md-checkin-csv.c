/* md-checkin-csv.c: the check-in CSV format: parsing (all or nothing, every bad row reported
 * with its line), formatting (byte-stable) and the file level import and export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "md-checkin-csv.h"
#include "md-csv-io.h"
#include "md-mrs.h"
#include "md-time.h"

/* The columns, in the order export writes them. */
typedef enum {
  COL_DAY,
  COL_SLEEP_HOURS,
  COL_SLEEP_QUALITY,
  COL_CAFFEINE_CUPS,
  COL_CAFFEINE_MG,
  COL_WATER_GLASSES,
  COL_STRESS,
  COL_HOT_FLASHES,
  COL_SUPPLEMENTS,
  COL_MEDICINES_STARTED,
  COL_MEDICINES_STOPPED,
  COL_NOTE,
  COL_BLEEDING,
  COL_SYMPTOMS,
  N_COLS
} Column;

static const char * const column_names[N_COLS] = {
  "day", "sleep_hours", "sleep_quality", "caffeine_cups", "caffeine_mg", "water_glasses",
  "stress", "hot_flashes", "supplements", "medicines_started", "medicines_stopped", "note",
  "bleeding", "symptoms",
};

/* Free text keeps the spaces around it. */
#define TEXT_COLUMNS ((1u << COL_MEDICINES_STARTED) | (1u << COL_MEDICINES_STOPPED) | (1u << COL_NOTE))

/* The whole-number answers: column, the field it fills, its range. */
typedef struct {
  Column col;
  gsize  offset;
  int    min;
  int    max;
} WholeColumn;

static const WholeColumn whole_columns[] = {
  { COL_SLEEP_QUALITY, G_STRUCT_OFFSET (MdCheckin, sleep_quality), 1, 5 },
  { COL_CAFFEINE_CUPS, G_STRUCT_OFFSET (MdCheckin, caffeine_cups), 0, MD_CHECKIN_CAFFEINE_MAX },
  { COL_CAFFEINE_MG,   G_STRUCT_OFFSET (MdCheckin, caffeine_mg),   0, MD_CHECKIN_CAFFEINE_MG_MAX },
  { COL_WATER_GLASSES, G_STRUCT_OFFSET (MdCheckin, water_glasses), 0, MD_CHECKIN_WATER_MAX },
  { COL_STRESS,        G_STRUCT_OFFSET (MdCheckin, stress),        0, 10 },
  { COL_HOT_FLASHES,   G_STRUCT_OFFSET (MdCheckin, hot_flashes),   0, MD_CHECKIN_HOT_FLASHES_MAX },
};

typedef struct {
  MdCsvReport rep;
  GPtrArray  *checkins;
  GHashTable *first_line;       /* day (gint64*) -> line (GUINT_TO_POINTER) */
  int         map[N_COLS];
  guint       n_header_fields;
} ParseState;

static gboolean
parse_header (const MdCsvRecord *r,
              int                map[N_COLS],
              MdCsvReport       *rep)
{
  gboolean ok = md_csv_parse_header (r, column_names, N_COLS, map, rep);

  if (r->error != NULL)
    return FALSE;
  if (map[COL_DAY] < 0)
    {
      md_csv_report_add (rep, r->line, _("header: the required column \"%s\" is missing"), column_names[COL_DAY]);
      ok = FALSE;
    }
  return ok;
}

/* Decimal hours ("7", "6.5", "7.25") to whole minutes; FALSE when not such a number from 0
 * to 24 hours. */
static gboolean
parse_sleep_hours (const char *text,
                   int        *minutes)
{
  const char *p = text;
  double hours;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return FALSE;
  hours = g_ascii_strtod (text, NULL);
  if (!(hours <= 24.0 + 0.5 / 60))
    return FALSE;
  *minutes = (int) lround (hours * 60);
  return *minutes <= MD_CHECKIN_SLEEP_MAX_MIN;
}

/* Whole minutes as hours with at most 2 decimals, trailing zeros trimmed ("6.5", "7", "0.02"). */
static void
append_sleep_hours (GString *s,
                    int      minutes)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  g_ascii_formatd (buf, sizeof buf, "%.2f", minutes / 60.0);
  len = strlen (buf);
  while (len > 0 && buf[len - 1] == '0')
    len--;
  if (len > 0 && buf[len - 1] == '.')
    len--;
  g_string_append_len (s, buf, len);
}

static char **
parse_supplements (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);
      gboolean seen = FALSE;

      /* "a;;b" and a last ";" mean nothing more; a name given twice is taken once. */
      for (guint k = 0; k < names->len && !seen; k++)
        seen = strcmp (g_ptr_array_index (names, k), name) == 0;
      if (*name != '\0' && !seen)
        g_ptr_array_add (names, g_strdup (name));
    }
  if (names->len == 0)
    {
      g_ptr_array_free (names, TRUE);
      return NULL;
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static gboolean
text_too_long (const char *text)
{
  return text != NULL && g_utf8_strlen (text, -1) > MD_CHECKIN_TEXT_MAX_CHARS;
}

static Column
column_of_checkin_error (int code)
{
  switch (code)
    {
    case MD_CHECKIN_ERROR_DAY:           return COL_DAY;
    case MD_CHECKIN_ERROR_SLEEP:         return COL_SLEEP_HOURS;
    case MD_CHECKIN_ERROR_SLEEP_QUALITY: return COL_SLEEP_QUALITY;
    case MD_CHECKIN_ERROR_CAFFEINE:      return COL_CAFFEINE_CUPS;
    case MD_CHECKIN_ERROR_WATER:         return COL_WATER_GLASSES;
    case MD_CHECKIN_ERROR_STRESS:        return COL_STRESS;
    case MD_CHECKIN_ERROR_HOT_FLASHES:   return COL_HOT_FLASHES;
    case MD_CHECKIN_ERROR_BLEEDING:      return COL_BLEEDING;
    case MD_CHECKIN_ERROR_SYMPTOMS:      return COL_SYMPTOMS;
    case MD_CHECKIN_ERROR_TEXT:
    default:                             return COL_NOTE;
    }
}

/* Turns one record into a check-in, reporting every bad column. */
static MdCheckin *
parse_row (const MdCsvRecord *r,
           ParseState        *st)
{
  MdCsvReport *rep = &st->rep;
  g_autoptr(MdCheckin) c = md_checkin_new (0);
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  const char *raw[N_COLS];
  guint n_errors = rep->errors->len;

  if (!md_csv_row_values (r, st->n_header_fields, column_names, N_COLS, st->map, TEXT_COLUMNS,
                          raw, owned, rep))
    return NULL;

  if (*raw[COL_DAY] == '\0')
    md_csv_report_add (rep, r->line, _("day: it is empty; give the day as YYYY-MM-DD"));
  else if (!md_time_parse_date (raw[COL_DAY], &c->day, NULL))
    {
      g_autofree char *shown = md_csv_quote_value (raw[COL_DAY]);

      md_csv_report_add (rep, r->line, _("day: %s is not a date of the form YYYY-MM-DD"), shown);
    }
  else
    {
      gpointer first = g_hash_table_lookup (st->first_line, &c->day);

      if (first != NULL)
        md_csv_report_add (rep, r->line, _("day: %s is already on line %u; give each day once"),
                           raw[COL_DAY], GPOINTER_TO_UINT (first));
      else
        g_hash_table_insert (st->first_line, g_memdup2 (&c->day, sizeof c->day), GUINT_TO_POINTER (r->line));
    }

  if (raw[COL_SLEEP_HOURS] != NULL && *raw[COL_SLEEP_HOURS] != '\0' &&
      !parse_sleep_hours (raw[COL_SLEEP_HOURS], &c->sleep_min))
    {
      g_autofree char *shown = md_csv_quote_value (raw[COL_SLEEP_HOURS]);

      c->sleep_min = MD_UNKNOWN;
      md_csv_report_add (rep, r->line,
                         _("sleep_hours: %s is not a number of hours from 0 to 24, such as 7 or 6.5"),
                         shown);
    }

  for (guint i = 0; i < G_N_ELEMENTS (whole_columns); i++)
    {
      const WholeColumn *w = &whole_columns[i];
      const char *text = raw[w->col];
      gint64 v;

      if (text == NULL || *text == '\0')
        continue;
      if (md_csv_parse_whole (text, w->max, &v) && v >= w->min)
        G_STRUCT_MEMBER (gint, c, w->offset) = (gint) v;
      else
        {
          g_autofree char *shown = md_csv_quote_value (text);

          md_csv_report_add (rep, r->line, _("%s: %s is not a whole number from %d to %d"),
                             column_names[w->col], shown, w->min, w->max);
        }
    }

  if (raw[COL_SUPPLEMENTS] != NULL)
    {
      c->supplements = parse_supplements (raw[COL_SUPPLEMENTS]);
      for (guint i = 0; c->supplements != NULL && c->supplements[i] != NULL; i++)
        if (text_too_long (c->supplements[i]))
          {
            md_csv_report_add (rep, r->line, _("%s: a name has more than %d characters"),
                               column_names[COL_SUPPLEMENTS], MD_CHECKIN_TEXT_MAX_CHARS);
            break;
          }
    }

  for (Column col = COL_MEDICINES_STARTED; col <= COL_NOTE; col++)
    {
      char **field = col == COL_MEDICINES_STARTED ? &c->medicines_started :
                     col == COL_MEDICINES_STOPPED ? &c->medicines_stopped : &c->note;

      if (raw[col] == NULL || *raw[col] == '\0')
        continue;
      if (text_too_long (raw[col]))
        md_csv_report_add (rep, r->line, _("%s: it has more than %d characters"),
                           column_names[col], MD_CHECKIN_TEXT_MAX_CHARS);
      else
        *field = g_strdup (raw[col]);
    }

  if (raw[COL_BLEEDING] != NULL && *raw[COL_BLEEDING] != '\0' &&
      !md_bleeding_from_id (raw[COL_BLEEDING], &c->bleeding))
    {
      g_autofree char *shown = md_csv_quote_value (raw[COL_BLEEDING]);

      md_csv_report_add (rep, r->line, _("bleeding: %s is not one of none, spotting, light, medium or heavy"), shown);
    }

  if (raw[COL_SYMPTOMS] != NULL)
    {
      g_autoptr(GError) bad = NULL;

      if (!md_checkin_parse_symptoms (c, raw[COL_SYMPTOMS], &bad))
        md_csv_report_add (rep, r->line, "%s: %s", column_names[COL_SYMPTOMS], bad->message);
    }

  if (rep->errors->len > n_errors)
    return NULL;

  /* The same checks as the form; its label ("Sleep: …") is replaced by the column name. */
  if (!md_checkin_validate (c, &local))
    {
      const char *colon = strstr (local->message, ": ");
      const char *what = colon != NULL ? colon + 2 : local->message;

      md_csv_report_add (rep, r->line, "%s: %s", column_names[column_of_checkin_error (local->code)], what);
      return NULL;
    }
  return g_steal_pointer (&c);
}

static gboolean
record_cb (const MdCsvRecord *r,
           gboolean           is_header,
           gpointer           user_data)
{
  ParseState *st = user_data;
  MdCheckin *c;

  if (is_header)
    {
      st->n_header_fields = r->fields->len;
      return parse_header (r, st->map, &st->rep);
    }
  c = parse_row (r, st);
  if (c == NULL)
    return FALSE;
  g_ptr_array_add (st->checkins, c);
  return TRUE;
}

/* Parses a whole text (@data, @length) or, with @reader, a stream. @present gets, for each
 * column, whether the header has it. */
static GPtrArray *
parse (const char   *data,
       gsize         length,
       MdCsvReader  *reader,
       const char   *filename,
       gboolean      present[N_COLS],
       GPtrArray   **row_errors,
       GError      **error)
{
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) first_line = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ParseState st = { { filename != NULL ? filename : "-", errors }, NULL, first_line, { 0 }, 0 };
  gboolean have_header = FALSE;
  guint n_bad_rows = 0;

  g_return_val_if_fail (row_errors == NULL || *row_errors == NULL, NULL);

  checkins = g_ptr_array_new_with_free_func ((GDestroyNotify) md_checkin_free);
  st.checkins = checkins;
  if (reader == NULL)
    have_header = md_csv_for_each_record (data, length, record_cb, &st, &n_bad_rows);
  else if (!md_csv_reader_for_each_record (reader, record_cb, &st, &have_header, &n_bad_rows, error))
    return NULL;
  if (!have_header)
    md_csv_report_add (&st.rep, 1, _("the file is empty; the first line must be the header %s"),
                       MD_CHECKIN_CSV_HEADER);

  if (errors->len > 0)
    {
      g_autofree char *wrong = g_strdup_printf (_("“%s” is not a Menodiary check-in file; nothing was imported."),
                                                st.rep.filename);

      md_csv_fail_parse (&errors, n_bad_rows, st.rep.filename, wrong, row_errors, error);
      return NULL;
    }
  if (present != NULL)
    for (guint c = 0; c < N_COLS; c++)
      present[c] = st.map[c] >= 0;
  return g_steal_pointer (&checkins);
}

GPtrArray *
md_checkin_csv_parse (const char *data,
                      gsize       length,
                      const char *filename,
                      GPtrArray **row_errors,
                      GError    **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  return parse (data, length, NULL, filename, NULL, row_errors, error);
}

GPtrArray *
md_checkin_csv_parse_reader (MdCsvReader  *reader,
                             GPtrArray   **row_errors,
                             GError      **error)
{
  return parse (NULL, 0, reader, md_csv_reader_get_name (reader), NULL, row_errors, error);
}

static void
append_whole (GString *s,
              int      value)
{
  if (value != MD_UNKNOWN)
    g_string_append_printf (s, "%d", value);
}

char *
md_checkin_csv_format (GPtrArray *checkins)
{
  GString *s = g_string_new (MD_CHECKIN_CSV_HEADER "\n");

  g_return_val_if_fail (checkins != NULL, NULL);

  for (guint i = 0; i < checkins->len; i++)
    {
      const MdCheckin *c = g_ptr_array_index (checkins, i);
      g_autofree char *day = md_time_format_day (c->day);
      g_autofree char *supplements = c->supplements != NULL ? g_strjoinv (";", c->supplements) : g_strdup ("");

      g_string_append_printf (s, "%s,", day);
      if (c->sleep_min != MD_UNKNOWN)
        append_sleep_hours (s, c->sleep_min);
      for (guint k = 0; k < G_N_ELEMENTS (whole_columns); k++)
        {
          g_string_append_c (s, ',');
          append_whole (s, G_STRUCT_MEMBER (gint, c, whole_columns[k].offset));
        }
      g_string_append_c (s, ',');
      md_csv_append_field (s, supplements);
      g_string_append_c (s, ',');
      md_csv_append_field (s, c->medicines_started != NULL ? c->medicines_started : "");
      g_string_append_c (s, ',');
      md_csv_append_field (s, c->medicines_stopped != NULL ? c->medicines_stopped : "");
      g_string_append_c (s, ',');
      md_csv_append_field (s, c->note != NULL ? c->note : "");
      g_string_append_c (s, ',');
      if (c->bleeding != MD_UNKNOWN)
        g_string_append (s, md_bleeding_id (c->bleeding));
      g_string_append_c (s, ',');
      {
        g_autofree char *symptoms = md_checkin_format_symptoms (c);

        md_csv_append_field (s, symptoms);
      }
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static void
replace_text (char       **field,
              const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* A column the file does not have keeps the answer stored for that day. */
static void
keep_absent_answers (MdCheckin       *c,
                     const MdCheckin *stored,
                     const gboolean   present[N_COLS])
{
  if (!present[COL_SLEEP_HOURS])
    c->sleep_min = stored->sleep_min;
  for (guint k = 0; k < G_N_ELEMENTS (whole_columns); k++)
    if (!present[whole_columns[k].col])
      G_STRUCT_MEMBER (gint, c, whole_columns[k].offset) = G_STRUCT_MEMBER (gint, stored, whole_columns[k].offset);
  if (!present[COL_SUPPLEMENTS])
    {
      g_strfreev (c->supplements);
      c->supplements = g_strdupv (stored->supplements);
    }
  if (!present[COL_MEDICINES_STARTED])
    replace_text (&c->medicines_started, stored->medicines_started);
  if (!present[COL_MEDICINES_STOPPED])
    replace_text (&c->medicines_stopped, stored->medicines_stopped);
  if (!present[COL_NOTE])
    replace_text (&c->note, stored->note);
  if (!present[COL_BLEEDING])
    c->bleeding = stored->bleeding;
  if (!present[COL_SYMPTOMS])
    {
      g_autofree char *text = md_checkin_format_symptoms (stored);

      md_checkin_parse_symptoms (c, text, NULL);
    }
}

/* Stores parsed check-ins all or nothing: a day already in the diary is replaced, except for
 * the columns the file does not have. */
static gboolean
store_checkins (MdStore        *store,
                GPtrArray      *checkins,
                const gboolean  present[N_COLS],
                guint          *n_imported,
                guint          *n_replaced,
                GError        **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GHashTable) stored = NULL;
  gint64 lo = G_MAXINT64, hi = G_MININT64;
  guint replaced = 0;

  if (checkins->len == 0)
    return TRUE;
  for (guint i = 0; i < checkins->len; i++)
    {
      MdCheckin *c = g_ptr_array_index (checkins, i);

      lo = MIN (lo, c->day);
      hi = MAX (hi, c->day);
    }
  existing = md_store_checkins_between (store, lo, hi, error);
  if (existing == NULL)
    return FALSE;
  stored = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < existing->len; i++)
    {
      MdCheckin *c = g_ptr_array_index (existing, i);

      g_hash_table_insert (stored, &c->day, c);
    }
  for (guint i = 0; i < checkins->len; i++)
    {
      MdCheckin *c = g_ptr_array_index (checkins, i);
      const MdCheckin *old = g_hash_table_lookup (stored, &c->day);

      if (old != NULL)
        {
          keep_absent_answers (c, old, present);
          replaced++;
        }
    }

  if (!md_store_put_checkins (store, checkins, error))
    return FALSE;
  if (n_imported != NULL)
    *n_imported = checkins->len;
  if (n_replaced != NULL)
    *n_replaced = replaced;
  return TRUE;
}

gboolean
md_checkin_csv_import_data (MdStore    *store,
                            const char *data,
                            gsize       length,
                            const char *filename,
                            guint      *n_imported,
                            guint      *n_replaced,
                            GPtrArray **row_errors,
                            GError    **error)
{
  g_autoptr(GPtrArray) checkins = NULL;
  gboolean present[N_COLS];

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (n_replaced != NULL)
    *n_replaced = 0;

  checkins = parse (data, length, NULL, filename, present, row_errors, error);
  if (checkins == NULL)
    return FALSE;
  return store_checkins (store, checkins, present, n_imported, n_replaced, error);
}

gboolean
md_checkin_csv_export_file (MdStore    *store,
                            const char *path,
                            GError    **error)
{
  g_autoptr(GPtrArray) checkins = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  checkins = md_store_checkins_between (store, G_MININT64, G_MAXINT64, error);
  if (checkins == NULL)
    return FALSE;
  text = md_checkin_csv_format (checkins);
  return md_csv_write_output (path, text, error);
}

typedef struct {
  gboolean has_day;
  gboolean has_started_at;
  gboolean has_name;
  gboolean has_mrs_item;
} KindState;

static gboolean
kind_cb (const MdCsvRecord *r,
         gboolean           is_header,
         gpointer           user_data)
{
  KindState *k = user_data;

  for (guint i = 0; i < r->fields->len; i++)
    {
      const char *name = g_ptr_array_index (r->fields, i);

      k->has_day |= strcmp (name, "day") == 0;
      k->has_started_at |= strcmp (name, "started_at") == 0;
      k->has_name |= strcmp (name, "name") == 0;
      for (guint m = 0; m < MD_MRS_N_ITEMS; m++)
        k->has_mrs_item |= strcmp (name, md_mrs_item_id (m)) == 0;
    }
  return FALSE;  /* the header is all it needs */
}

MdCsvKind
md_csv_detect_kind (const char *data,
                    gsize       length)
{
  KindState k = { FALSE, FALSE, FALSE, FALSE };

  g_return_val_if_fail (data != NULL || length == 0, MD_CSV_KIND_EPISODES);

  md_csv_for_each_record (data, length, kind_cb, &k, NULL);
  if (k.has_started_at)
    return MD_CSV_KIND_EPISODES;
  if (k.has_day)
    return k.has_mrs_item ? MD_CSV_KIND_MRS : MD_CSV_KIND_CHECKINS;
  return k.has_name ? MD_CSV_KIND_MEDICINES : MD_CSV_KIND_EPISODES;
}

gboolean
md_csv_import_any_file (MdStore    *store,
                        const char *path,
                        MdCsvKind  *kind,
                        guint      *n_imported,
                        guint      *n_other,
                        GPtrArray **row_errors,
                        GError    **error)
{
  g_autoptr(MdCsvReader) reader = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  const char *head;
  gsize head_len;
  gboolean present[N_COLS];
  MdCsvKind found;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (n_other != NULL)
    *n_other = 0;
  if (kind != NULL)
    *kind = MD_CSV_KIND_EPISODES;

  /* Read a piece at a time: the header tells the kind, the rest streams. */
  reader = md_csv_reader_open (path, error);
  if (reader == NULL || !md_csv_reader_peek (reader, &head, &head_len, error))
    return FALSE;
  found = md_csv_detect_kind (head, head_len);
  if (kind != NULL)
    *kind = found;
  if (found == MD_CSV_KIND_EPISODES)
    return md_csv_import_reader (store, reader, n_imported, n_other, row_errors, error);
  if (found == MD_CSV_KIND_MEDICINES)
    return md_medicine_csv_import_reader (store, reader, n_imported, n_other, row_errors, error);
  if (found == MD_CSV_KIND_MRS)
    return md_mrs_csv_import_reader (store, reader, n_imported, n_other, row_errors, error);

  checkins = parse (NULL, 0, reader, md_csv_reader_get_name (reader), present, row_errors, error);
  if (checkins == NULL)
    return FALSE;
  return store_checkins (store, checkins, present, n_imported, n_other, error);
}
