/* md-csv.c: the episode CSV format: parsing (all or nothing, every bad row reported with its
 * line), formatting (byte-stable, so export-import-export gives the same file), and the file
 * level import and export used by the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "md-csv.h"
#include "md-csv-io.h"
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

/* Reads the header. Fills @map (column -> field index, -1 when absent). */
static gboolean
parse_header (const MdCsvRecord *r,
              int                map[N_COLS],
              MdCsvReport       *rep)
{
  gboolean ok = md_csv_parse_header (r, column_names, N_COLS, map, rep);

  if (r->error != NULL)
    return FALSE;
  for (guint c = COL_STARTED_AT; c <= COL_REGIONS; c++)
    if (map[c] < 0)
      {
        md_csv_report_add (rep, r->line, _("header: the required column \"%s\" is missing"), column_names[c]);
        ok = FALSE;
      }
  return ok;
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
parse_row (const MdCsvRecord *r,
           const int          map[N_COLS],
           guint              n_header_fields,
           GTimeZone         *local_tz,
           gint64             now_utc,
           MdCsvReport       *rep)
{
  g_autoptr(MdEpisode) ep = md_episode_new ();
  g_autoptr(GError) local = NULL;
  const char *raw[N_COLS] = { NULL };
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  guint n_errors = rep->errors->len;

  /* Spaces around a value do not matter, except in notes. */
  if (!md_csv_row_values (r, n_header_fields, column_names, N_COLS, map, 1u << COL_NOTES,
                          raw, owned, rep))
    return NULL;

  if (*raw[COL_STARTED_AT] == '\0')
    md_csv_report_add (rep, r->line, _("started_at: it is empty; give the start as YYYY-MM-DDTHH:MM"));
  else if (!md_time_parse_iso8601 (raw[COL_STARTED_AT], local_tz, &ep->start_utc, &ep->utc_offset_s, NULL))
    {
      g_autofree char *shown = md_csv_quote_value (raw[COL_STARTED_AT]);

      md_csv_report_add (rep, r->line,
                  _("started_at: %s is not a time of the form YYYY-MM-DDTHH:MM[:SS] with Z, ±HH:MM or nothing"),
                  shown);
    }

  {
    g_autofree char *bad = NULL;

    if (!md_regions_from_string (raw[COL_REGIONS], &ep->regions, &bad))
      {
        g_autofree char *shown = md_csv_quote_value (bad);

        md_csv_report_add (rep, r->line, _("regions: unknown region %s"), shown);
      }
    else if (ep->regions == 0)
      md_csv_report_add (rep, r->line, _("regions: it is empty; give at least one region, such as eyelid-lower"));
  }

  if (raw[COL_SIDE] != NULL && !md_side_from_id (raw[COL_SIDE], &ep->side))
    {
      g_autofree char *shown = md_csv_quote_value (raw[COL_SIDE]);

      md_csv_report_add (rep, r->line, _("side: %s is not left, right, both or empty"), shown);
    }

  if (raw[COL_DURATION_S] != NULL && *raw[COL_DURATION_S] != '\0' &&
      (!md_csv_parse_whole (raw[COL_DURATION_S], MD_DURATION_MAX_S, &ep->duration_s) || ep->duration_s < 1))
    {
      g_autofree char *shown = md_csv_quote_value (raw[COL_DURATION_S]);

      ep->duration_s = MD_UNKNOWN;
      md_csv_report_add (rep, r->line,
                  _("duration_s: %s is not a whole number of seconds from 1 to %d (30 days)"),
                  shown, MD_DURATION_MAX_S);
    }

  if (raw[COL_INTENSITY] != NULL && *raw[COL_INTENSITY] != '\0')
    {
      gint64 v;

      if (md_csv_parse_whole (raw[COL_INTENSITY], MD_INTENSITY_MAX, &v))
        ep->intensity = (int) v;
      else
        {
          g_autofree char *shown = md_csv_quote_value (raw[COL_INTENSITY]);

          md_csv_report_add (rep, r->line, _("intensity: %s is not a whole number from 0 to %d"),
                      shown, MD_INTENSITY_MAX);
        }
    }

  {
    g_autofree char *bad = NULL;

    if (raw[COL_SIGNS] != NULL && !md_signs_from_string (raw[COL_SIGNS], &ep->signs, &bad))
      {
        g_autofree char *shown = md_csv_quote_value (bad);

        md_csv_report_add (rep, r->line, _("signs: unknown sign %s"), shown);
      }
  }

  {
    g_autofree char *bad = NULL;

    if (raw[COL_TRIGGERS] != NULL && !md_triggers_from_string (raw[COL_TRIGGERS], &ep->triggers, &bad))
      {
        g_autofree char *shown = md_csv_quote_value (bad);

        md_csv_report_add (rep, r->line, _("triggers: unknown trigger %s"), shown);
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

      md_csv_report_add (rep, r->line, "%s: %s", column_names[column_of_episode_error (local->code)], what);
      return NULL;
    }
  return g_steal_pointer (&ep);
}

typedef struct {
  MdCsvReport   rep;
  GPtrArray    *episodes;      /* where the rows go, or... */
  MdStoreAdder *adder;         /* ...straight into the diary while every row so far is good */
  GError       *store_error;   /* the adder failed (the rows after it are only checked) */
  GTimeZone    *local_tz;
  gint64        now_utc;
  int           map[N_COLS];
  guint         n_header_fields;
} ParseState;

static gboolean
record_cb (const MdCsvRecord *r,
           gboolean           is_header,
           gpointer           user_data)
{
  ParseState *st = user_data;
  MdEpisode *ep;

  if (is_header)
    {
      st->n_header_fields = r->fields->len;
      return parse_header (r, st->map, &st->rep);
    }
  ep = parse_row (r, st->map, st->n_header_fields, st->local_tz, st->now_utc, &st->rep);
  if (ep == NULL)
    return FALSE;
  if (st->adder == NULL)
    g_ptr_array_add (st->episodes, ep);
  else if (st->rep.errors->len == 0 && st->store_error == NULL)
    {
      if (!md_store_adder_add (st->adder, ep, &st->store_error) && st->store_error == NULL)
        g_set_error_literal (&st->store_error, MD_STORE_ERROR, MD_STORE_ERROR_FAILED,
                             _("The episodes could not be written into the diary; nothing was imported."));
    }
  else
    md_episode_free (ep);   /* nothing will be kept: only the rest of the rows are checked */
  return TRUE;
}

/* The parse of either a whole text or a reader: @run cuts the records. */
/* With @adder, the rows go into it (the array returned is empty). */
static GPtrArray *
parse (const char   *filename,
       GTimeZone    *local_tz,
       gint64        now_utc,
       gboolean    (*run) (ParseState *st, gboolean *have_header, guint *n_bad, gpointer data, GError **error),
       gpointer      data,
       MdStoreAdder *adder,
       GPtrArray   **row_errors,
       GError      **error)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  ParseState st = { { filename != NULL ? filename : "-", errors }, NULL, adder, NULL, local_tz, now_utc, { 0 }, 0 };
  gboolean have_header = FALSE;
  guint n_bad_rows = 0;

  g_return_val_if_fail (row_errors == NULL || *row_errors == NULL, NULL);

  episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  st.episodes = episodes;
  if (!run (&st, &have_header, &n_bad_rows, data, error))
    {
      g_clear_error (&st.store_error);
      return NULL;
    }

  if (!have_header)
    md_csv_report_add (&st.rep, 1, _("the file is empty; the first line must be the header %s"), MD_CSV_HEADER);

  if (errors->len > 0)
    {
      g_autofree char *wrong = g_strdup_printf (_("“%s” is not a Menodiary episode file; nothing was imported."),
                                                st.rep.filename);

      g_clear_error (&st.store_error);
      md_csv_fail_parse (&errors, n_bad_rows, st.rep.filename, wrong, row_errors, error);
      return NULL;
    }
  if (st.store_error != NULL)
    {
      g_propagate_error (error, st.store_error);
      return NULL;
    }
  return g_steal_pointer (&episodes);
}

typedef struct {
  const char *data;
  gsize       length;
} Text;

static gboolean
run_text (ParseState  *st,
          gboolean    *have_header,
          guint       *n_bad,
          gpointer     data,
          GError     **error)
{
  const Text *text = data;

  *have_header = md_csv_for_each_record (text->data, text->length, record_cb, st, n_bad);
  return TRUE;
}

static gboolean
run_reader (ParseState  *st,
            gboolean    *have_header,
            guint       *n_bad,
            gpointer     data,
            GError     **error)
{
  return md_csv_reader_for_each_record (data, record_cb, st, have_header, n_bad, error);
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
  Text text = { data, length };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  return parse (filename, local_tz, now_utc, run_text, &text, NULL, row_errors, error);
}

GPtrArray *
md_csv_parse_reader (MdCsvReader  *reader,
                     GTimeZone    *local_tz,
                     gint64        now_utc,
                     GPtrArray   **row_errors,
                     GError      **error)
{
  return parse (md_csv_reader_get_name (reader), local_tz, now_utc, run_reader, reader, NULL, row_errors, error);
}

gboolean
md_csv_import_reader (MdStore     *store,
                      MdCsvReader *reader,
                      guint       *n_added,
                      guint       *n_skipped,
                      GPtrArray  **row_errors,
                      GError     **error)
{
  g_autoptr(MdStoreAdder) adder = md_store_adder_new (store, TRUE);
  g_autoptr(GPtrArray) none = NULL;

  /* Each good row goes into the diary as it is read (in one transaction, so a bad row later
   * still leaves nothing): a large file is never held whole. */
  none = parse (md_csv_reader_get_name (reader), NULL, md_store_get_now (store), run_reader, reader,
                adder, row_errors, error);
  if (none == NULL)
    return FALSE;
  return md_store_adder_commit (adder, n_added, n_skipped, error);
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
      md_csv_append_field (s, ep->notes != NULL ? ep->notes : "");
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

gboolean
md_csv_import_file (MdStore    *store,
                    const char *path,
                    guint      *n_added,
                    guint      *n_skipped,
                    GPtrArray **row_errors,
                    GError    **error)
{
  g_autoptr(MdCsvReader) reader = NULL;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  /* Read a piece at a time: a large file is never held whole. */
  reader = md_csv_reader_open (path, error);
  if (reader == NULL)
    return FALSE;
  return md_csv_import_reader (store, reader, n_added, n_skipped, row_errors, error);
}

gboolean
md_csv_import_data (MdStore    *store,
                    const char *data,
                    gsize       length,
                    const char *filename,
                    guint      *n_added,
                    guint      *n_skipped,
                    GPtrArray **row_errors,
                    GError    **error)
{
  g_autoptr(MdStoreAdder) adder = NULL;
  g_autoptr(GPtrArray) none = NULL;
  Text text = { data, length };

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  adder = md_store_adder_new (store, TRUE);
  none = parse (filename, NULL, md_store_get_now (store), run_text, &text, adder, row_errors, error);
  if (none == NULL)
    return FALSE;
  return md_store_adder_commit (adder, n_added, n_skipped, error);
}

gboolean
md_csv_export_file (MdStore    *store,
                    const char *path,
                    GError    **error)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  episodes = md_store_episodes_between (store, G_MININT64, G_MAXINT64, error);
  if (episodes == NULL)
    return FALSE;
  text = md_csv_format (episodes);
  return md_csv_write_output (path, text, error);
}
