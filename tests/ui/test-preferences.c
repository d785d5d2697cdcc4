/* test-preferences.c: the preferences window writes the settings. */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "md-application.h"
#include "md-preferences.h"
#include "md-ui-test-utils.h"

static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (c) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title) == 0)
        return c;
      if ((found = find_row (c, title)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c))
        return c;
      if ((found = find_button (c)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_settings_written (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MdPreferences *prefs = md_preferences_new (NULL, settings);
  g_auto(GStrv) list = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *number = NULL;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (prefs));
  md_ui_test_flush ();

  row = find_row (GTK_WIDGET (prefs), "Name");
  gtk_editable_set_text (GTK_EDITABLE (row), "Anna Example");
  g_assert_cmpstr (g_settings_get_string (settings, "patient-name"), ==, "Anna Example");

  row = find_row (GTK_WIDGET (prefs), "Date of birth (YYYY-MM-DD)");
  gtk_editable_set_text (GTK_EDITABLE (row), "1971-04-02");
  gtk_editable_set_text (GTK_EDITABLE (row), "1971-02-30");   /* not a date: not saved */
  birth = g_settings_get_string (settings, "patient-birth-date");
  g_assert_cmpstr (birth, ==, "1971-04-02");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  row = find_row (GTK_WIDGET (prefs), "Emergency phone number (empty: 112)");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "999");
  number = g_settings_get_string (settings, "emergency-number");
  g_assert_cmpstr (number, ==, "999");

  /* Add a supplement, then remove one of the defaults. */
  row = find_row (GTK_WIDGET (prefs), "Add a supplement");
  gtk_editable_set_text (GTK_EDITABLE (row), "Omega-3");
  g_signal_emit_by_name (row, "apply");
  list = g_settings_get_strv (settings, "supplements");
  g_assert_cmpuint (g_strv_length (list), ==, 5);
  g_assert_true (g_strv_contains ((const char * const *) list, "Omega-3"));
  g_clear_pointer (&list, g_strfreev);

  row = find_row (GTK_WIDGET (prefs), "Calcium");
  g_assert_nonnull (row);
  g_signal_emit_by_name (find_button (row), "clicked");
  list = g_settings_get_strv (settings, "supplements");
  g_assert_cmpuint (g_strv_length (list), ==, 4);
  g_assert_false (g_strv_contains ((const char * const *) list, "Calcium"));
  g_assert_null (find_row (GTK_WIDGET (prefs), "Calcium"));

  md_ui_test_screenshot (GTK_WIDGET (prefs), "preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int argc, char *argv[])
{
  md_ui_test_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/preferences/settings-written", test_settings_written);
  return g_test_run ();
}
