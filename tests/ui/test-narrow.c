/* test-narrow.c: every window works on a phone-sized screen: its minimum width is at most
 * 360 px (measured by GTK, the same measure that decides the smallest size a user can give it),
 * with alerts shown, in the window, each form and dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "md-alerts-window.h"
#include "md-checkin-editor.h"
#include "md-diary.h"
#include "md-episode-editor.h"
#include "md-medicines-dialog.h"
#include "md-mrs-dialog.h"
#include "md-preferences.h"
#include "md-summary-dialog.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"
#include "md-window.h"

#define NOW G_GINT64_CONSTANT (1742203800)  /* 2025-03-17 09:30 UTC */
#define MAX_WIDTH 360

typedef struct {
  char      *dir;
  MdStore   *store;
  MdDiary   *diary;
  GSettings *settings;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  md_diary_set_now (f->diary, NOW);
  f->settings = g_settings_new (APP_ID);
  /* Enough to raise several alerts, an emergency among them. */
  for (int i = 0; i < 6; i++)
    {
      g_autoptr(MdEpisode) ep = md_test_episode (NOW - i * 3 * 86400 - 3600);

      if (i == 0)
        ep->signs = MD_BIT (MD_SIGN_WEAKNESS);
      ep->regions = MD_BIT (i % 2 ? MD_REGION_CHEEK : MD_REGION_EYELID_LOWER);
      g_assert_true (md_diary_add_episode (f->diary, ep, NULL));
    }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->settings);
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

/* With MD_NARROW_DEBUG set: which widgets ask for the width. */
static void
dump_widths (GtkWidget *widget,
             int        depth)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > 200)
    g_test_message ("%*s%s %s: %d", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                    ADW_IS_PREFERENCES_ROW (widget) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))
                    : GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : "", min);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    dump_widths (c, depth + 1);
}

static int
min_width (GtkWidget *window)
{
  int min = 0;

  gtk_window_present (GTK_WINDOW (window));
  md_ui_test_flush ();
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

static void
check (GtkWidget  *window,
       const char *what)
{
  int min = min_width (window);

  g_test_message ("%s: minimum width %d px", what, min);
  if (min > MAX_WIDTH && g_getenv ("MD_NARROW_DEBUG") != NULL)
    dump_widths (window, 0);
  g_assert_cmpint (min, <=, MAX_WIDTH);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_main_window (Fixture *f, gconstpointer data)
{
  MdWindow *window = md_window_new (NULL, f->diary);

  md_window_set_emergency_number (window, "112");
  check (GTK_WIDGET (window), "the main window");
}

static void
test_episode_form (Fixture *f, gconstpointer data)
{
  check (GTK_WIDGET (md_episode_editor_new (NULL, f->diary, NULL)), "Log Episode");
}

static void
test_checkin_form (Fixture *f, gconstpointer data)
{
  const char *supps[] = { "Magnesium", "Vitamin D", NULL };

  check (GTK_WIDGET (md_checkin_editor_new (NULL, f->diary, supps, md_diary_get_today (f->diary))), "Check-in");
}

static void
test_summary (Fixture *f, gconstpointer data)
{
  check (GTK_WIDGET (md_summary_dialog_new (NULL, f->diary, NULL)), "Clinician Summary");
}

static void
test_preferences (Fixture *f, gconstpointer data)
{
  check (GTK_WIDGET (md_preferences_new (NULL, f->settings)), "Preferences");
}

static void
test_medicines (Fixture *f, gconstpointer data)
{
  g_autoptr(MdMedicine) m = md_medicine_new ("Estradiol gel with a rather long name", MD_MEDICINE_HRT);
  MdMedicinesDialog *dialog;

  m->dose = g_strdup ("1 pump every evening on the upper arm");
  m->started = md_diary_get_today (f->diary) - 100;
  g_assert_true (md_diary_add_medicine (f->diary, m, NULL));
  dialog = md_medicines_dialog_new (NULL, f->diary);
  g_assert_cmpint (min_width (GTK_WIDGET (dialog)), <=, MAX_WIDTH);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "medicines.add", NULL));
  check (GTK_WIDGET (dialog), "Medicines and HRT");
}

static void
test_mrs (Fixture *f, gconstpointer data)
{
  check (GTK_WIDGET (md_mrs_dialog_new (NULL, f->diary)), "Menopause Rating Scale");
}

static void
test_about_alerts (Fixture *f, gconstpointer data)
{
  check (md_alerts_window_new (NULL), "About These Alerts");
}

int
main (int argc, char **argv)
{
  md_ui_test_init (&argc, &argv);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/narrow/main-window", test_main_window);
  ADD ("/narrow/episode-form", test_episode_form);
  ADD ("/narrow/checkin-form", test_checkin_form);
  ADD ("/narrow/summary", test_summary);
  ADD ("/narrow/preferences", test_preferences);
  ADD ("/narrow/about-alerts", test_about_alerts);
  ADD ("/narrow/medicines", test_medicines);
  ADD ("/narrow/mrs", test_mrs);
#undef ADD

  return g_test_run ();
}
