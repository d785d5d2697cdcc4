/* md-episode-row.c: one episode in the history list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-episode-row"

#include "config.h"

#include <glib/gi18n.h>

#include "md-time.h"
#include "md-application.h"

#include "md-episode-form.h"
#include "md-episode-row.h"

struct _MdEpisodeRow
{
  GtkWidget   parent_instance;

  GtkWidget  *card;
  GtkLabel   *time_label;
  GtkLabel   *text_label;
  GtkMenuButton *menu_button;
  /* Made the first time an episode shown here needs them (most never do): a list builds a
   * screenful of rows before its first frame, and every widget costs styling and layout. */
  GtkLabel   *day_label;
  GtkLabel   *signs_label;
  GtkWidget  *warning_box;
  GtkLabel   *warning_label;
  GtkWidget  *note_icon;

  gint64      id;
  char       *regions;
  /* What the row shows, when bound from the history (md_episode_row_bind). */
  MdEpisodeObject *object;
  char       *header;
};

G_DEFINE_FINAL_TYPE (MdEpisodeRow, md_episode_row, GTK_TYPE_WIDGET)

/* The one menu every row shows; its actions ("row.edit", "row.delete") act on the row's own
 * episode, so the same model serves every row. */
static GMenuModel *row_menu;

static char *
details_text (const MdEpisode *ep)
{
  g_autoptr(GString) s = g_string_new (md_side_label (ep->side));
  g_autofree char *duration = md_format_duration (ep->duration_s);

  g_string_append (s, " · ");
  g_string_append (s, duration != NULL ? duration : _("duration not known"));
  g_string_append (s, " · ");
  if (ep->intensity == MD_UNKNOWN)
    g_string_append (s, _("intensity not rated"));
  else
    g_string_append_printf (s, _("intensity %d/10"), ep->intensity);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Every row has a menu button: its popover is made on the first click only. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, row_menu);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MdEpisodeRow *self = MD_EPISODE_ROW (widget);

  gtk_widget_activate_action (widget, "win.edit-episode", "x", self->id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MdEpisodeRow *self = MD_EPISODE_ROW (widget);

  gtk_widget_activate_action (widget, "win.delete-episode", "x", self->id);
}

static void
md_episode_row_dispose (GObject *object)
{
  GtkWidget *child;

  g_clear_object (&MD_EPISODE_ROW (object)->object);
  gtk_widget_dispose_template (GTK_WIDGET (object), MD_TYPE_EPISODE_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (md_episode_row_parent_class)->dispose (object);
}

static void
md_episode_row_finalize (GObject *object)
{
  MdEpisodeRow *self = MD_EPISODE_ROW (object);

  g_free (self->regions);
  g_free (self->header);

  G_OBJECT_CLASS (md_episode_row_parent_class)->finalize (object);
}

static void
md_episode_row_class_init (MdEpisodeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_episode_row_dispose;
  object_class->finalize = md_episode_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/menodiary/Menodiary/ui/md-episode-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MdEpisodeRow, card);
  gtk_widget_class_bind_template_child (widget_class, MdEpisodeRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, MdEpisodeRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, MdEpisodeRow, menu_button);
  gtk_widget_class_install_action (widget_class, "row.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);

  {
    GMenu *menu = g_menu_new ();

    g_menu_append (menu, _("_Edit"), "row.edit");
    g_menu_append (menu, _("_Delete"), "row.delete");
    row_menu = G_MENU_MODEL (menu);
  }
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* The regions, details and triggers are one label, a line each (a list measures one layout per
 * row, not three), each line cut with an ellipsis when narrow. A cut text shows in full as the
 * label's tooltip (asked for only on hover: a tooltip text set at every bind made each save
 * 12 ms slower), in the editor and in the card's accessible label. */
static gboolean
text_tooltip_cb (GtkWidget    *widget,
                 int           x,
                 int           y,
                 gboolean      keyboard,
                 GtkTooltip   *tooltip,
                 MdEpisodeRow *self)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (self->text_label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (self->text_label));
  return TRUE;
}

static void
md_episode_row_init (MdEpisodeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->text_label, "query-tooltip", G_CALLBACK (text_tooltip_cb), self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, NULL, NULL);
}

GtkWidget *
md_episode_row_new (void)
{
  return g_object_new (MD_TYPE_EPISODE_ROW, NULL);
}

/* The day's heading, above the first card of each day. */
static GtkLabel *
ensure_day_label (MdEpisodeRow *self)
{
  if (self->day_label == NULL)
    {
      self->day_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->day_label, 0);
      gtk_widget_add_css_class (GTK_WIDGET (self->day_label), "day-header");
      gtk_widget_add_css_class (GTK_WIDGET (self->day_label), "heading");
      gtk_widget_insert_after (GTK_WIDGET (self->day_label), GTK_WIDGET (self), NULL);
    }
  return self->day_label;
}

/* The other signs, on a line of their own after the text. */
static GtkLabel *
ensure_signs_label (MdEpisodeRow *self)
{
  if (self->signs_label == NULL)
    {
      self->signs_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->signs_label, 0);
      gtk_label_set_wrap (self->signs_label, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->signs_label), "md-secondary");
      gtk_widget_add_css_class (GTK_WIDGET (self->signs_label), "caption");
      gtk_grid_attach (GTK_GRID (self->card), GTK_WIDGET (self->signs_label), 1, 1, 1, 1);
    }
  return self->signs_label;
}

/* The warning signs, last, with the warning icon. */
static GtkLabel *
ensure_warning (MdEpisodeRow *self)
{
  if (self->warning_box == NULL)
    {
      /* Decoration: the label says it. */
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

      self->warning_box = gtk_grid_new ();
      gtk_grid_set_column_spacing (GTK_GRID (self->warning_box), 6);
      gtk_widget_add_css_class (self->warning_box, "warning-sign");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      self->warning_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->warning_label, 0);
      gtk_label_set_wrap (self->warning_label, TRUE);
      gtk_widget_set_hexpand (GTK_WIDGET (self->warning_label), TRUE);
      gtk_grid_attach (GTK_GRID (self->warning_box), icon, 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->warning_box), GTK_WIDGET (self->warning_label), 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->card), self->warning_box, 1, 2, 1, 1);
    }
  return self->warning_label;
}

/* The mark for a note, between the text and the menu. */
static GtkWidget *
ensure_note_icon (MdEpisodeRow *self)
{
  if (self->note_icon == NULL)
    {
      self->note_icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_valign (self->note_icon, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->note_icon, "md-secondary");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Has a note"), -1);
      gtk_grid_attach (GTK_GRID (self->card), self->note_icon, 2, 0, 1, 1);
    }
  return self->note_icon;
}

/* The signs and the warning go on the grid's rows after the text, in that order, without an
 * empty row between (a grid spaces every row something spans); the time, the note mark and the
 * menu span the rows used. */
static void
place_lines (MdEpisodeRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (self->card);
  GtkWidget *lines[] = { GTK_WIDGET (self->signs_label), self->warning_box };
  GtkWidget *spanning[] = { GTK_WIDGET (self->time_label), self->note_icon, GTK_WIDGET (self->menu_button) };
  int n = 1;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i] != NULL && gtk_widget_get_visible (lines[i]))
      gtk_grid_layout_child_set_row (GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, lines[i])), n++);
  for (guint i = 0; i < G_N_ELEMENTS (spanning); i++)
    if (spanning[i] != NULL)
      gtk_grid_layout_child_set_row_span (GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, spanning[i])), n);
}

/* Appends TEXT as one line of the row's label: escaped, inside the span OPEN (closed by CLOSE). */
static void
append_line (GString    *markup,
             const char *open,
             const char *text,
             const char *close)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  g_string_append_printf (markup, "%s%s%s", open, escaped, close);
}

static void
md_episode_row_set_episode (MdEpisodeRow    *self,
                            const MdEpisode *episode,
                            const char      *day_header)
{
  g_autofree char *time = NULL;
  g_autofree char *details = NULL;
  g_autofree char *triggers = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *menu_label = NULL;
  g_autofree char *signs_text = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  guint32 warning = episode->signs & MD_SIGNS_WARNING;
  guint32 other = episode->signs & ~MD_SIGNS_WARNING;
  gboolean has_note = episode->notes != NULL && *episode->notes != '\0';

  g_return_if_fail (MD_IS_EPISODE_ROW (self));

  g_clear_object (&self->object);
  g_free (self->header);
  self->header = g_strdup (day_header);
  self->id = episode->id;
  if (day_header != NULL)
    gtk_label_set_label (ensure_day_label (self), day_header);
  if (self->day_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->day_label), day_header != NULL);

  time = md_format_episode_time (episode);
  g_free (self->regions);
  self->regions = md_regions_to_label (episode->regions);
  details = details_text (episode);
  triggers = episode->triggers ? md_triggers_to_label (episode->triggers) : NULL;
  gtk_label_set_label (self->time_label, time);
  /* The label is .heading; the details as .md-secondary (style.css), the triggers as
   * .md-secondary.caption. */
  append_line (markup, "", self->regions, "");
  append_line (markup, "<span weight=\"normal\" alpha=\"85%\" line_height=\"1.25\">", details, "</span>");
  if (triggers != NULL)
    append_line (markup, "<span weight=\"normal\" alpha=\"85%\" size=\"smaller\" line_height=\"1.25\">", triggers, "</span>");
  gtk_label_set_markup (self->text_label, markup->str);

  if (warning != 0)
    {
      g_autofree char *signs = md_signs_to_label (warning);
      g_autofree char *text = g_strdup_printf ((warning & (warning - 1)) != 0 ?
                                               _("Warning signs: %s") : _("Warning sign: %s"), signs);

      gtk_label_set_label (ensure_warning (self), text);
    }
  if (self->warning_box != NULL)
    gtk_widget_set_visible (self->warning_box, warning != 0);

  /* The other signs, all of them, on a line of their own. */
  if (other != 0)
    {
      g_autofree char *signs = md_signs_to_label (other);
      guint n = (guint) __builtin_popcount (other);

      /* Translators: the signs other than warning signs noted with an episode, e.g. "Signs: pain". */
      signs_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sign: %s", "Signs: %s", n), signs);
    }
  if (signs_text != NULL)
    gtk_label_set_label (ensure_signs_label (self), signs_text);
  if (self->signs_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->signs_label), signs_text != NULL);

  /* A mark for a note, with the note as its tooltip. */
  if (has_note)
    gtk_widget_set_tooltip_text (ensure_note_icon (self), episode->notes);
  if (self->note_icon != NULL)
    gtk_widget_set_visible (self->note_icon, has_note);

  place_lines (self);

  /* Translators: the accessible name of a row's menu button: "Actions for 09:30, Lower eyelid". */
  menu_label = g_strdup_printf (_("Actions for %s, %s"), time, self->regions);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);

  {
    g_autoptr(GString) a11y = g_string_new (NULL);

    g_string_append_printf (a11y, "%s %s, %s.", time, self->regions, details);
    if (triggers != NULL)
      {
        g_string_append_c (a11y, ' ');
        /* Translators: in a diary row's accessible label: the possible triggers ticked on it. */
        g_string_append_printf (a11y, _("Possible triggers: %s."), triggers);
      }
    if (warning != 0)
      g_string_append_printf (a11y, " %s.", gtk_label_get_label (self->warning_label));
    if (signs_text != NULL)
      g_string_append_printf (a11y, " %s.", signs_text);
    if (has_note)
      g_string_append_printf (a11y, " %s.", _("Has a note"));
    accessible = g_string_free (g_steal_pointer (&a11y), FALSE);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* GTK 4.8's signal factory binds a row again whenever its position moves: a save at the top
 * of the history moved every row on screen, and each was rebuilt (labels, markup, accessible
 * names: a sixth of a save). Episode objects are never changed in place, so a row already
 * showing @object under the same heading is left as it is. */
void
md_episode_row_bind (MdEpisodeRow    *self,
                     MdEpisodeObject *object,
                     const char      *day_header)
{
  g_return_if_fail (MD_IS_EPISODE_ROW (self));
  g_return_if_fail (MD_IS_EPISODE_OBJECT (object));

  if (self->object == object && g_strcmp0 (self->header, day_header) == 0)
    return;
  md_episode_row_set_episode (self, md_episode_object_get_episode (object), day_header);
  g_set_object (&self->object, object);
}

gint64
md_episode_row_get_id (MdEpisodeRow *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_ROW (self), 0);
  return self->id;
}

const char *
md_episode_row_get_header (MdEpisodeRow *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_ROW (self), NULL);
  return self->day_label != NULL && gtk_widget_get_visible (GTK_WIDGET (self->day_label)) ?
         gtk_label_get_label (self->day_label) : NULL;
}

const char *
md_episode_row_get_summary (MdEpisodeRow *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_ROW (self), NULL);
  return self->regions;
}

const char *
md_episode_row_get_warning (MdEpisodeRow *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_ROW (self), NULL);
  return self->warning_box != NULL && gtk_widget_get_visible (self->warning_box) ?
         gtk_label_get_label (self->warning_label) : NULL;
}

GtkMenuButton *
md_episode_row_get_menu_button (MdEpisodeRow *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_ROW (self), NULL);
  return self->menu_button;
}

const char *
md_episode_row_get_signs (MdEpisodeRow *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_ROW (self), NULL);
  return self->signs_label != NULL && gtk_widget_get_visible (GTK_WIDGET (self->signs_label)) ?
         gtk_label_get_label (self->signs_label) : NULL;
}

GtkWidget *
md_episode_row_get_note_icon (MdEpisodeRow *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_ROW (self), NULL);
  return self->note_icon;
}

/* The card: the accessible label that reads the whole episode is on it. */
GtkWidget *
md_episode_row_get_card (MdEpisodeRow *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_ROW (self), NULL);
  return self->card;
}

/* The row's text label: the regions, details and possible triggers, a line each. */
GtkLabel *
md_episode_row_get_text_label (MdEpisodeRow *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_ROW (self), NULL);
  return self->text_label;
}
