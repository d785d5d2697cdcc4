/* bench-report.c: 90 days of a realistic diary to a clinician summary PDF.
 *
 * Target: under 150 ms from the open diary to the written PDF. Baseline, in the same run:
 * raw Cairo writing a two-page PDF with the same number of text lines (cairo_show_text),
 * so the ratio says what the layout, statistics and rules cost on top of PDF output itself.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "md-bench-data.h"
#include "md-doc.h"
#include "md-report.h"
#include "md-store.h"
#include "md-time.h"

#define RUNS 9

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *v, guint n)
{
  qsort (v, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return v[n / 2];
}

static void
raw_cairo_pdf (const char *path, guint n_lines)
{
  cairo_surface_t *s = cairo_pdf_surface_create (path, MD_PAPER_A4_WIDTH, MD_PAPER_A4_HEIGHT);
  cairo_t *cr = cairo_create (s);

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 9);
  for (guint i = 0; i < n_lines; i++)
    {
      if (i > 0 && i % 70 == 0)
        cairo_show_page (cr);
      cairo_move_to (cr, 42, 50 + (i % 70) * 11);
      cairo_show_text (cr, "2025-03-27  Lower eyelid, left  Dizziness, Pain (3 episodes)");
    }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("menodiary-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "diary.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *raw = g_build_filename (dir, "raw.pdf", NULL);
  g_autoptr(MdStore) store = md_store_open (db, &error);
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  gint64 now = md_time_now ();
  gint64 today = md_time_day_of (now);
  double t_report[RUNS], t_raw[RUNS];
  guint n_lines = 0;
  MdReportInfo info = { 0 };

  g_assert_no_error (error);
  /* Two years of diary, about 1.5 episodes a day; the summary covers the last 90 days. */
  md_bench_generate (today, 730, 1.5, 42, &episodes, &checkins);
  for (guint i = episodes->len; i > 0; i--)
    if (((MdEpisode *) episodes->pdata[i - 1])->start_utc > now)
      g_ptr_array_remove_index (episodes, i - 1);
  g_assert_true (md_store_add_episodes (store, episodes, FALSE, NULL, NULL, NULL));
  g_assert_true (md_store_put_checkins (store, checkins, NULL));

  info.from_day = today - 89;
  info.to_day = today;
  info.made_utc = now;

  for (int r = 0; r < RUNS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(MdDoc) doc = md_report_build_from_store (store, &info, style, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_true (md_doc_write_pdf (doc, pdf, &error));
      t_report[r] = (g_get_monotonic_time () - t0) / 1000.0;
      if (n_lines == 0)
        {
          text = md_doc_get_text (doc);
          for (const char *p = text; *p; p++)
            n_lines += *p == '\n';
        }
      t0 = g_get_monotonic_time ();
      raw_cairo_pdf (raw, n_lines);
      t_raw[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  {
    double rep = median (t_report, RUNS), base = median (t_raw, RUNS);

    g_print ("bench-report: %u episodes in the diary, 90-day summary to PDF\n", episodes->len);
    g_print ("  summary PDF      %7.1f ms (median of %d; target < 150 ms) %s\n", rep, RUNS, rep < 150 ? "OK" : "SLOW");
    g_print ("  raw Cairo PDF    %7.1f ms (%u text lines)\n", base, n_lines);
    g_print ("  ratio            %7.2f\n", rep / base);
  }
  g_unlink (pdf);
  g_unlink (raw);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
