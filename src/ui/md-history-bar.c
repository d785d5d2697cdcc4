/* md-history-bar.c: the search and filters above the history.
 *
 * A search bar (Ctrl+F) with an entry for words in the notes and a "Filter" popover with one
 * drop-down each for region, side and sign; below it, while not every episode is shown, one
 * line that says what is shown and a "Show All" button (the window's "win.show-all"). The
 * filtering itself is done by the diary (md_diary_list_filtered and friends).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-history-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "md-a11y.h"
#include "md-history-bar.h"

enum { DROP_REGION, DROP_SIDE, DROP_SIGN, N_DROPS };

struct _MdHistoryBar
{
  GtkWidget        parent_instance;

  MdEpisodeFilter *filter;
  gboolean         clearing;
  /* The search bar and the status line are made when first needed (most starts need
   * neither, and every widget costs start-up time); NULL before. */
  GtkSearchBar    *search_bar;
  GtkWidget       *entry;
  GtkWidget       *filter_button;
  GtkDropDown     *drops[N_DROPS];
  GtkWidget       *status_box;
  GtkLabel        *status_label;
};

G_DEFINE_FINAL_TYPE (MdHistoryBar, md_history_bar, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void ensure_search (MdHistoryBar *self);
static void ensure_status (MdHistoryBar *self);

static void
emit_changed (MdHistoryBar *self)
{
  gboolean active = !md_episode_filter_is_empty (self->filter);

  if (active)
    ensure_status (self);
  if (self->status_box != NULL)
    gtk_widget_set_visible (self->status_box, active);
  if (self->filter_button != NULL && active)
    gtk_widget_add_css_class (self->filter_button, "accent");
  else if (self->filter_button != NULL)
    gtk_widget_remove_css_class (self->filter_button, "accent");
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The filter from the entry and the drop-downs (the evidence, if any, stays). */
/* The choice of a drop-down; 0 ("Any") while the filter popover is not made yet. */
static guint
selected (MdHistoryBar *self,
          guint         which)
{
  return self->drops[which] != NULL ? gtk_drop_down_get_selected (self->drops[which]) : 0;
}

static void
read_controls (MdHistoryBar *self)
{
  guint region = selected (self, DROP_REGION);
  guint side = selected (self, DROP_SIDE);
  guint sign = selected (self, DROP_SIGN);
  const MdSign *order = md_signs_display_order (NULL);

  md_episode_filter_set_words (self->filter, self->entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (self->entry)) : NULL);
  self->filter->regions = region > 0 && region != GTK_INVALID_LIST_POSITION ? MD_BIT (region - 1) : 0;
  self->filter->side = side > 0 && side != GTK_INVALID_LIST_POSITION ? (MdSide) side : MD_SIDE_UNKNOWN;
  self->filter->signs = sign > 0 && sign != GTK_INVALID_LIST_POSITION ? MD_BIT (order[sign - 1]) : 0;
}

static void
controls_changed_cb (MdHistoryBar *self)
{
  if (self->clearing)
    return;
  read_controls (self);
  emit_changed (self);
}

static void
reset_controls (MdHistoryBar *self)
{
  self->clearing = TRUE;
  if (self->entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  for (guint i = 0; i < N_DROPS; i++)
    if (self->drops[i] != NULL)
      gtk_drop_down_set_selected (self->drops[i], 0);
  self->clearing = FALSE;
}

/* Closing the search (Escape, or the search button) clears what was set in it. */
static void
search_mode_cb (MdHistoryBar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SEARCH_MODE]);
  if (gtk_search_bar_get_search_mode (self->search_bar) || self->clearing)
    return;
  reset_controls (self);
  read_controls (self);
  emit_changed (self);
}

static GtkWidget *
make_dropdown (MdHistoryBar *self,
               guint         which,
               GtkWidget    *grid,
               const char   *mnemonic,
               const char   *accessible,
               GtkStringList *items)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *drop = gtk_drop_down_new (G_LIST_MODEL (items), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop);
  gtk_widget_set_hexpand (drop, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_swapped (drop, "notify::selected", G_CALLBACK (controls_changed_cb), self);
  gtk_grid_attach (GTK_GRID (grid), label, 0, which, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), drop, 1, which, 1, 1);
  self->drops[which] = GTK_DROP_DOWN (drop);
  return drop;
}

static GtkWidget *
make_filter_popover (MdHistoryBar *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkStringList *regions = gtk_string_list_new (NULL);
  GtkStringList *sides = gtk_string_list_new (NULL);
  GtkStringList *signs = gtk_string_list_new (NULL);
  guint n_signs;
  const MdSign *order = md_signs_display_order (&n_signs);

  gtk_string_list_append (regions, _("Any region"));
  for (guint i = 0; i < MD_N_REGIONS; i++)
    gtk_string_list_append (regions, md_region_label (i));
  gtk_string_list_append (sides, _("Any side"));
  for (guint i = MD_SIDE_LEFT; i < MD_N_SIDES; i++)
    gtk_string_list_append (sides, md_side_label (i));
  gtk_string_list_append (signs, _("Any sign"));
  for (guint i = 0; i < n_signs; i++)
    gtk_string_list_append (signs, md_sign_label (order[i]));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  make_dropdown (self, DROP_REGION, grid, _("_Region"), _("Region"), regions);
  make_dropdown (self, DROP_SIDE, grid, _("Si_de"), _("Side"), sides);
  make_dropdown (self, DROP_SIGN, grid, _("Si_gn"), _("Sign"), signs);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  return popover;
}

/* The filter popover (three drop-downs, each with a list and a popover of its own: a fifth of
 * the window's widgets) is made when first needed, not with the window. */
static void
ensure_filter_popover (MdHistoryBar *self)
{
  if (self->drops[DROP_REGION] != NULL)
    return;
  ensure_search (self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->filter_button), make_filter_popover (self));
}

static void
create_filter_popup (GtkMenuButton *button,
                     gpointer       user_data)
{
  ensure_filter_popover (MD_HISTORY_BAR (user_data));
}

static void
md_history_bar_dispose (GObject *object)
{
  MdHistoryBar *self = MD_HISTORY_BAR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* Gone with their parents: NULL is "not made", for any late call. */
  self->search_bar = NULL;
  self->entry = NULL;
  self->filter_button = NULL;
  memset (self->drops, 0, sizeof self->drops);
  self->status_box = NULL;
  self->status_label = NULL;
  g_clear_pointer (&self->filter, md_episode_filter_free);

  G_OBJECT_CLASS (md_history_bar_parent_class)->dispose (object);
}

static void
md_history_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MdHistoryBar *self = MD_HISTORY_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, md_history_bar_get_search_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_history_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MdHistoryBar *self = MD_HISTORY_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      md_history_bar_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_history_bar_class_init (MdHistoryBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_history_bar_dispose;
  object_class->get_property = md_history_bar_get_property;
  object_class->set_property = md_history_bar_set_property;

  /**
   * MdHistoryBar:search-mode:
   *
   * Whether the search bar is open (the search is made the first time it is).
   */
  props[PROP_SEARCH_MODE] = g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * MdHistoryBar::changed:
   *
   * The filter changed: read it with md_history_bar_get_filter().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "historybar");
}

/* The search: words in the notes, then the filters. */
static void
ensure_search (MdHistoryBar *self)
{
  GtkWidget *search_box, *clamp;

  if (self->search_bar != NULL || self->filter == NULL)   /* made, or disposed */
    return;
  search_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  clamp = adw_clamp_new ();
  self->entry = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->entry, TRUE);
  g_object_set (self->entry, "placeholder-text", _("Search notes"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search notes"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (controls_changed_cb), self);
  self->filter_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->filter_button), _("_Filter"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->filter_button), TRUE);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (self->filter_button), TRUE);
  gtk_widget_set_tooltip_text (self->filter_button, _("Show only episodes of one region, side or sign"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter"), -1);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->filter_button), create_filter_popup, self, NULL);
  if (!md_episode_filter_is_empty (self->filter))
    gtk_widget_add_css_class (self->filter_button, "accent");
  gtk_box_append (GTK_BOX (search_box), self->entry);
  gtk_box_append (GTK_BOX (search_box), self->filter_button);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), search_box);
  self->search_bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  gtk_search_bar_set_child (self->search_bar, clamp);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
  gtk_search_bar_set_show_close_button (self->search_bar, FALSE);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self);
  gtk_widget_insert_after (GTK_WIDGET (self->search_bar), GTK_WIDGET (self), NULL);
  md_a11y_fix_names (GTK_WIDGET (self->search_bar));
}

/* What is shown, and the way back to everything. */
static void
ensure_status (MdHistoryBar *self)
{
  GtkWidget *show_all, *status_clamp;

  if (self->status_box != NULL || self->filter == NULL)   /* made, or disposed */
    return;
  show_all = gtk_button_new_with_mnemonic (_("Show _All"));
  self->status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_label), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show_all), "win.show-all");
  gtk_widget_set_valign (show_all, GTK_ALIGN_CENTER);
  /* Its name for a screen reader, once (md_a11y_fix_names keeps it). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (show_all), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  md_a11y_set_label (show_all, _("Show all episodes"));
  gtk_box_append (GTK_BOX (self->status_box), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (self->status_box), show_all);
  gtk_widget_set_margin_start (self->status_box, 12);
  gtk_widget_set_margin_end (self->status_box, 12);
  gtk_widget_set_margin_top (self->status_box, 6);
  gtk_widget_set_margin_bottom (self->status_box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shown episodes"), -1);
  status_clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (status_clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (status_clamp), self->status_box);
  gtk_widget_add_css_class (status_clamp, "filter-status");
  gtk_widget_set_parent (status_clamp, GTK_WIDGET (self));
  gtk_widget_set_visible (self->status_box, FALSE);
  g_object_bind_property (self->status_box, "visible", status_clamp, "visible", G_BINDING_SYNC_CREATE);
  md_a11y_fix_names (status_clamp);
}

static void
md_history_bar_init (MdHistoryBar *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->filter = md_episode_filter_new ();
}

GtkWidget *
md_history_bar_new (void)
{
  return g_object_new (MD_TYPE_HISTORY_BAR, NULL);
}

const MdEpisodeFilter *
md_history_bar_get_filter (MdHistoryBar *self)
{
  g_return_val_if_fail (MD_IS_HISTORY_BAR (self), NULL);
  return md_episode_filter_is_empty (self->filter) ? NULL : self->filter;
}

void
md_history_bar_show_evidence (MdHistoryBar *self,
                              GArray       *ids)
{
  g_return_if_fail (MD_IS_HISTORY_BAR (self));
  g_return_if_fail (ids != NULL);

  self->clearing = TRUE;
  md_history_bar_set_search_mode (self, FALSE);
  self->clearing = FALSE;
  reset_controls (self);
  read_controls (self);
  md_episode_filter_set_ids (self->filter, (const gint64 *) ids->data, ids->len);
  emit_changed (self);
}

void
md_history_bar_clear (MdHistoryBar *self)
{
  g_return_if_fail (MD_IS_HISTORY_BAR (self));

  self->clearing = TRUE;
  md_history_bar_set_search_mode (self, FALSE);
  self->clearing = FALSE;
  reset_controls (self);
  read_controls (self);
  md_episode_filter_set_ids (self->filter, NULL, 0);
  emit_changed (self);
}

void
md_history_bar_start_search (MdHistoryBar *self)
{
  g_return_if_fail (MD_IS_HISTORY_BAR (self));

  md_history_bar_set_search_mode (self, TRUE);
  gtk_widget_grab_focus (self->entry);
}

void
md_history_bar_set_count (MdHistoryBar *self,
                          guint         n)
{
  g_autofree char *text = NULL;

  g_return_if_fail (MD_IS_HISTORY_BAR (self));

  /* The line is made when a filter first applies (emit_changed), not for a count of everything. */
  if (self->status_label == NULL)
    return;
  if (self->filter->ids != NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing the %u episode behind this alert",
                                         "Showing the %u episodes behind this alert", n), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u episode matches", "%u episodes match", n), n);
  gtk_label_set_label (self->status_label, text);
}

gboolean
md_history_bar_get_search_mode (MdHistoryBar *self)
{
  g_return_val_if_fail (MD_IS_HISTORY_BAR (self), FALSE);
  return self->search_bar != NULL && gtk_search_bar_get_search_mode (self->search_bar);
}

void
md_history_bar_set_search_mode (MdHistoryBar *self,
                                gboolean      search_mode)
{
  g_return_if_fail (MD_IS_HISTORY_BAR (self));

  if (search_mode)
    ensure_search (self);
  /* Notified through the search bar's own property (search_mode_cb). */
  if (self->search_bar != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, search_mode);
}

GtkSearchBar *
md_history_bar_get_search_bar (MdHistoryBar *self)
{
  g_return_val_if_fail (MD_IS_HISTORY_BAR (self), NULL);
  ensure_search (self);
  return self->search_bar;
}

GtkEditable *
md_history_bar_get_entry (MdHistoryBar *self)
{
  g_return_val_if_fail (MD_IS_HISTORY_BAR (self), NULL);
  ensure_search (self);
  return GTK_EDITABLE (self->entry);
}

GtkDropDown *
md_history_bar_get_dropdown (MdHistoryBar *self,
                             guint         which)
{
  g_return_val_if_fail (MD_IS_HISTORY_BAR (self), NULL);
  g_return_val_if_fail (which < N_DROPS, NULL);
  ensure_filter_popover (self);
  return self->drops[which];
}

const char *
md_history_bar_get_status (MdHistoryBar *self)
{
  g_return_val_if_fail (MD_IS_HISTORY_BAR (self), NULL);
  return self->status_box != NULL && gtk_widget_get_visible (self->status_box) ?
         gtk_label_get_label (self->status_label) : NULL;
}
