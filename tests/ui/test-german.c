/* test-german.c: the window and the Log Episode form in German (LANGUAGE=de,
 * LC_ALL=de_DE.UTF-8, the translations built in the build folder): translated labels, and
 * German's longer words still fit a 360 px screen. Skipped where de_DE.UTF-8 is missing.
 * With MD_SCREENSHOT_DIR set, screenshots at 360 and 1280 px.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "md-diary.h"
#include "md-episode-editor.h"
#include "md-test-utils.h"
#include "md-ui-test-utils.h"
#include "md-window.h"

#define NOW G_GINT64_CONSTANT (1742203800)  /* 2025-03-17 09:30 UTC */
#define MAX_WIDTH 360

typedef struct {
  char    *dir;
  MdStore *store;
  MdDiary *diary;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  f->diary = md_diary_new (f->store);
  md_diary_set_now (f->diary, NOW);
  for (int i = 0; i < 6; i++)
    {
      g_autoptr(MdEpisode) ep = md_test_episode (NOW - i * 3 * 86400 - 3600);

      if (i == 0)
        ep->signs = MD_BIT (MD_SIGN_PAIN);
      ep->regions = MD_BIT (i % 2 ? MD_REGION_CHEEK : MD_REGION_EYELID_LOWER);
      g_assert_true (md_diary_add_episode (f->diary, ep, NULL));
    }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->diary);
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

/* Every text a sighted user reads: labels, row titles, window titles. */
static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (texts, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    g_string_append_printf (texts, "%s\n", gtk_window_get_title (GTK_WINDOW (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_texts (c, texts);
}

/* Which widgets ask for the width, when one is too wide. */
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

static void
check_window (GtkWidget          *window,
              const char         *name,
              const char * const *expected,
              const char * const *not_expected)
{
  g_autoptr(GString) texts = g_string_new (NULL);
  int min = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  md_ui_test_flush ();
  collect_texts (window, texts);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (texts->str, expected[i]) == NULL)
      g_error ("%s: “%s” not found in:\n%s", name, expected[i], texts->str);
  for (guint i = 0; not_expected[i] != NULL; i++)
    if (strstr (texts->str, not_expected[i]) != NULL)
      g_error ("%s: English “%s” found", name, not_expected[i]);

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("%s in German: minimum width %d px", name, min);
  if (min > MAX_WIDTH)
    dump_widths (window, 0);
  g_assert_cmpint (min, <=, MAX_WIDTH);

  {
    g_autofree char *wide = g_strdup_printf ("de-%s-1280", name);
    g_autofree char *narrow = g_strdup_printf ("de-%s-360", name);

    md_ui_test_screenshot (window, wide);
    gtk_window_unmaximize (GTK_WINDOW (window));
    gtk_window_set_default_size (GTK_WINDOW (window), MAX_WIDTH, 800);
    gtk_widget_set_size_request (window, MAX_WIDTH, -1);
    md_ui_test_flush ();
    md_ui_test_screenshot (window, narrow);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_main_window (Fixture *f, gconstpointer data)
{
  MdWindow *window = md_window_new (NULL, f->diary);
  const char *expected[] = { "Tagebuch", "Verlauf", "Schmerzen beim Zucken", "Episode eintragen", NULL };
  const char *not_expected[] = { "Log Episode", "Pain with the twitching", NULL };

  md_window_set_emergency_number (window, "112");
  check_window (GTK_WIDGET (window), "main-window", expected, not_expected);
}

static void
test_episode_form (Fixture *f, gconstpointer data)
{
  GtkWidget *editor = GTK_WIDGET (md_episode_editor_new (NULL, f->diary, NULL));
  const char *expected[] = { "Neue Episode", "Abbrechen", "Speichern", "Wann", "Wo", "Dauer",
                             "Weitere Anzeichen", "Mögliche Auslöser", "Notizen", "Schmerzen", NULL };
  const char *not_expected[] = { "Possible Triggers", "Other Signs", NULL };

  check_window (editor, "log-episode", expected, not_expected);
}

static void
skip_german (void)
{
  g_test_skip ("the de_DE.UTF-8 locale is not installed (locale-gen de_DE.UTF-8)");
}

int
main (int argc, char **argv)
{
  const char *localedir = g_getenv ("MENODIARY_LOCALEDIR");

  md_ui_test_init (&argc, &argv);
  adw_init ();
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL || localedir == NULL)
    {
      g_test_add_func ("/german/skipped", skip_german);
      return g_test_run ();
    }
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/german/main-window", test_main_window);
  ADD ("/german/episode-form", test_episode_form);
#undef ADD

  return g_test_run ();
}
