/* md-preferences.c: the preferences window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-preferences"

#include "config.h"

#include "md-a11y.h"

#include <glib/gi18n.h>

#include "md-application.h"
#include <string.h>

#include "md-emergency.h"
#include "md-menopause-prefs.h"
#include "md-preferences.h"
#include "md-reminder.h"

struct _MdPreferences
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GPtrArray            *supplement_rows;

  AdwEntryRow          *emergency_row;
  AdwEntryRow          *name_row;
  AdwEntryRow          *birth_row;
  AdwPreferencesGroup  *supplements_group;
  AdwEntryRow          *add_supplement_row;
  GtkWidget            *reminder_switch;
  AdwEntryRow          *reminder_time_row;
};

G_DEFINE_FINAL_TYPE (MdPreferences, md_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const default_supplements[] = {
  N_("Magnesium"), N_("Calcium"), N_("Vitamin D"), N_("Vitamin B complex"), NULL
};

GStrv
md_preferences_get_supplements (GSettings *settings)
{
  g_auto(GStrv) list = settings ? g_settings_get_strv (settings, "supplements") : NULL;
  g_autoptr(GStrvBuilder) b = NULL;

  if (list != NULL && list[0] != NULL)
    return g_steal_pointer (&list);
  b = g_strv_builder_new ();
  for (guint i = 0; default_supplements[i] != NULL; i++)
    g_strv_builder_add (b, _(default_supplements[i]));
  return g_strv_builder_end (b);
}

static void rebuild_supplements (MdPreferences *self);

static void
set_supplements (MdPreferences      *self,
                 const char * const *list)
{
  g_settings_set_strv (self->settings, "supplements", list);
  rebuild_supplements (self);
}

static void
remove_supplement_cb (GtkButton     *button,
                      MdPreferences *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "supplement");
  g_auto(GStrv) list = md_preferences_get_supplements (self->settings);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;

  for (guint i = 0; list[i] != NULL; i++)
    if (g_strcmp0 (list[i], name) != 0)
      g_strv_builder_add (b, list[i]);
  next = g_strv_builder_end (b);
  /* An empty setting means the defaults; keep at least one so "remove all" stays possible later. */
  set_supplements (self, (const char * const *) next);
}

static void
add_supplement_cb (AdwEntryRow   *row,
                   MdPreferences *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_auto(GStrv) list = NULL;
  g_autoptr(GStrvBuilder) b = NULL;
  g_auto(GStrv) next = NULL;

  g_strdelimit (name, ";", ',');
  if (*name == '\0')
    return;
  list = md_preferences_get_supplements (self->settings);
  if (g_strv_contains ((const char * const *) list, name))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), "");
      return;
    }
  b = g_strv_builder_new ();
  g_strv_builder_addv (b, (const char **) list);
  g_strv_builder_add (b, name);
  next = g_strv_builder_end (b);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  set_supplements (self, (const char * const *) next);
}

static void
rebuild_supplements (MdPreferences *self)
{
  g_auto(GStrv) list = md_preferences_get_supplements (self->settings);

  for (guint i = 0; i < self->supplement_rows->len; i++)
    adw_preferences_group_remove (self->supplements_group, g_ptr_array_index (self->supplement_rows, i));
  g_ptr_array_set_size (self->supplement_rows, 0);

  for (guint i = 0; list[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove %s"), list[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), list[i]);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "supplement", g_strdup (list[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_supplement_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->supplements_group, row);
      g_ptr_array_add (self->supplement_rows, row);
    }
}

static void
birth_changed_cb (AdwEntryRow   *row,
                  GParamSpec    *pspec,
                  MdPreferences *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", text);
  gboolean valid = *text == '\0' || (strlen (text) == 10 && (parsed = g_date_time_new_from_iso8601 (iso, NULL)) != NULL);

  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      g_settings_set_string (self->settings, "patient-birth-date", text);
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
md_preferences_dispose (GObject *object)
{
  MdPreferences *self = MD_PREFERENCES (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_PREFERENCES);

  G_OBJECT_CLASS (md_preferences_parent_class)->dispose (object);
}

static void
md_preferences_finalize (GObject *object)
{
  MdPreferences *self = MD_PREFERENCES (object);

  g_clear_pointer (&self->supplement_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (md_preferences_parent_class)->finalize (object);
}

static void
md_preferences_class_init (MdPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_preferences_dispose;
  object_class->finalize = md_preferences_finalize;


  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/menodiary/Menodiary/ui/md-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPreferences, emergency_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferences, name_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferences, birth_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferences, supplements_group);
  gtk_widget_class_bind_template_child (widget_class, MdPreferences, add_supplement_row);
}

static void
md_preferences_init (MdPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->supplement_rows = g_ptr_array_new ();
}

static void
reminder_time_apply_cb (AdwEntryRow   *row,
                        MdPreferences *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  int hour, minute;

  if (!md_reminder_parse_time (text, &hour, &minute))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  {
    g_autofree char *normal = g_strdup_printf ("%02d:%02d", hour, minute);

    g_settings_set_string (self->settings, "reminder-time", normal);
  }
}

/* "Daily Reminder": on or off (off by default), and at what time. */
static void
add_reminder_group (MdPreferences *self)
{
  GtkWidget *supplements = GTK_WIDGET (self->supplements_group);
  GtkWidget *page = gtk_widget_get_ancestor (supplements, ADW_TYPE_PREFERENCES_PAGE);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *time = g_settings_get_string (self->settings, "reminder-time");

  adw_preferences_group_set_title (group, _("Daily Reminder"));
  adw_preferences_group_set_description (group,
    _("A notification once a day, even when Menodiary is closed, unless the day’s check-in is filled in."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Remind Me"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  self->reminder_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->reminder_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->reminder_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->reminder_switch);
  g_settings_bind (self->settings, "reminder-enabled", self->reminder_switch, "active", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, row);

  self->reminder_time_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reminder_time_row), _("Time (HH:MM)"));
  adw_entry_row_set_show_apply_button (self->reminder_time_row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->reminder_time_row), time);
  g_object_bind_property (self->reminder_switch, "active", self->reminder_time_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_signal_connect (self->reminder_time_row, "apply", G_CALLBACK (reminder_time_apply_cb), self);
  g_signal_connect (self->reminder_time_row, "entry-activated", G_CALLBACK (reminder_time_apply_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (self->reminder_time_row));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
}

/* libadwaita 1.2's preferences window asks 360 px for its content alone, so with its border the
 * window cannot be made 360 px wide; its pages fit in less. */
static void
fit_narrow_screens (GtkWidget *widget)
{
  if (ADW_IS_LEAFLET (widget))
    {
      int width;

      gtk_widget_get_size_request (widget, &width, NULL);
      if (width > 340)
        gtk_widget_set_size_request (widget, 340, -1);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    fit_narrow_screens (c);
}

MdPreferences *
md_preferences_new (GtkWindow *parent,
                    GSettings *settings)
{
  MdPreferences *self;
  g_autofree char *birth = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MD_TYPE_PREFERENCES, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "emergency-number", self->emergency_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "patient-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  birth = g_settings_get_string (settings, "patient-birth-date");
  gtk_editable_set_text (GTK_EDITABLE (self->birth_row), birth);
  g_signal_connect (self->birth_row, "notify::text", G_CALLBACK (birth_changed_cb), self);
  g_signal_connect (self->add_supplement_row, "apply", G_CALLBACK (add_supplement_cb), self);
  g_signal_connect (self->add_supplement_row, "entry-activated", G_CALLBACK (add_supplement_cb), self);
  rebuild_supplements (self);

  /* Say which number is used while the field is empty. */
  {
    g_autofree char *hint = g_strdup_printf (_("Emergency phone number (empty: %s)"), md_emergency_number (""));
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->emergency_row), hint);
  }
  add_reminder_group (self);
  md_menopause_prefs_add (ADW_PREFERENCES_WINDOW (self), settings);
  md_a11y_fix_names (GTK_WIDGET (self));
  fit_narrow_screens (GTK_WIDGET (self));
  return self;
}
