/* md-menopause-prefs.c: the Menopause page of Preferences: her stage, the first day of her
 * last period and HRT (printed on the summary), and her own daily symptoms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "md-a11y.h"
#include "md-checkin.h"
#include "md-menopause-prefs.h"

typedef struct {
  AdwPreferencesWindow *window;   /* not owned: owns this */
  GSettings            *settings;
  AdwActionRow         *period_row;
  GtkWidget            *clear_button;
  GtkCalendar          *calendar;
  AdwPreferencesGroup  *symptoms_group;
  AdwEntryRow          *add_row;
  GPtrArray            *symptom_rows;
  AdwToast             *toast;   /* weak: the last one shown */
} Page;

/* Setting values, in the order of the rows' items. */
static const char * const stage_ids[] = { "", "perimenopause", "menopause", "postmenopause", "not-sure", NULL };
static const char * const hrt_ids[] = { "", "yes", "no", NULL };

static void
page_free (gpointer data)
{
  Page *page = data;

  g_clear_weak_pointer (&page->toast);
  g_clear_object (&page->settings);
  g_clear_pointer (&page->symptom_rows, g_ptr_array_unref);
  g_free (page);
}

/* One message at a time: a new one replaces the last, so an Undo is never queued behind. */
static void
show_toast (Page     *page,
            AdwToast *toast)
{
  if (page->toast != NULL)
    adw_toast_dismiss (page->toast);
  g_set_weak_pointer (&page->toast, toast);
  adw_preferences_window_add_toast (page->window, toast);
}

gboolean
md_symptom_name_check (const char * const *list,
                       const char         *name,
                       char              **message)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_casefold (clean, -1);
  guint n = list != NULL ? g_strv_length ((char **) list) : 0;

  if (*clean == '\0')
    *message = g_strdup (_("Type the symptom’s name first."));
  else if (strpbrk (clean, ";=\n\r\t") != NULL)
    *message = g_strdup (_("A symptom’s name cannot contain “;” or “=” or a line break."));
  else if (g_utf8_strlen (clean, -1) > MD_SYMPTOM_NAME_MAX_CHARS)
    *message = g_strdup_printf (ngettext ("A symptom’s name can have at most %d character.",
                                          "A symptom’s name can have at most %d characters.",
                                          MD_SYMPTOM_NAME_MAX_CHARS), MD_SYMPTOM_NAME_MAX_CHARS);
  else if (n >= MD_SYMPTOMS_MAX)
    *message = g_strdup_printf (ngettext ("The list can hold %d symptom; remove one first.",
                                          "The list can hold %d symptoms; remove one first.",
                                          MD_SYMPTOMS_MAX), MD_SYMPTOMS_MAX);
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *other = g_utf8_casefold (list[i], -1);

          if (strcmp (other, folded) == 0)
            {
              *message = g_strdup_printf (_("“%s” is in the list already."), list[i]);
              return FALSE;
            }
        }
      return TRUE;
    }
  return FALSE;
}

/* The stage and HRT: a combo row whose items follow @ids. */
static void
combo_selected_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   Page        *page)
{
  const char * const *ids = g_object_get_data (G_OBJECT (row), "md-ids");
  const char *key = g_object_get_data (G_OBJECT (row), "md-key");
  guint i = adw_combo_row_get_selected (row);

  if (i < g_strv_length ((char **) ids))
    g_settings_set_string (page->settings, key, ids[i]);
}

static GtkWidget *
combo_row (Page               *page,
           const char         *title,
           const char         *key,
           const char * const *ids,
           const char * const *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  g_autofree char *value = g_settings_get_string (page->settings, key);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], value) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_object_set_data (G_OBJECT (row), "md-ids", (gpointer) ids);
  g_object_set_data (G_OBJECT (row), "md-key", (gpointer) key);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), page);
  return row;
}

static GDateTime *
parse_day (const char *text)
{
  g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", text);

  return strlen (text) == 10 ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
}

static void
show_period (Page *page)
{
  g_autofree char *text = g_settings_get_string (page->settings, "last-period");
  g_autoptr(GDateTime) date = parse_day (text);
  g_autofree char *label = NULL;

  /* Translators: the first day of the last period, see GDateTime's format codes. */
  label = date != NULL ? g_date_time_format (date, _("%-d %B %Y")) : g_strdup (_("Not given"));
  adw_action_row_set_subtitle (page->period_row, label);
  gtk_widget_set_sensitive (page->clear_button, date != NULL);
  if (date != NULL)
    gtk_calendar_select_day (page->calendar, date);
}

static void
period_day_cb (GtkCalendar *calendar,
               Page        *page)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (picked, "%Y-%m-%d");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *stored = g_settings_get_string (page->settings, "last-period");

  if (g_strcmp0 (day, stored) == 0)
    return;
  /* A period that has not begun yet cannot be the last one. */
  if (strcmp (day, today) > 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (calendar));
      return;
    }
  g_settings_set_string (page->settings, "last-period", day);
  show_period (page);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static void
period_clear_cb (GtkButton *button,
                 Page      *page)
{
  g_settings_set_string (page->settings, "last-period", "");
  show_period (page);
}

static GtkWidget *
period_row (Page *page)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pick = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");

  page->period_row = ADW_ACTION_ROW (row);
  page->calendar = GTK_CALENDAR (calendar);
  page->clear_button = clear;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("First day of the last period"));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (pick), "x-office-calendar-symbolic");
  gtk_widget_set_valign (pick, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (pick, _("Pick the Day"));
  md_a11y_set_label (pick, _("Pick the first day of the last period"));
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (pick), popover);
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_tooltip_text (clear, _("Clear the Day"));
  md_a11y_set_label (clear, _("Clear the first day of the last period"));
  g_signal_connect (clear, "clicked", G_CALLBACK (period_clear_cb), page);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pick);
  show_period (page);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (period_day_cb), page);
  return row;
}

/* Her own symptoms. */
static void rebuild_symptoms (Page *page);

static void
set_symptoms (Page               *page,
              const char * const *list)
{
  g_settings_set_strv (page->settings, "custom-symptoms", list);
  rebuild_symptoms (page);
}

static void
undo_remove_cb (AdwToast *toast,
                Page     *page)
{
  const char *name = g_object_get_data (G_OBJECT (toast), "md-symptom");
  guint at = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "md-position"));
  g_auto(GStrv) list = g_settings_get_strv (page->settings, "custom-symptoms");
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;
  g_autofree char *message = NULL;

  /* Added again in the meantime: nothing to undo. */
  if (!md_symptom_name_check ((const char * const *) list, name, &message))
    return;
  for (guint i = 0; list[i] != NULL; i++)
    {
      if (i == at)
        g_strv_builder_add (b, name);
      g_strv_builder_add (b, list[i]);
    }
  if (at >= g_strv_length (list))
    g_strv_builder_add (b, name);
  next = g_strv_builder_end (b);
  set_symptoms (page, (const char * const *) next);
}

static void
remove_symptom_cb (GtkButton *button,
                   Page      *page)
{
  const char *name = g_object_get_data (G_OBJECT (button), "md-symptom");
  g_auto(GStrv) list = g_settings_get_strv (page->settings, "custom-symptoms");
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint at = 0;

  for (guint i = 0; list[i] != NULL; i++)
    {
      if (g_strcmp0 (list[i], name) == 0)
        at = i;
      else
        g_strv_builder_add (b, list[i]);
    }
  /* Translators: a toast after removing one of her own symptoms from the list. */
  title = g_strdup_printf (_("“%s” removed; what you rated is kept"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "md-symptom", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (toast), "md-position", GUINT_TO_POINTER (at));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_remove_cb), page);
  next = g_strv_builder_end (b);
  set_symptoms (page, (const char * const *) next);
  show_toast (page, toast);
}

static void
add_symptom_cb (AdwEntryRow *row,
                Page        *page)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_auto(GStrv) list = g_settings_get_strv (page->settings, "custom-symptoms");
  g_autofree char *message = NULL;
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autoptr(GStrvBuilder) b = NULL;
  g_auto(GStrv) next = NULL;

  if (!md_symptom_name_check ((const char * const *) list, name, &message))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      show_toast (page, adw_toast_new (message));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  b = g_strv_builder_new ();
  g_strv_builder_addv (b, (const char **) list);
  g_strv_builder_add (b, name);
  next = g_strv_builder_end (b);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  set_symptoms (page, (const char * const *) next);
}

static void
add_text_changed_cb (AdwEntryRow *row,
                     GParamSpec  *pspec,
                     Page        *page)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
rebuild_symptoms (Page *page)
{
  g_auto(GStrv) list = g_settings_get_strv (page->settings, "custom-symptoms");

  for (guint i = 0; i < page->symptom_rows->len; i++)
    adw_preferences_group_remove (page->symptoms_group, g_ptr_array_index (page->symptom_rows, i));
  g_ptr_array_set_size (page->symptom_rows, 0);
  for (guint i = 0; list[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove %s"), list[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), list[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      md_a11y_set_label (button, label);
      g_object_set_data_full (G_OBJECT (button), "md-symptom", g_strdup (list[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_symptom_cb), page);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (page->symptoms_group, row);
      g_ptr_array_add (page->symptom_rows, row);
    }
}

void
md_menopause_prefs_add (AdwPreferencesWindow *window,
                        GSettings            *settings)
{
  const char * const stages[] = { C_("menopause stage", "Not said"), _("Perimenopause"), _("Menopause"),
                                  _("Postmenopause"), _("Not sure"), NULL };
  const char * const hrt[] = { C_("hrt", "Not said"), _("Yes"), _("No"), NULL };
  GtkWidget *prefs_page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  Page *page = g_new0 (Page, 1);

  page->window = window;
  page->settings = g_object_ref (settings);
  page->symptom_rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (prefs_page), "md-page", page, page_free);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (prefs_page), _("Menopause"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (prefs_page), "emblem-favorite-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Menopause"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("Optional. Printed on the clinician summary, so your doctor sees the whole picture."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             combo_row (page, _("_Stage"), "menopause-stage", stage_ids, stages));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), period_row (page));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             combo_row (page, _("_Hormone therapy (HRT)"), "hrt", hrt_ids, hrt));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs_page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  page->symptoms_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("My Own Symptoms"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("Rated from 0 to 10 in the daily check-in, such as brain fog or joint pain. Removing one keeps what you rated before."));
  page->add_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (page->add_row), _("Add a symptom"));
  adw_entry_row_set_show_apply_button (page->add_row, TRUE);
  g_signal_connect (page->add_row, "apply", G_CALLBACK (add_symptom_cb), page);
  g_signal_connect (page->add_row, "entry-activated", G_CALLBACK (add_symptom_cb), page);
  g_signal_connect (page->add_row, "notify::text", G_CALLBACK (add_text_changed_cb), page);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (page->add_row));
  rebuild_symptoms (page);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs_page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (prefs_page));
}
