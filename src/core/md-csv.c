/* md-csv.c: the episode CSV format: parsing (all or nothing, every bad row reported with its
 * line), formatting (byte-stable, so export-import-export gives the same file), and the file
 * level import and export used by the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "md-csv.h"
#include "md-time.h"

G_DEFINE_QUARK (md-csv-error-quark, md_csv_error)

/* The columns, in the order export writes them. */
typedef enum {
  COL_STARTED_AT,
  COL_REGIONS,
  COL_SIDE,
  COL_DURATION_S,
  COL_INTENSITY,
  COL_SIGNS,
  COL_TRIGGERS,
  COL_NOTES,
  N_COLS
} Column;

static const char * const column_names[N_COLS] = {
  "started_at", "regions", "side", "duration_s", "intensity", "signs", "triggers", "notes",
};

/* A NUL byte is not text: it is kept as a byte that is never valid UTF-8, so that the field
 * (a C string) is reported as not valid UTF-8 with its column instead of being cut short. */
#define NUL_MARK '\xff'

/* One record (a logical CSV row) as cut by the tokenizer. */
typedef struct {
  guint      line;          /* physical line the record starts on, from 1 */
  GPtrArray *fields;        /* char*, raw bytes (not yet checked for UTF-8) */
  gboolean   quoted_first;  /* the first field was quoted (so "" is not a blank line) */
  char      *error;         /* the first syntax problem, or NULL */
  gboolean   fatal;         /* the input cannot be cut any further (unterminated quote) */
} Record;

typedef struct {
  const char *p;
  const char *end;
  guint       line;
  gboolean    crlf_file;    /* the first line ends in CRLF: CRLF inside quotes becomes LF */
} Tokenizer;

typedef struct {
  const char *filename;
  GPtrArray  *errors;       /* char* "FILE:LINE: message" */
} Report;

static void
record_clear (Record *r)
{
  g_clear_pointer (&r->fields, g_ptr_array_unref);
  g_clear_pointer (&r->error, g_free);
}

static void
record_set_error (Record     *r,
                  const char *message)
{
  if (r->error == NULL)
    r->error = g_strdup (message);
}

static void G_GNUC_PRINTF (3, 4)
report_add (Report     *rep,
            guint       line,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (rep->errors, g_strdup_printf ("%s:%u: %s", rep->filename, line, message));
}

/* Cuts the next record. Returns FALSE at the end of the input. */
static gboolean
next_record (Tokenizer *t,
             Record    *r)
{
  memset (r, 0, sizeof *r);
  if (t->p >= t->end)
    return FALSE;

  r->line = t->line;
  r->fields = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      GString *field = g_string_new (NULL);
      gboolean quoted = FALSE;

      if (t->p < t->end && *t->p == '"')
        {
          gboolean closed = FALSE;

          quoted = TRUE;
          t->p++;
          while (t->p < t->end)
            {
              char c = *t->p;

              if (c == '"')
                {
                  if (t->p + 1 < t->end && t->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      t->p += 2;
                      continue;
                    }
                  t->p++;
                  closed = TRUE;
                  break;
                }
              if (c == '\r' && t->crlf_file && t->p + 1 < t->end && t->p[1] == '\n')
                {
                  g_string_append_c (field, '\n');
                  t->p += 2;
                  t->line++;
                  continue;
                }
              if (c == '\n')
                t->line++;
              g_string_append_c (field, c != '\0' ? c : NUL_MARK);
              t->p++;
            }
          if (!closed)
            {
              record_set_error (r, _("a quoted field is not closed: a \" is missing"));
              r->fatal = TRUE;
              g_ptr_array_add (r->fields, g_string_free (field, FALSE));
              return TRUE;
            }
          if (t->p < t->end && *t->p != ',' && *t->p != '\n' && *t->p != '\r')
            record_set_error (r, _("there is text after the closing \" of a quoted field"));
        }

      /* Unquoted text (or stray text after a closing quote, already reported). */
      while (t->p < t->end && *t->p != ',' && *t->p != '\n')
        {
          if (*t->p == '\r')
            {
              if (t->p + 1 < t->end && t->p[1] == '\n')
                break;
              record_set_error (r, _("a carriage return that does not end a line"));
            }
          else if (*t->p == '"' && !quoted)
            record_set_error (r, _("a \" inside a field: put the field in quotes and double the \" (\"\")"));
          g_string_append_c (field, *t->p != '\0' ? *t->p : NUL_MARK);
          t->p++;
        }

      if (r->fields->len == 0)
        r->quoted_first = quoted;
      g_ptr_array_add (r->fields, g_string_free (field, FALSE));

      if (t->p >= t->end)
        return TRUE;
      if (*t->p == ',')
        {
          t->p++;
          continue;
        }
      if (*t->p == '\r')
        t->p++;
      t->p++;  /* the '\n' */
      t->line++;
      return TRUE;
    }
}

static gboolean
record_is_blank (const Record *r)
{
  return r->error == NULL && r->fields->len == 1 && !r->quoted_first &&
         *(const char *) g_ptr_array_index (r->fields, 0) == '\0';
}

/* A value as shown in a message: in "quotes", control characters escaped, long text cut. */
static char *
quote_value (const char *value)
{
  GString *s = g_string_new ("\"");
  guint n = 0;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 40)
        {
          g_string_append (s, "…");
          break;
        }
      if (c == '\n')
        g_string_append (s, "\\n");
      else if (c == '\r')
        g_string_append (s, "\\r");
      else if (c == '\t')
        g_string_append (s, "\\t");
      else if (c == '"' || c == '\\')
        g_string_append_printf (s, "\\%c", (char) c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (s, "\\x%02x", c);
      else
        g_string_append_unichar (s, c);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* Reads the header. Fills @map (column -> field index, -1 when absent). */
static gboolean
parse_header (const Record *r,
              int           map[N_COLS],
              Report       *rep)
{
  gboolean ok = TRUE;

  for (guint c = 0; c < N_COLS; c++)
    map[c] = -1;

  if (r->error != NULL)
    {
      report_add (rep, r->line, _("header: %s"), r->error);
      return FALSE;
    }

  for (guint i = 0; i < r->fields->len; i++)
    {
      const char *name = g_ptr_array_index (r->fields, i);
      g_autofree char *shown = NULL;
      guint c;

      if (!g_utf8_validate (name, -1, NULL))
        {
          report_add (rep, r->line, _("header: column %u: the text is not valid UTF-8"), i + 1);
          ok = FALSE;
          continue;
        }
      shown = quote_value (name);
      for (c = 0; c < N_COLS; c++)
        if (strcmp (name, column_names[c]) == 0)
          break;
      if (c == N_COLS)
        {
          report_add (rep, r->line,
                      _("header: unknown column %s (the columns are %s)"), shown,
                      "started_at, regions, side, duration_s, intensity, signs, triggers, notes");
          ok = FALSE;
        }
      else if (map[c] >= 0)
        {
          report_add (rep, r->line, _("header: column %s appears more than once"), shown);
          ok = FALSE;
        }
      else
        map[c] = (int) i;
    }

  for (guint c = COL_STARTED_AT; c <= COL_REGIONS; c++)
    if (map[c] < 0)
      {
        report_add (rep, r->line, _("header: the required column \"%s\" is missing"), column_names[c]);
        ok = FALSE;
      }
  return ok;
}

/* Parses a whole number made of ASCII digits only; FALSE when it is not one or too large. */
static gboolean
parse_whole (const char *text,
             gint64      max,
             gint64     *out)
{
  guint64 v;

  if (*text == '\0' || !g_ascii_isdigit (*text))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, (guint64) max, &v, NULL))
    return FALSE;
  *out = (gint64) v;
  return TRUE;
}

static Column
column_of_episode_error (int code)
{
  switch (code)
    {
    case MD_EPISODE_ERROR_START:
    case MD_EPISODE_ERROR_OFFSET:    return COL_STARTED_AT;
    case MD_EPISODE_ERROR_REGIONS:   return COL_REGIONS;
    case MD_EPISODE_ERROR_SIDE:      return COL_SIDE;
    case MD_EPISODE_ERROR_DURATION:  return COL_DURATION_S;
    case MD_EPISODE_ERROR_INTENSITY: return COL_INTENSITY;
    case MD_EPISODE_ERROR_SIGNS:     return COL_SIGNS;
    case MD_EPISODE_ERROR_TRIGGERS:  return COL_TRIGGERS;
    case MD_EPISODE_ERROR_NOTES:
    default:                         return COL_NOTES;
    }
}

/* Turns one record into an episode, reporting every bad column. */
static MdEpisode *
parse_row (const Record *r,
           const int     map[N_COLS],
           guint         n_header_fields,
           GTimeZone    *local_tz,
           gint64        now_utc,
           Report       *rep)
{
  g_autoptr(MdEpisode) ep = md_episode_new ();
  g_autoptr(GError) local = NULL;
  const char *raw[N_COLS] = { NULL };
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  guint n_errors = rep->errors->len;

  if (r->error != NULL)
    {
      report_add (rep, r->line, "%s", r->error);
      return NULL;
    }
  if (r->fields->len != n_header_fields)
    {
      report_add (rep, r->line,
                  g_dngettext (GETTEXT_PACKAGE,
                               "this row has %u field, but the header has %u columns",
                               "this row has %u fields, but the header has %u columns",
                               r->fields->len),
                  r->fields->len, n_header_fields);
      return NULL;
    }

  for (guint c = 0; c < N_COLS; c++)
    {
      if (map[c] < 0)
        continue;
      raw[c] = g_ptr_array_index (r->fields, map[c]);
      if (!g_utf8_validate (raw[c], -1, NULL))
        {
          report_add (rep, r->line, _("%s: the text is not valid UTF-8"), column_names[c]);
          raw[c] = NULL;
          continue;
        }
      /* Spaces around a value do not matter, except in notes. */
      if (c != COL_NOTES)
        {
          char *copy = g_strstrip (g_strdup (raw[c]));

          g_ptr_array_add (owned, copy);
          raw[c] = copy;
        }
    }
  if (rep->errors->len > n_errors)
    return NULL;

  if (*raw[COL_STARTED_AT] == '\0')
    report_add (rep, r->line, _("started_at: it is empty; give the start as YYYY-MM-DDTHH:MM"));
  else if (!md_time_parse_iso8601 (raw[COL_STARTED_AT], local_tz, &ep->start_utc, &ep->utc_offset_s, NULL))
    {
      g_autofree char *shown = quote_value (raw[COL_STARTED_AT]);

      report_add (rep, r->line,
                  _("started_at: %s is not a time of the form YYYY-MM-DDTHH:MM[:SS] with Z, ±HH:MM or nothing"),
                  shown);
    }

  {
    g_autofree char *bad = NULL;

    if (!md_regions_from_string (raw[COL_REGIONS], &ep->regions, &bad))
      {
        g_autofree char *shown = quote_value (bad);

        report_add (rep, r->line, _("regions: unknown region %s"), shown);
      }
    else if (ep->regions == 0)
      report_add (rep, r->line, _("regions: it is empty; give at least one region, such as eyelid-lower"));
  }

  if (raw[COL_SIDE] != NULL && !md_side_from_id (raw[COL_SIDE], &ep->side))
    {
      g_autofree char *shown = quote_value (raw[COL_SIDE]);

      report_add (rep, r->line, _("side: %s is not left, right, both or empty"), shown);
    }

  if (raw[COL_DURATION_S] != NULL && *raw[COL_DURATION_S] != '\0' &&
      (!parse_whole (raw[COL_DURATION_S], MD_DURATION_MAX_S, &ep->duration_s) || ep->duration_s < 1))
    {
      g_autofree char *shown = quote_value (raw[COL_DURATION_S]);

      ep->duration_s = MD_UNKNOWN;
      report_add (rep, r->line,
                  _("duration_s: %s is not a whole number of seconds from 1 to %d (30 days)"),
                  shown, MD_DURATION_MAX_S);
    }

  if (raw[COL_INTENSITY] != NULL && *raw[COL_INTENSITY] != '\0')
    {
      gint64 v;

      if (parse_whole (raw[COL_INTENSITY], MD_INTENSITY_MAX, &v))
        ep->intensity = (int) v;
      else
        {
          g_autofree char *shown = quote_value (raw[COL_INTENSITY]);

          report_add (rep, r->line, _("intensity: %s is not a whole number from 0 to %d"),
                      shown, MD_INTENSITY_MAX);
        }
    }

  {
    g_autofree char *bad = NULL;

    if (raw[COL_SIGNS] != NULL && !md_signs_from_string (raw[COL_SIGNS], &ep->signs, &bad))
      {
        g_autofree char *shown = quote_value (bad);

        report_add (rep, r->line, _("signs: unknown sign %s"), shown);
      }
  }

  {
    g_autofree char *bad = NULL;

    if (raw[COL_TRIGGERS] != NULL && !md_triggers_from_string (raw[COL_TRIGGERS], &ep->triggers, &bad))
      {
        g_autofree char *shown = quote_value (bad);

        report_add (rep, r->line, _("triggers: unknown trigger %s"), shown);
      }
  }

  if (raw[COL_NOTES] != NULL)
    md_episode_set_notes (ep, raw[COL_NOTES]);

  if (rep->errors->len > n_errors)
    return NULL;

  /* The same checks as the form, so the words agree; the message starts with the form's
   * label ("Start time: …"), which the column name replaces. */
  if (!md_episode_validate (ep, now_utc, &local))
    {
      const char *colon = strstr (local->message, ": ");
      const char *what = colon != NULL ? colon + 2 : local->message;

      report_add (rep, r->line, "%s: %s", column_names[column_of_episode_error (local->code)], what);
      return NULL;
    }
  return g_steal_pointer (&ep);
}

GPtrArray *
md_csv_parse (const char *data,
              gsize       length,
              const char *filename,
              GTimeZone  *local_tz,
              gint64      now_utc,
              GPtrArray **row_errors,
              GError    **error)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  Report rep = { filename != NULL ? filename : "-", errors };
  Tokenizer t = { data, data + length, 1, FALSE };
  Record r;
  int map[N_COLS];
  gboolean have_header = FALSE;
  guint n_header_fields = 0;
  guint n_bad_rows = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (row_errors == NULL || *row_errors == NULL, NULL);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    t.p += 3;
  {
    const char *nl = memchr (t.p, '\n', t.end - t.p);

    t.crlf_file = nl != NULL && nl > t.p && nl[-1] == '\r';
  }

  episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  while (next_record (&t, &r))
    {
      gboolean fatal = r.fatal;

      if (record_is_blank (&r))
        {
          record_clear (&r);
          continue;
        }
      if (!have_header)
        {
          have_header = TRUE;
          n_header_fields = r.fields->len;
          if (!parse_header (&r, map, &rep))
            {
              record_clear (&r);
              break;
            }
        }
      else
        {
          MdEpisode *ep = parse_row (&r, map, n_header_fields, local_tz, now_utc, &rep);

          if (ep != NULL)
            g_ptr_array_add (episodes, ep);
          else
            n_bad_rows++;
        }
      record_clear (&r);
      if (fatal)
        break;
    }

  if (!have_header)
    report_add (&rep, 1, _("the file is empty; the first line must be the header %s"), MD_CSV_HEADER);

  if (errors->len > 0)
    {
      if (n_bad_rows > 0)
        g_set_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u row of “%s” has problems; nothing was imported.",
                                  "%u rows of “%s” have problems; nothing was imported.",
                                  n_bad_rows),
                     n_bad_rows, rep.filename);
      else
        g_set_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA,
                     _("“%s” is not a Menodiary episode file; nothing was imported."), rep.filename);
      if (row_errors != NULL)
        *row_errors = g_steal_pointer (&errors);
      return NULL;
    }
  return g_steal_pointer (&episodes);
}

static void
append_field (GString    *s,
              const char *value)
{
  gsize len = strlen (value);
  gboolean quote = strpbrk (value, ",\"\r\n") != NULL ||
                   (len > 0 && (g_ascii_isspace (value[0]) || g_ascii_isspace (value[len - 1])));

  if (!quote)
    {
      g_string_append (s, value);
      return;
    }
  g_string_append_c (s, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

char *
md_csv_format (GPtrArray *episodes)
{
  GString *s = g_string_new (MD_CSV_HEADER "\n");

  g_return_val_if_fail (episodes != NULL, NULL);

  for (guint i = 0; i < episodes->len; i++)
    {
      const MdEpisode *ep = g_ptr_array_index (episodes, i);
      g_autofree char *start = md_time_format_iso8601 (ep->start_utc, ep->utc_offset_s, FALSE);
      g_autofree char *regions = md_regions_to_string (ep->regions);
      g_autofree char *signs = md_signs_to_string (ep->signs);
      g_autofree char *triggers = md_triggers_to_string (ep->triggers);

      g_string_append_printf (s, "%s,%s,%s,", start, regions,
                              (guint) ep->side < MD_N_SIDES ? md_side_id (ep->side) : "");
      if (ep->duration_s != MD_UNKNOWN)
        g_string_append_printf (s, "%" G_GINT64_FORMAT, ep->duration_s);
      g_string_append_c (s, ',');
      if (ep->intensity != MD_UNKNOWN)
        g_string_append_printf (s, "%d", ep->intensity);
      g_string_append_printf (s, ",%s,%s,", signs, triggers);
      append_field (s, ep->notes != NULL ? ep->notes : "");
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static gboolean
read_stdin (char  **contents,
            gsize  *length,
            GError **error)
{
  GString *s = g_string_new (NULL);
  char buf[8192];
  size_t n;

  while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
    g_string_append_len (s, buf, n);
  if (ferror (stdin))
    {
      g_string_free (s, TRUE);
      g_set_error_literal (error, MD_CSV_ERROR, MD_CSV_ERROR_IO,
                           _("Could not read the standard input."));
      return FALSE;
    }
  *length = s->len;
  *contents = g_string_free (s, FALSE);
  return TRUE;
}

gboolean
md_csv_import_file (MdStore    *store,
                    const char *path,
                    guint      *n_added,
                    guint      *n_skipped,
                    GPtrArray **row_errors,
                    GError    **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *name = path;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  if (strcmp (path, "-") == 0)
    {
      name = _("(standard input)");
      if (!read_stdin (&contents, &length, error))
        return FALSE;
    }
  else if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, MD_CSV_ERROR, MD_CSV_ERROR_IO, "%s", local->message);
      return FALSE;
    }

  episodes = md_csv_parse (contents, length, name, NULL, md_store_get_now (store), row_errors, error);
  if (episodes == NULL)
    return FALSE;
  return md_store_add_episodes (store, episodes, TRUE, n_added, n_skipped, error);
}

gboolean
md_csv_export_file (MdStore    *store,
                    const char *path,
                    GError    **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  episodes = md_store_episodes_between (store, G_MININT64, G_MAXINT64, error);
  if (episodes == NULL)
    return FALSE;
  text = md_csv_format (episodes);
  length = strlen (text);

  if (strcmp (path, "-") == 0)
    {
      if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error_literal (error, MD_CSV_ERROR, MD_CSV_ERROR_IO,
                               _("Could not write to the standard output."));
          return FALSE;
        }
      return TRUE;
    }

  /* Health data: readable by her alone, and never a half-written file. */
  if (!g_file_set_contents_full (path, text, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0600, &local))
    {
      g_set_error (error, MD_CSV_ERROR, MD_CSV_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}
