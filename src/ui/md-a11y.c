/* md-a11y.c: small helpers for screen readers (see md-a11y.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "md-a11y.h"

static void
toggle_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (user_data);

  if (gtk_widget_is_sensitive (GTK_WIDGET (check)))
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

void
md_a11y_add_toggle_action (GtkCheckButton *check)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) toggle = g_simple_action_new ("toggle", NULL);

  g_return_if_fail (GTK_IS_CHECK_BUTTON (check));

  g_signal_connect_object (toggle, "activate", G_CALLBACK (toggle_activated_cb), check, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toggle));
  gtk_widget_insert_action_group (GTK_WIDGET (check), "a11y", G_ACTION_GROUP (group));
  g_object_set_data (G_OBJECT (check), "md-a11y-toggle", GINT_TO_POINTER (1));
}

void
md_a11y_set_label (GtkWidget  *widget,
                   const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (widget), "md-a11y-label", g_strdup (label), g_free);
}

/* "_Save" -> "Save", "A__B" -> "A_B". */
static char *
strip_mnemonic (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (s, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static GtkWidget *
row_ancestor (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      if (ADW_IS_PREFERENCES_ROW (w))
        return w;
      if (GTK_IS_LIST_BOX (w) || GTK_IS_WINDOW (w))
        return NULL;
    }
  return NULL;
}

static gboolean
has_focusable_descendant (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child) && gtk_widget_get_focusable (child) &&
          !GTK_IS_TEXT (child) /* the caret-less label of a row is not a control */)
        return TRUE;
      if (has_focusable_descendant (child))
        return TRUE;
    }
  return FALSE;
}

static void
fix_one (GtkWidget *widget)
{
  const char *own = g_object_get_data (G_OBJECT (widget), "md-a11y-label");
  const char *label = NULL;
  gboolean underline = FALSE;

  /* A row that holds a control is not a Tab stop of its own: the control is (GtkListBox still
   * moves into it). A row with nothing to focus inside stays focusable, or the list box would
   * skip it and every row after it. A combo row is itself the control. */
  if (ADW_IS_ACTION_ROW (widget) && !ADW_IS_COMBO_ROW (widget) && has_focusable_descendant (widget))
    gtk_widget_set_focusable (widget, FALSE);

  /* The button inside a drop-down reads as "GtkToggleButton": give it the drop-down's name. */
  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)))
    {
      const char *name = g_object_get_data (G_OBJECT (gtk_widget_get_parent (widget)), "md-a11y-label");

      if (name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      return;
    }

  if (GTK_IS_CHECK_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "md-a11y-toggle") == NULL)
    md_a11y_add_toggle_action (GTK_CHECK_BUTTON (widget));

  if (GTK_IS_BUTTON (widget))
    {
      label = gtk_button_get_label (GTK_BUTTON (widget));
      underline = gtk_button_get_use_underline (GTK_BUTTON (widget));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
      underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
    }

  if (own == NULL && label != NULL && underline)
    {
      g_autofree char *clean = strip_mnemonic (label);

      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, clean, -1);
      return;
    }

  if (GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SCALE (widget) ||
      GTK_IS_SWITCH (widget) || GTK_IS_ENTRY (widget))
    {
      GtkWidget *row = row_ancestor (widget);
      const char *title = row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
      g_autofree char *clean = NULL;

      if (own == NULL && (label != NULL || title == NULL || *title == '\0'))
        return;
      if (own == NULL && row != NULL && adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)))
        own = clean = strip_mnemonic (title);
      /* Its own name, or the row's title: once, not the two run together. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      own != NULL ? own : title, -1);
    }
}

void
md_a11y_fix_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  fix_one (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    md_a11y_fix_names (child);
}
