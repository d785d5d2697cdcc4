/* test-summary.c: the clinician summary from the window: through GtkPrintOperation and as PDF. */
#include "config.h"

#include "md-diary.h"
#include <locale.h>

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "md-application.h"
#include "md-summary-dialog.h"
#include "md-test-utils.h"
#include "md-time.h"
#include "md-ui-test-utils.h"

typedef struct {
  char            *dir;
  MdStore         *store;
  MdDiary         *diary;
  MdSummaryDialog *dialog;
  gint64           today;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  gint64 now = md_time_now ();

  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  f->today = md_time_day_of (now);
  /* One episode every other day over the last 60 days, and one 200 days ago. */
  for (int d = 1; d <= 60; d += 2)
    g_ptr_array_add (eps, md_test_episode (now - d * 86400));
  g_ptr_array_add (eps, md_test_episode (now - 200 * 86400));
  g_assert_true (md_store_add_episodes (f->store, eps, FALSE, NULL, NULL, NULL));
  f->dialog = md_summary_dialog_new (NULL, f->diary, NULL);
  gtk_window_present (GTK_WINDOW (f->dialog));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static char *
run_tool (const char *tool, const char *path)
{
  const char *argv[] = { tool, path, tool[3] == 't' ? "-" : NULL, NULL };
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, NULL, NULL));
  return out;
}

static void
test_export_through_print_operation (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *from = md_time_format_day (f->today - 89);
  g_autofree char *period = NULL;

  md_ui_test_screenshot (GTK_WIDGET (f->dialog), "summary-dialog");
  g_assert_true (md_summary_dialog_export_pdf (f->dialog, path, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", path);
  info = run_tool ("pdfinfo", path);
  /* The default period is the last 90 days: 30 episodes, not the old one. */
  period = g_strdup_printf ("Period %s to", from);
  g_assert_nonnull (strstr (text, period));
  g_assert_nonnull (strstr (text, "summary for the clinician"));
  g_assert_nonnull (strstr (text, "Twitching on 30 of the 90 days"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_assert_nonnull (strstr (info, "595.") ? info : NULL);   /* A4 by default here */
}

static void
test_period_and_paper (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "saved.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info_text = NULL;
  MdReportInfo info;
  GtkWidget *row;

  /* Choose "Last year" and US Letter through the dialog's rows. */
  for (row = gtk_widget_get_first_child (GTK_WIDGET (f->dialog)); row != NULL;)
    {
      GtkWidget *next = gtk_widget_get_first_child (row);
      if (ADW_IS_COMBO_ROW (row))
        break;
      while (next == NULL && row != NULL)
        {
          next = gtk_widget_get_next_sibling (row);
          if (next == NULL)
            row = gtk_widget_get_parent (row);
        }
      row = next;
    }
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 3);
  {
    /* The paper row is the next combo row (the From and To rows come between, hidden). */
    GtkWidget *paper = gtk_widget_get_next_sibling (row);

    while (paper != NULL && !ADW_IS_COMBO_ROW (paper))
      paper = gtk_widget_get_next_sibling (paper);
    g_assert_nonnull (paper);
    adw_combo_row_set_selected (ADW_COMBO_ROW (paper), 1);
  }
  md_summary_dialog_get_info (f->dialog, &info);
  g_assert_cmpint (info.to_day - info.from_day + 1, ==, 365);
  g_assert_true (info.letter);

  g_assert_true (md_summary_dialog_save_pdf (f->dialog, path, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", path);
  info_text = run_tool ("pdfinfo", path);
  g_assert_nonnull (strstr (text, "(365 days)"));
  /* Counted from the first diary day inside the period (200 days ago), not over the year. */
  g_assert_nonnull (strstr (text, "Twitching on 31 of the 201 days"));
  g_assert_nonnull (strstr (info_text, "612 x 792"));
}

/* Any period: the dates chosen in the calendars are the period printed; a last day before the
 * first cannot be printed. */
static void
test_chosen_dates (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "chosen.pdf", NULL);
  g_autofree char *argv_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *from = md_time_format_day (f->today - 50);
  g_autofree char *to = md_time_format_day (f->today - 20);
  g_autofree char *expected = g_strdup_printf ("Period %s to %s", from, to);
  MdReportInfo info;
  int status;

  md_summary_dialog_set_period (f->dialog, f->today - 50, f->today - 20);
  md_summary_dialog_get_info (f->dialog, &info);
  g_assert_cmpint (info.from_day, ==, f->today - 50);
  g_assert_cmpint (info.to_day, ==, f->today - 20);
  g_assert_true (md_summary_dialog_save_pdf (f->dialog, path, &error));
  g_assert_no_error (error);
  argv_text = g_strdup_printf ("pdftotext -layout %s -", path);
  g_assert_true (g_spawn_command_line_sync (argv_text, &text, NULL, &status, NULL));
  g_assert_nonnull (strstr (text, expected));

  md_summary_dialog_set_period (f->dialog, f->today - 20, f->today - 50);
  g_assert_false (md_summary_dialog_can_print (f->dialog));
  md_summary_dialog_set_period (f->dialog, f->today - 50, f->today - 50);
  g_assert_true (md_summary_dialog_can_print (f->dialog));
}

/* The menopause picture comes from Preferences, as for --report. */
static void
test_menopause_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MdSummaryDialog *dialog;
  MdReportInfo info;

  g_settings_set_string (settings, "menopause-stage", "perimenopause");
  g_settings_set_string (settings, "hrt", "yes");
  g_settings_set_string (settings, "last-period", "2025-02-14");
  dialog = md_summary_dialog_new (NULL, f->diary, settings);
  md_summary_dialog_get_info (dialog, &info);
  g_assert_cmpstr (info.stage, ==, "perimenopause");
  g_assert_cmpstr (info.hrt, ==, "yes");
  g_assert_cmpstr (info.last_period, ==, "2025-02-14");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "menopause-stage");
  g_settings_reset (settings, "hrt");
  g_settings_reset (settings, "last-period");
}

int
main (int argc, char *argv[])
{
  md_ui_test_init (&argc, &argv);
  adw_init ();
  g_test_add ("/summary/export-through-print-operation", Fixture, NULL, setup, test_export_through_print_operation, teardown);
  g_test_add ("/summary/period-and-paper", Fixture, NULL, setup, test_period_and_paper, teardown);
  g_test_add ("/summary/chosen-dates", Fixture, NULL, setup, test_chosen_dates, teardown);
  g_test_add ("/summary/menopause-settings", Fixture, NULL, setup, test_menopause_settings, teardown);
  return g_test_run ();
}
