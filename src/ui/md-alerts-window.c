/* md-alerts-window.c: every rule of the rules table, in plain words, grouped by level.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-alerts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "md-application.h"

#include "md-alerts-window.h"
#include "md-flags-view.h"
#include "md-rules.h"

struct _MdAlertsWindow
{
  AdwWindow           parent_instance;

  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (MdAlertsWindow, md_alerts_window, ADW_TYPE_WINDOW)

static GtkWidget *
rule_row (const MdRuleInfo *info)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *action = md_level_action (info->level, NULL);
  g_autofree char *when_text = g_strdup_printf (_("When it appears: %s"), _(info->explanation));
  g_autofree char *advice_text = action != NULL
    ? g_strdup_printf (_("What to do: %s %s"), action, _(info->advice))
    : g_strdup_printf (_("What to do: %s"), _(info->advice));
  GtkWidget *when = gtk_label_new (when_text);
  GtkWidget *advice = gtk_label_new (advice_text);
  g_autofree char *source_text = g_strdup_printf (_("Sources: %s"), info->source);
  GtkWidget *source = gtk_label_new (source_text);
  GtkWidget *icon = gtk_image_new_from_icon_name (md_level_icon_name (info->level));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->title));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), md_level_label (info->level));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  md_level_label (info->level), -1);

  for (GtkWidget *l = when; l != NULL; l = l == when ? advice : l == advice ? source : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_selectable (GTK_LABEL (l), TRUE);
      gtk_box_append (GTK_BOX (body), l);
    }
  gtk_widget_add_css_class (source, "md-secondary");
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_widget_set_margin_top (body, 8);
  gtk_widget_set_margin_bottom (body, 10);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), body);
  return row;
}

static void
md_alerts_window_class_init (MdAlertsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);


  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/menodiary/Menodiary/ui/md-alerts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MdAlertsWindow, page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
md_alerts_window_init (MdAlertsWindow *self)
{
  static const struct { MdLevel level; const char *title; } groups[] = {
    { MD_LEVEL_EMERGENCY, N_("Call the Emergency Number") },
    { MD_LEVEL_URGENT, N_("Get Medical Advice Today") },
    { MD_LEVEL_SOON, N_("Book an Appointment") },
    { MD_LEVEL_NOTE, N_("Mention at Your Next Visit") },
  };
  const MdRuleInfo *table;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));
  table = md_rules_table (&n);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(groups[g].title));
      for (guint i = 0; i < n; i++)
        if (table[i].level == groups[g].level)
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), rule_row (&table[i]));
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
    }
}

GtkWidget *
md_alerts_window_new (GtkWindow *parent)
{
  return g_object_new (MD_TYPE_ALERTS_WINDOW, "transient-for", parent, NULL);
}
