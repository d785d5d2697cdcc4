/* test-preferences.c: the preferences window writes the settings. */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "md-application.h"
#include "md-menopause-prefs.h"
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

static GtkCalendar *
find_calendar (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkCalendar *found;

      if (GTK_IS_MENU_BUTTON (c) && GTK_IS_CALENDAR (gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (c)))))
        return GTK_CALENDAR (gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (c))));
      if ((found = find_calendar (c)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_toast_button (GtkWidget *root, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_toast_button (c, label)) != NULL)
        return found;
    }
  return NULL;
}

/* Stage, the last period (picked from the calendar, then cleared) and HRT. */
static void
test_menopause_written (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MdPreferences *prefs = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_utc (2025, 2, 14, 0, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) future = g_date_time_add_days (now, 3);
  g_autofree char *value = NULL;
  GtkWidget *row;

  g_settings_set_string (settings, "hrt", "no");
  prefs = md_preferences_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (prefs));
  row = find_row (GTK_WIDGET (prefs), "_Hormone therapy (HRT)");
  g_assert_nonnull (row);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_PAGE)));
  md_ui_test_flush ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  value = g_settings_get_string (settings, "hrt");
  g_assert_cmpstr (value, ==, "yes");
  g_clear_pointer (&value, g_free);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  value = g_settings_get_string (settings, "hrt");
  g_assert_cmpstr (value, ==, "");
  g_clear_pointer (&value, g_free);

  row = find_row (GTK_WIDGET (prefs), "_Stage");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  value = g_settings_get_string (settings, "menopause-stage");
  g_assert_cmpstr (value, ==, "perimenopause");
  g_clear_pointer (&value, g_free);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 4);
  value = g_settings_get_string (settings, "menopause-stage");
  g_assert_cmpstr (value, ==, "not-sure");
  g_clear_pointer (&value, g_free);

  row = find_row (GTK_WIDGET (prefs), "First day of the last period");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not given");
  gtk_calendar_select_day (find_calendar (row), day);
  value = g_settings_get_string (settings, "last-period");
  g_assert_cmpstr (value, ==, "2025-02-14");
  g_clear_pointer (&value, g_free);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "14 February 2025");
  /* A day still to come is refused. */
  gtk_calendar_select_day (find_calendar (row), future);
  value = g_settings_get_string (settings, "last-period");
  g_assert_cmpstr (value, ==, "2025-02-14");
  g_clear_pointer (&value, g_free);
  md_ui_test_screenshots (GTK_WIDGET (prefs), "preferences-menopause");

  /* The clear button (the row's first button) empties it. */
  g_signal_emit_by_name (find_button (row), "clicked");
  value = g_settings_get_string (settings, "last-period");
  g_assert_cmpstr (value, ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not given");
  g_assert_false (gtk_widget_get_sensitive (find_button (row)));

  /* Opened again, the window shows what is stored. */
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_set_string (settings, "last-period", "2024-12-01");
  prefs = md_preferences_new (NULL, settings);
  row = find_row (GTK_WIDGET (prefs), "_Stage");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 4);
  row = find_row (GTK_WIDGET (prefs), "First day of the last period");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "1 December 2024");
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "last-period");
  g_settings_reset (settings, "menopause-stage");
  g_settings_reset (settings, "hrt");
}

static char **
symptoms (GSettings *settings)
{
  return g_settings_get_strv (settings, "custom-symptoms");
}

/* Her own symptoms: added through the entry row, names checked, removed with Undo. */
static void
test_symptoms (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MdPreferences *prefs = md_preferences_new (NULL, settings);
  const char *bad[] = { "", "   ", "a;b", "a=b", "BRAIN FOG", " brain fog ",
                        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", NULL };
  g_auto(GStrv) list = NULL;
  GtkWidget *add, *row;

  /* A dismissed toast goes at once, not after its fade-out, so the Undo toast is shown. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  md_ui_test_flush ();
  add = find_row (GTK_WIDGET (prefs), "Add a symptom");
  g_assert_nonnull (add);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (add, ADW_TYPE_PREFERENCES_PAGE)));
  gtk_editable_set_text (GTK_EDITABLE (add), "  Brain fog ");
  g_signal_emit_by_name (add, "apply");
  gtk_editable_set_text (GTK_EDITABLE (add), "Joint pain");
  g_signal_emit_by_name (add, "entry-activated");
  gtk_editable_set_text (GTK_EDITABLE (add), "Ängste");
  g_signal_emit_by_name (add, "apply");
  list = symptoms (settings);
  g_assert_cmpuint (g_strv_length (list), ==, 3);
  g_assert_cmpstr (list[0], ==, "Brain fog");
  g_assert_cmpstr (list[1], ==, "Joint pain");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");
  g_clear_pointer (&list, g_strfreev);

  for (guint i = 0; bad[i] != NULL; i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (add), bad[i]);
      g_signal_emit_by_name (add, "apply");
      list = symptoms (settings);
      g_assert_cmpuint (g_strv_length (list), ==, 3);
      g_clear_pointer (&list, g_strfreev);
      g_assert_true (gtk_widget_has_css_class (add, "error"));
      /* The name stays for her to correct. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, bad[i]);
    }
  gtk_editable_set_text (GTK_EDITABLE (add), "");
  g_assert_false (gtk_widget_has_css_class (add, "error"));
  g_assert_nonnull (find_row (GTK_WIDGET (prefs), "Joint pain"));
  md_ui_test_screenshots (GTK_WIDGET (prefs), "preferences-symptoms");

  /* Remove the middle one, then Undo puts it back in its place. */
  row = find_row (GTK_WIDGET (prefs), "Joint pain");
  g_signal_emit_by_name (find_button (row), "clicked");
  md_ui_test_flush ();
  list = symptoms (settings);
  g_assert_cmpuint (g_strv_length (list), ==, 2);
  g_assert_false (g_strv_contains ((const char * const *) list, "Joint pain"));
  g_clear_pointer (&list, g_strfreev);
  g_assert_null (find_row (GTK_WIDGET (prefs), "Joint pain"));
  g_signal_emit_by_name (find_toast_button (GTK_WIDGET (prefs), "_Undo"), "clicked");
  md_ui_test_flush ();
  list = symptoms (settings);
  g_assert_cmpuint (g_strv_length (list), ==, 3);
  g_assert_cmpstr (list[1], ==, "Joint pain");
  g_assert_nonnull (find_row (GTK_WIDGET (prefs), "Joint pain"));
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "custom-symptoms");
}

/* The name rules, without a window. */
static void
test_symptom_name_check (void)
{
  const char *list[] = { "Brain fog", NULL };
  g_autofree char *m1 = NULL, *m2 = NULL, *m3 = NULL;

  g_assert_true (md_symptom_name_check (list, "Hitzewallungen", &m1));
  g_assert_true (md_symptom_name_check (NULL, " x ", &m1));
  g_assert_false (md_symptom_name_check (list, "brain FOG", &m1));
  g_assert_cmpstr (m1, ==, "“Brain fog” is in the list already.");
  g_assert_false (md_symptom_name_check (list, "a=1", &m2));
  g_assert_false (md_symptom_name_check (list, "line\nbreak", &m3));
}

int
main (int argc, char *argv[])
{
  md_ui_test_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/preferences/settings-written", test_settings_written);
  g_test_add_func ("/preferences/menopause", test_menopause_written);
  g_test_add_func ("/preferences/symptoms", test_symptoms);
  g_test_add_func ("/preferences/symptom-name-check", test_symptom_name_check);
  return g_test_run ();
}
