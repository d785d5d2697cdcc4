/* md-flags-view.c: the alerts on the main view.
 *
 * Each alert shows its level with an icon and words (never colour alone), the message with the
 * numbers, what to do, and two buttons: "Show Episodes" (emits show-episodes with the evidence)
 * and "Discussed with My Doctor" ("I've Been Checked" on an emergency), which hides it until
 * new evidence arrives. A flat button below shows the hidden ones again. An emergency card
 * leads with the call to her own number, then what was logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-flags-view"

#include "config.h"

#include <glib/gi18n.h>

#include "md-a11y.h"
#include "md-flags-view.h"
#include "md-time.h"

/* Alerts shown before "Show N More Alerts": the highest one, so the history stays in view. */
#define FOLDED_ROWS 1

struct _MdFlagsView
{
  GtkWidget  parent_instance;

  MdDiary   *diary;
  gulong     changed_id;
  GPtrArray *flags;        /* MdFlag*, all of them (discussed included) */
  MdLevel    level;
  gboolean   expanded;     /* all alerts shown, not only the first ones */
  gboolean   show_discussed; /* the alerts marked as discussed or checked are shown too */
  char      *number;       /* her emergency number */
  GtkWidget *box;          /* the rows */
};

G_DEFINE_FINAL_TYPE (MdFlagsView, md_flags_view, GTK_TYPE_WIDGET)

enum {
  SHOW_EPISODES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
md_level_icon_name (MdLevel level)
{
  switch (level)
    {
    case MD_LEVEL_EMERGENCY:
      return "dialog-error-symbolic";
    case MD_LEVEL_URGENT:
      return "dialog-warning-symbolic";
    case MD_LEVEL_SOON:
      return "x-office-calendar-symbolic";
    case MD_LEVEL_NOTE:
      return "dialog-information-symbolic";
    default:
      return "emblem-ok-symbolic";
    }
}

static const char *
level_css (MdLevel level)
{
  switch (level)
    {
    case MD_LEVEL_EMERGENCY:
      return "level-emergency";
    case MD_LEVEL_URGENT:
      return "level-urgent";
    case MD_LEVEL_SOON:
      return "level-soon";
    default:
      return "level-note";
    }
}

/* The flag a row's button stands for: rows keep their flag's position, so that a refresh
 * that only changes words can keep the rows and swap the list under them. */
static MdFlag *
button_flag (MdFlagsView *self,
             GtkButton   *button)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "flag-index"));

  g_return_val_if_fail (self->flags != NULL && i < self->flags->len, NULL);
  return g_ptr_array_index (self->flags, i);
}

static void
show_episodes_clicked_cb (GtkButton   *button,
                          MdFlagsView *self)
{
  MdFlag *flag = button_flag (self, button);

  if (flag == NULL)
    return;
  g_signal_emit (self, signals[SHOW_EPISODES], 0, flag->episodes);
}

static void
discussed_clicked_cb (GtkButton   *button,
                      MdFlagsView *self)
{
  MdFlag *flag = button_flag (self, button);
  g_autoptr(GError) error = NULL;

  if (flag == NULL)
    return;
  /* The diary re-evaluates its alerts and the view rebuilds from "notify::alerts". */
  if (flag->discussed)
    md_diary_unmark_alert (self->diary, flag->rule, &error);
  else
    md_diary_mark_alert (self->diary, flag, &error);
  if (error != NULL)
    g_warning ("Could not keep the mark: %s", error->message);
}

static GtkWidget *
make_buttons (MdFlagsView    *self,
              MdFlag         *flag,
              guint           index,
              GtkOrientation  orientation)
{
  GtkWidget *box = gtk_box_new (orientation, 6);
  GtkWidget *show = gtk_button_new_with_mnemonic (_("_Show Episodes"));
  gboolean emergency = flag->level == MD_LEVEL_EMERGENCY;
  GtkWidget *discussed = gtk_button_new_with_mnemonic (flag->discussed ? (emergency ? _("_Not Checked Yet") : _("_Not Discussed Yet"))
                                                                        : (emergency ? _("_I’ve Been Checked") : _("_Discussed with My Doctor")));

  g_object_set_data (G_OBJECT (show), "flag-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (discussed), "flag-index", GUINT_TO_POINTER (index));
  g_signal_connect (show, "clicked", G_CALLBACK (show_episodes_clicked_cb), self);
  g_signal_connect (discussed, "clicked", G_CALLBACK (discussed_clicked_cb), self);
  gtk_widget_set_sensitive (show, flag->episodes != NULL && flag->episodes->len > 0);
  /* A diary opened read-only keeps no marks. */
  gtk_widget_set_sensitive (discussed, self->diary == NULL || !md_store_is_read_only (md_diary_get_store (self->diary)));
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), show);
  gtk_box_append (GTK_BOX (box), discussed);
  return box;
}

static char *
row_a11y_label (MdFlag     *flag,
                const char *action_text)
{
  return action_text != NULL
    ? g_strdup_printf ("%s: %s. %s %s", md_level_label (flag->level), flag->title, action_text, flag->message)
    : g_strdup_printf ("%s: %s. %s", md_level_label (flag->level), flag->title, flag->message);
}

static GtkWidget *
make_flag_row (MdFlagsView *self,
               MdFlag      *flag,
               guint        index)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (md_level_icon_name (flag->level));
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *level = gtk_label_new (md_level_label (flag->level));
  GtkWidget *title = gtk_label_new (flag->title);
  g_autofree char *action_text = md_level_action (flag->level, self->number);
  GtkWidget *action = action_text != NULL ? gtk_label_new (action_text) : NULL;
  GtkWidget *message = gtk_label_new (flag->message);
  GtkWidget *advice = gtk_label_new (flag->advice);
  GtkWidget *buttons = adw_squeezer_new ();
  g_autofree char *a11y = row_a11y_label (flag, action_text);

  gtk_widget_add_css_class (frame, "card");
  gtk_widget_add_css_class (frame, "flag-row");
  gtk_widget_add_css_class (frame, level_css (flag->level));
  if (flag->discussed)
    gtk_widget_add_css_class (frame, "md-secondary");
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_start (icon, 12);
  gtk_widget_set_margin_top (icon, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, md_level_label (flag->level), -1);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_margin_top (text, 10);
  gtk_widget_set_margin_bottom (text, 10);
  gtk_widget_set_margin_end (text, 12);
  gtk_label_set_xalign (GTK_LABEL (level), 0);
  gtk_widget_add_css_class (level, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (advice), 0);
  gtk_label_set_wrap (GTK_LABEL (advice), TRUE);
  gtk_widget_add_css_class (advice, "flag-advice");
  /* An emergency: the call first, in full contrast; everything on the card stays readable. */
  if (action != NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (action), 0);
      gtk_label_set_wrap (GTK_LABEL (action), TRUE);
      gtk_label_set_selectable (GTK_LABEL (action), TRUE);
      gtk_widget_add_css_class (action, "title-4");
      gtk_widget_add_css_class (action, "flag-action");
    }
  else
    gtk_widget_add_css_class (advice, "md-secondary");

  /* The buttons sit side by side, or one under the other when the window is narrow. */
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (buttons), FALSE);
  adw_squeezer_set_xalign (ADW_SQUEEZER (buttons), 0.0);
  adw_squeezer_add (ADW_SQUEEZER (buttons), make_buttons (self, flag, index, GTK_ORIENTATION_HORIZONTAL));
  adw_squeezer_add (ADW_SQUEEZER (buttons), make_buttons (self, flag, index, GTK_ORIENTATION_VERTICAL));
  gtk_widget_set_margin_top (buttons, 4);

  gtk_box_append (GTK_BOX (text), level);
  gtk_box_append (GTK_BOX (text), title);
  if (action != NULL)
    gtk_box_append (GTK_BOX (text), action);
  gtk_box_append (GTK_BOX (text), message);
  gtk_box_append (GTK_BOX (text), advice);
  gtk_box_append (GTK_BOX (text), buttons);
  gtk_box_append (GTK_BOX (frame), icon);
  gtk_box_append (GTK_BOX (frame), text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (frame), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data (G_OBJECT (frame), "flag-index", GUINT_TO_POINTER (index + 1));
  g_object_set_data (G_OBJECT (frame), "title", title);
  g_object_set_data (G_OBJECT (frame), "message", message);
  return frame;
}

/* When @flags fire the same rules at the same levels, marked the same, as the rows show (a
 * save usually changes only a count in a message), the rows keep their widgets and only their
 * words change. FALSE when the rows must be built again. */
static gboolean
update_in_place (MdFlagsView *self,
                 GPtrArray   *flags)
{
  GtkWidget *child;

  if (self->flags == NULL || flags->len != self->flags->len)
    return FALSE;
  for (guint i = 0; i < flags->len; i++)
    {
      const MdFlag *a = g_ptr_array_index (self->flags, i), *b = g_ptr_array_index (flags, i);

      if (g_strcmp0 (a->rule, b->rule) != 0 || a->level != b->level || a->discussed != b->discussed ||
          g_strcmp0 (a->advice, b->advice) != 0 ||
          (a->episodes != NULL && a->episodes->len > 0) != (b->episodes != NULL && b->episodes->len > 0))
        return FALSE;
    }
  g_ptr_array_unref (self->flags);
  self->flags = g_ptr_array_ref (flags);
  for (child = gtk_widget_get_first_child (self->box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "flag-index"));
      MdFlag *flag;
      g_autofree char *action_text = NULL;
      g_autofree char *a11y = NULL;

      if (index == 0)
        continue;   /* a toggle below the rows */
      flag = g_ptr_array_index (flags, index - 1);
      action_text = md_level_action (flag->level, self->number);
      a11y = row_a11y_label (flag, action_text);
      gtk_label_set_label (g_object_get_data (G_OBJECT (child), "title"), flag->title);
      gtk_label_set_label (g_object_get_data (G_OBJECT (child), "message"), flag->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
    }
  return TRUE;
}

static void
toggle_expanded_cb (MdFlagsView *self)
{
  self->expanded = !self->expanded;
  md_flags_view_refresh (self);
}

static void
toggle_discussed_cb (MdFlagsView *self)
{
  self->show_discussed = !self->show_discussed;
  md_flags_view_refresh (self);
}

void
md_flags_view_refresh (MdFlagsView *self)
{
  guint n_rows = 0, n_discussed = 0;
  GtkWidget *child;

  g_return_if_fail (MD_IS_FLAGS_VIEW (self));

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  g_clear_pointer (&self->flags, g_ptr_array_unref);
  self->level = MD_LEVEL_NONE;
  if (self->diary == NULL)
    return;

  /* The diary's alerts: the same, from the same clock, as --flags and the summary. */
  self->flags = g_ptr_array_ref (md_diary_get_alerts (self->diary));
  self->level = md_diary_get_level (self->diary);

  for (guint i = 0; i < self->flags->len; i++)
    {
      MdFlag *flag = g_ptr_array_index (self->flags, i);
      GtkWidget *row;

      /* A marked alert stays out of the way until asked for (or new evidence arrives). */
      if (flag->discussed)
        {
          n_discussed++;
          if (!self->show_discussed)
            continue;
        }
      row = make_flag_row (self, flag, i);
      /* Highest level first, so what is folded away is never more serious than what shows. */
      gtk_widget_set_visible (row, self->expanded || n_rows < FOLDED_ROWS);
      gtk_box_append (GTK_BOX (self->box), row);
      n_rows++;
    }
  if (n_rows > FOLDED_ROWS)
    {
      guint more = n_rows - FOLDED_ROWS;
      g_autofree char *label = self->expanded ? g_strdup (_("Show Fewer Alerts"))
                               : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More Alert", "Show %u More Alerts", more), more);
      GtkWidget *toggle = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (toggle, "flat");
      gtk_widget_set_halign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_name (toggle, "more-alerts");
      g_signal_connect_swapped (toggle, "clicked", G_CALLBACK (toggle_expanded_cb), self);
      gtk_box_append (GTK_BOX (self->box), toggle);
    }
  if (n_discussed > 0)
    {
      g_autofree char *label = self->show_discussed
        ? g_strdup (g_dngettext (GETTEXT_PACKAGE, "Hide the Alert Marked as Discussed or Checked",
                                 "Hide the Alerts Marked as Discussed or Checked", n_discussed))
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u Alert Marked as Discussed or Checked",
                                        "Show %u Alerts Marked as Discussed or Checked", n_discussed), n_discussed);
      GtkWidget *toggle = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (toggle, "flat");
      gtk_widget_set_halign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_name (toggle, "show-discussed");
      g_signal_connect_swapped (toggle, "clicked", G_CALLBACK (toggle_discussed_cb), self);
      gtk_box_append (GTK_BOX (self->box), toggle);
    }
  md_a11y_fix_names (self->box);
  gtk_widget_set_visible (GTK_WIDGET (self), self->flags->len > 0);
}

static void
alerts_changed_cb (MdDiary     *diary,
                   GParamSpec  *pspec,
                   MdFlagsView *self)
{
  if (!update_in_place (self, md_diary_get_alerts (diary)))
    md_flags_view_refresh (self);
}

static void
md_flags_view_dispose (GObject *object)
{
  MdFlagsView *self = MD_FLAGS_VIEW (object);

  if (self->diary != NULL)
    g_clear_signal_handler (&self->changed_id, self->diary);
  g_clear_object (&self->diary);
  g_clear_pointer (&self->flags, g_ptr_array_unref);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->number, g_free);

  G_OBJECT_CLASS (md_flags_view_parent_class)->dispose (object);
}

static void
md_flags_view_class_init (MdFlagsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_flags_view_dispose;

  /**
   * MdFlagsView::show-episodes:
   * @ids: a GArray of gint64 episode ids
   */
  signals[SHOW_EPISODES] = g_signal_new ("show-episodes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flagsview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
md_flags_view_init (MdFlagsView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Alerts"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
md_flags_view_new (void)
{
  return g_object_new (MD_TYPE_FLAGS_VIEW, NULL);
}

void
md_flags_view_set_diary (MdFlagsView *self,
                         MdDiary     *diary)
{
  g_return_if_fail (MD_IS_FLAGS_VIEW (self));

  if (self->diary != NULL)
    g_clear_signal_handler (&self->changed_id, self->diary);
  g_set_object (&self->diary, diary);
  if (diary != NULL)
    self->changed_id = g_signal_connect (diary, "notify::alerts", G_CALLBACK (alerts_changed_cb), self);
  md_flags_view_refresh (self);
}

void
md_flags_view_set_emergency_number (MdFlagsView *self,
                                    const char  *number)
{
  g_return_if_fail (MD_IS_FLAGS_VIEW (self));

  if (g_strcmp0 (self->number, number) == 0)
    return;
  g_free (self->number);
  self->number = g_strdup (number);
  md_flags_view_refresh (self);
}

GPtrArray *
md_flags_view_get_flags (MdFlagsView *self)
{
  g_return_val_if_fail (MD_IS_FLAGS_VIEW (self), NULL);
  return self->flags;
}

MdLevel
md_flags_view_get_level (MdFlagsView *self)
{
  g_return_val_if_fail (MD_IS_FLAGS_VIEW (self), MD_LEVEL_NONE);
  return self->level;
}
