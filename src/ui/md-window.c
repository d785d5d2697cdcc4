/* md-window.c: the main window: the history of episodes, grouped by day, and logging.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-window"

#include "config.h"

#include "md-a11y.h"

#include <glib/gi18n.h>

#include "md-application.h"

#include "md-alerts-window.h"
#include "md-checkin-editor.h"
#include "md-emergency.h"
#include "md-emergency-dialog.h"
#include "md-episode-form.h"
#include "md-episode-row.h"
#include "md-medicines-dialog.h"
#include "md-mrs-dialog.h"
#include "md-preferences.h"
#include "md-summary-dialog.h"
#include "md-window-private.h"

G_DEFINE_FINAL_TYPE (MdWindow, md_window, ADW_TYPE_APPLICATION_WINDOW)


static void
show_toast (MdWindow   *self,
            const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* The number of rows before the first episode: the alerts, while there are any. */
static guint
n_header (MdWindow *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->header));
}

/* The status page NAME ("empty" or "no-matches"), added to the stack the first time it is
 * shown (md-window-status.ui). */
static void
ensure_status_page (MdWindow   *self,
                    const char *name)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { name, NULL };
  GtkWidget *page;

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    return;
  builder = gtk_builder_new ();
  if (!gtk_builder_add_objects_from_resource (builder, "/io/github/menodiary/Menodiary/ui/md-window-status.ui",
                                              ids, &error))
    g_error ("%s", error->message); /* a resource built into the binary */
  page = GTK_WIDGET (gtk_builder_get_object (builder, name));
  gtk_stack_add_named (self->stack, page, name);
  md_a11y_fix_names (page);
}

static void
update_empty_state (MdWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const char *page = "history";

  if (n == 0)
    {
      page = md_history_model_get_filter (self->model) != NULL ? "no-matches" : "empty";
      ensure_status_page (self, page);
    }
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  MdWindow   *self)
{
  update_empty_state (self);
  if (md_history_model_get_filter (self->model) != NULL)
    md_history_bar_set_count (self->history_bar, g_list_model_get_n_items (model));
}

/* The alerts enter the list as its first item when there are some, and leave it when not. */
static void
alerts_visible_cb (MdWindow *self)
{
  gboolean shown = n_header (self) > 0;
  gboolean wanted = gtk_widget_get_visible (GTK_WIDGET (self->flags_view));

  if (wanted && !shown)
    g_list_store_append (self->header, self->flags_view);
  else if (!wanted && shown)
    g_list_store_remove (self->header, 0);
}

static void
history_filter_cb (MdWindow *self)
{
  md_history_model_set_filter (self->model, md_history_bar_get_filter (self->history_bar));
  md_history_bar_set_count (self->history_bar, g_list_model_get_n_items (G_LIST_MODEL (self->model)));
  update_empty_state (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              MdWindow                 *self)
{
  gtk_list_item_set_child (item, md_episode_row_new ());
}

/* The alerts' item: the list item shows the alerts view instead of its episode row (kept
 * aside for when the item is recycled for an episode). */
static void
bind_alerts (MdWindow    *self,
             GtkListItem *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_object_set_data_full (G_OBJECT (item), "md-row", g_object_ref (row), g_object_unref);
  gtk_list_item_set_child (item, GTK_WIDGET (self->flags_view));
  gtk_list_item_set_activatable (item, FALSE);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               MdWindow                 *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (item), "md-row");

  if (row != NULL && gtk_list_item_get_child (item) == GTK_WIDGET (self->flags_view))
    {
      gtk_list_item_set_child (item, row);
      gtk_list_item_set_activatable (item, TRUE);
      g_object_set_data (G_OBJECT (item), "md-row", NULL);
    }
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             MdWindow                 *self)
{
  gpointer object = gtk_list_item_get_item (item);
  const MdEpisode *ep;
  guint position;
  gint64 day;
  g_autofree char *header = NULL;
  gboolean new_day = TRUE;

  if (!MD_IS_EPISODE_OBJECT (object))
    {
      bind_alerts (self, item);
      return;
    }
  ep = md_episode_object_get_episode (object);
  position = gtk_list_item_get_position (item) - n_header (self);
  day = md_episode_local_day (ep);

  /* GTK 4.8 has no list sections: a row shows the day when it differs from the row above. */
  if (position > 0)
    {
      g_autoptr(MdEpisodeObject) prev = g_list_model_get_item (G_LIST_MODEL (self->model), position - 1);

      new_day = prev == NULL || md_episode_local_day (md_episode_object_get_episode (prev)) != day;
    }
  if (new_day)
    header = md_format_day_header (day, md_diary_get_today (self->diary));
  md_episode_row_bind (MD_EPISODE_ROW (gtk_list_item_get_child (item)), object, header);
}

/* Her emergency number: the one given to the window, else her preference, else her region's. */
static char *
emergency_number (MdWindow *self)
{
  g_autofree char *configured = NULL;

  if (self->emergency_number != NULL)
    return g_strdup (self->emergency_number);
  configured = self->settings ? g_settings_get_string (self->settings, "emergency-number") : NULL;
  return g_strdup (md_emergency_number (configured));
}

static void
emergency_number_changed_cb (MdWindow *self)
{
  g_autofree char *number = emergency_number (self);

  md_flags_view_set_emergency_number (self->flags_view, number);
}

static void
show_undo_toast (MdWindow   *self,
                 const char *title)
{
  AdwToast *toast;

  /* One Undo toast at a time, updated in place: dismissing a toast while libadwaita 1.2 is
   * still animating it in crashes (seen with two deletes in quick succession). */
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, title);
      adw_toast_set_button_label (self->undo_toast, _("_Undo"));
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
editor_saved_cb (MdEpisodeEditor *editor,
                 gint64           id,
                 gboolean         is_new,
                 MdWindow        *self)
{
  GPtrArray *flags = md_diary_get_alerts (self->diary);
  g_autoptr(GPtrArray) emergency = md_emergency_flags_for (flags, id);

  if (is_new)
    show_toast (self, _("Episode logged"));
  else
    {
      const MdEpisode *before = md_episode_editor_get_original (editor);

      /* Ctrl+Z (or the toast's Undo) puts back the episode as it was before this edit. */
      g_clear_pointer (&self->deleted, md_episode_free);
      g_clear_pointer (&self->edited, md_episode_free);
      self->edited = before != NULL ? md_episode_copy (before) : NULL;
      show_undo_toast (self, _("Changes saved"));
    }

  /* Signs that need help at once: a blocking message with her emergency number. */
  if (emergency->len > 0 && self->emergency == NULL)
    {
      g_autofree char *number = emergency_number (self);
      GtkWidget *dialog = md_emergency_dialog_new (GTK_WINDOW (self), number, emergency);

      g_set_weak_pointer (&self->emergency, dialog);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* "Show Episodes" on an alert: the history shows only its evidence, with a bar that says so
 * and leads back to every episode. */
static void
show_episodes_cb (MdFlagsView *view,
                  GArray      *ids,
                  MdWindow    *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "diary");
  md_history_bar_show_evidence (self->history_bar, ids);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->history_view), "list.scroll-to-item", "u", n_header (self));
}

static void
show_all_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  md_history_bar_clear (MD_WINDOW (user_data)->history_bar);
}

static void
search_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);

  adw_view_stack_set_visible_child_name (self->view_stack, "diary");
  md_history_bar_start_search (self->history_bar);
}

/* The keyboard shortcuts window (Ctrl+?), made when first asked for: GtkApplication would build
 * it with every window (from gtk/help-overlay.ui), a tenth of the start's window building. */
static void
show_shortcuts_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);

  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/menodiary/Menodiary/ui/md-shortcuts.ui");
      GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

      gtk_window_set_transient_for (window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (window, TRUE);
      g_set_weak_pointer (&self->shortcuts, window);
    }
  gtk_window_present (self->shortcuts);
}

static void
open_editor (MdWindow        *self,
             const MdEpisode *episode)
{
  MdEpisodeEditor *editor;

  if (md_window_is_read_only (self))
    {
      show_toast (self, _("This diary is open read-only; nothing can be changed"));
      return;
    }
  if (self->editor != NULL && gtk_widget_get_visible (GTK_WIDGET (self->editor)))
    {
      gtk_window_present (GTK_WINDOW (self->editor));
      return;
    }
  if (self->editor != NULL)   /* saved, and closing */
    gtk_window_destroy (GTK_WINDOW (self->editor));
  editor = md_episode_editor_new (GTK_WINDOW (self), self->diary, episode);
  {
    g_autofree char *number = emergency_number (self);
    md_episode_editor_set_emergency_number (editor, number);
  }
  g_signal_connect (editor, "saved", G_CALLBACK (editor_saved_cb), self);
  g_set_weak_pointer (&self->editor, editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_by_id (MdWindow *self,
            gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_diary_get_episode (self->diary, id, &error);

  if (ep == NULL)
    {
      g_warning ("Could not open the episode: %s", error->message);
      show_toast (self, error->message);
      return;
    }
  open_editor (self, ep);
}

static void
activate_cb (GtkGridView *grid_view,
             guint        position,
             MdWindow    *self)
{
  g_autoptr(GObject) object = g_list_model_get_item (self->items, position);

  if (MD_IS_EPISODE_OBJECT (object))
    edit_by_id (self, md_episode_object_get_id (MD_EPISODE_OBJECT (object)));
}

static void
log_episode_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  open_editor (MD_WINDOW (user_data), NULL);
}

static void
edit_episode_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  edit_by_id (MD_WINDOW (user_data), g_variant_get_int64 (parameter));
}

static void
delete_episode_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_diary_get_episode (self->diary, id, &error);

  if (ep == NULL || !md_diary_delete_episode (self->diary, id, &error))
    {
      g_warning ("Could not delete the episode: %s", error->message);
      show_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->deleted, md_episode_free);
  g_clear_pointer (&self->edited, md_episode_free);
  self->deleted = g_steal_pointer (&ep);
  show_undo_toast (self, _("Episode deleted"));
}

/* Undoes the last delete or edit (Ctrl+Z, or the toast's Undo button). */
static void
undo_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) deleted = g_steal_pointer (&self->deleted);
  g_autoptr(MdEpisode) edited = g_steal_pointer (&self->edited);

  /* Nothing left to undo: the toast says so rather than being dismissed mid-animation. */
  if (self->undo_toast != NULL && (deleted != NULL || edited != NULL))
    {
      adw_toast_set_title (self->undo_toast, deleted != NULL ? _("Episode restored") : _("Change undone"));
      adw_toast_set_button_label (self->undo_toast, NULL);
    }
  if (deleted != NULL && !md_diary_restore_episode (self->diary, deleted, &error))
    {
      g_warning ("Could not restore the episode: %s", error->message);
      show_toast (self, error->message);
    }
  else if (edited != NULL && !md_diary_update_episode (self->diary, edited, &error))
    {
      g_warning ("Could not undo the change: %s", error->message);
      show_toast (self, error->message);
    }
  else if (edited != NULL && self->undo_toast == NULL)
    show_toast (self, _("Change undone"));
}

static void
check_in_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);
  g_auto(GStrv) supplements = md_preferences_get_supplements (self->settings);
  MdCheckinEditor *editor = md_checkin_editor_new (GTK_WINDOW (self), self->diary,
                                                   (const char * const *) supplements, md_diary_get_today (self->diary));

  if (self->settings != NULL)
    {
      g_auto(GStrv) symptoms = g_settings_get_strv (self->settings, "custom-symptoms");

      md_checkin_editor_set_symptom_names (editor, (const char * const *) symptoms);
    }
  gtk_window_present (GTK_WINDOW (editor));
}

static void
medicines_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);

  gtk_window_present (GTK_WINDOW (md_medicines_dialog_new (GTK_WINDOW (self), self->diary)));
}

static void
mrs_cb (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);

  gtk_window_present (GTK_WINDOW (md_mrs_dialog_new (GTK_WINDOW (self), self->diary)));
}

static void
about_alerts_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (md_alerts_window_new (GTK_WINDOW (user_data))));
}

static void
summary_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);

  gtk_window_present (GTK_WINDOW (md_summary_dialog_new (GTK_WINDOW (self), self->diary, self->settings)));
}

/* The alerts run the rules over the whole diary: worked out after the first frame, and shown
 * when ready. */
static gboolean
show_alerts_cb (gpointer data)
{
  MdWindow *self = data;

  self->alerts_idle = 0;
  md_flags_view_set_diary (self->flags_view, self->diary);
  return G_SOURCE_REMOVE;
}

static gboolean
show_rest_cb (gpointer data)
{
  MdWindow *self = data;

  self->rest_idle = 0;
  /* The model itself takes the slice's place (a slice that grows reports every item after a
   * change as removed and added again, so a save would rebuild every row). */
  g_list_store_splice (self->parts, 1, 1, (gpointer *) &self->model, 1);
  g_clear_object (&self->first_screen);
  return G_SOURCE_REMOVE;
}

/* Rows in the first frame: a screenful of episodes in a window of @height, under its header
 * bar (46 px) and @above px of bars, rounded up (the last row may be cut). A row is at least
 * 56 px: two lines of text (17 px each with Adwaita's 11 pt .heading at 96 dpi, 14 px at 9 pt),
 * 24 px of card padding and 6 px between cards. */
static guint
first_screen_rows (int height,
                   int above)
{
  return (guint) MAX ((CLAMP (height, 600, 16384) - 46 - above + 55) / 56, 4);
}

static void
first_paint_cb (GdkFrameClock *frame_clock,
                MdWindow      *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_paint_cb, self);
  /* The rest of the list, once its first screen is on show (in an idle: after this frame). */
  if (self->rest_idle == 0 && self->first_screen != NULL)
    self->rest_idle = g_idle_add (show_rest_cb, self);
  if (self->alerts_idle == 0 && self->diary != NULL)
    self->alerts_idle = g_idle_add (show_alerts_cb, self);
}

static void
realize_cb (MdWindow *self)
{
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                    G_CALLBACK (first_paint_cb), self);
}

/* Her own daily symptoms, a Trends chart each. */
static void
symptoms_changed_cb (MdWindow *self)
{
  g_auto(GStrv) names = NULL;

  if (self->settings == NULL || self->trends_page == NULL)
    return;
  names = g_settings_get_strv (self->settings, "custom-symptoms");
  md_trends_page_set_symptom_names (self->trends_page, (const char * const *) names);
}

/* A window too narrow for the view switcher in the header bar shows the title there and the
 * switcher at the bottom, as AdwViewSwitcherTitle would. The bar is made the first time; in an
 * idle, since the squeezer tells while it is being allocated, when no widget may be added. */
static gboolean
update_switcher_bar (gpointer data)
{
  MdWindow *self = data;
  gboolean narrow = adw_squeezer_get_visible_child (self->title_squeezer) == self->window_title;

  self->switcher_idle = 0;
  if (narrow && self->switcher_bar == NULL)
    {
      self->switcher_bar = ADW_VIEW_SWITCHER_BAR (adw_view_switcher_bar_new ());
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
      gtk_box_append (self->main_box, GTK_WIDGET (self->switcher_bar));
    }
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
  return G_SOURCE_REMOVE;
}

static void
title_squeezed_cb (MdWindow   *self,
                   GParamSpec *pspec)
{
  if (self->switcher_idle == 0)
    self->switcher_idle = g_idle_add (update_switcher_bar, self);
}

/* The Trends page is made, reads and draws only once it is first shown. */
static void
visible_page_cb (MdWindow   *self,
                 GParamSpec *pspec)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->trends_page == NULL && g_strcmp0 (name, "trends") == 0)
    {
      self->trends_page = MD_TRENDS_PAGE (md_trends_page_new ());
      adw_bin_set_child (self->trends_bin, GTK_WIDGET (self->trends_page));
      md_a11y_fix_names (GTK_WIDGET (self->trends_page));
    }
  if (!self->trends_ready && self->diary != NULL && g_strcmp0 (name, "trends") == 0)
    {
      self->trends_ready = TRUE;
      symptoms_changed_cb (self);
      md_trends_page_set_diary (self->trends_page, self->diary);
    }
}

/* Every minute while the window is shown: the alerts' "2 hours ago" is worked out again,
 * and when the day has changed, the list's "Today" and "Yesterday" headings are redrawn. */
void
md_window_clock_tick (MdWindow *self)
{
  gint64 today = md_diary_get_today (self->diary);

  md_diary_refresh_alerts (self->diary);
  if (today != self->shown_today)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

      self->shown_today = today;
      /* The same rows: the grid rebinds those on screen only, the pages stay cached. */
      if (n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self->model), 0, n, n);
    }
}

static gboolean
clock_cb (gpointer data)
{
  md_window_clock_tick (data);
  return G_SOURCE_CONTINUE;
}

static void
map_cb (MdWindow *self)
{
  if (self->clock_id == 0 && self->diary != NULL)
    {
      self->shown_today = md_diary_get_today (self->diary);
      self->clock_id = g_timeout_add_seconds (60, clock_cb, self);
    }
}

static void
unmap_cb (MdWindow *self)
{
  g_clear_handle_id (&self->clock_id, g_source_remove);
}

/* Back in the window after using the command line or another program: show what changed. */
static void
is_active_cb (MdWindow   *self,
              GParamSpec *pspec)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->diary != NULL)
    md_diary_check_external (self->diary);
}

static const GActionEntry win_actions[] = {
  { "summary", summary_cb },
  { "check-in", check_in_cb },
  { "medicines", medicines_cb },
  { "mrs", mrs_cb },
  { "about-alerts", about_alerts_cb },
  { "log-episode", log_episode_cb },
  { "edit-episode", edit_episode_cb, "x" },
  { "delete-episode", delete_episode_cb, "x" },
  { "undo", undo_cb },
  { "undo-delete", undo_cb },
  { "show-all", show_all_cb },
  { "search", search_cb },
  { "show-help-overlay", show_shortcuts_cb },
};

static gboolean
md_window_close_request (GtkWindow *window)
{
  MdWindow *self = MD_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (md_window_parent_class)->close_request (window);
}

static void
md_window_dispose (GObject *object)
{
  MdWindow *self = MD_WINDOW (object);

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  g_clear_weak_pointer (&self->editor);
  g_clear_weak_pointer (&self->undo_toast);
  if (self->emergency != NULL)
    gtk_window_destroy (GTK_WINDOW (self->emergency));
  g_clear_weak_pointer (&self->emergency);
  if (self->shortcuts != NULL)
    gtk_window_destroy (self->shortcuts);
  g_clear_weak_pointer (&self->shortcuts);
  if (self->title_squeezer != NULL)
    g_signal_handlers_disconnect_by_data (self->title_squeezer, self);
  g_clear_handle_id (&self->switcher_idle, g_source_remove);
  g_clear_handle_id (&self->alerts_idle, g_source_remove);
  g_clear_handle_id (&self->rest_idle, g_source_remove);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->history_view != NULL)
    gtk_grid_view_set_model (self->history_view, NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->items);
  g_clear_object (&self->header);
  g_clear_object (&self->first_screen);
  g_clear_object (&self->parts);
  g_clear_object (&self->model);
  if (self->flags_view != NULL)
    g_signal_handlers_disconnect_by_data (self->flags_view, self);
  g_clear_object (&self->flags_view);
  g_clear_object (&self->diary);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->emergency_number, g_free);
  g_clear_pointer (&self->deleted, md_episode_free);
  g_clear_pointer (&self->edited, md_episode_free);
  md_window_data_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_WINDOW);
  self->switcher_bar = NULL;   /* went with the window's box */

  G_OBJECT_CLASS (md_window_parent_class)->dispose (object);
}

static void
md_window_class_init (MdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = md_window_dispose;
  window_class->close_request = md_window_close_request;

  g_type_ensure (MD_TYPE_HISTORY_BAR);
  g_type_ensure (MD_TYPE_TRENDS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/menodiary/Menodiary/ui/md-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MdWindow, history_bar);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, trends_bin);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, history_view);
}

/* The main menu's popover (about a hundred widgets) is made when it is first opened. */
static void
create_primary_popup (GtkMenuButton *button,
                      gpointer       user_data)
{
  MdWindow *self = MD_WINDOW (user_data);

  /* GTK asks at every opening; a model set again would build the popover again. */
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
md_window_init (MdWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->primary_button, create_primary_popup, self, NULL);
  self->flags_view = g_object_ref_sink (MD_FLAGS_VIEW (md_flags_view_new ()));
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->flags_view), 6);
  self->header = g_list_store_new (G_TYPE_OBJECT);
  g_signal_connect_swapped (self->flags_view, "notify::visible", G_CALLBACK (alerts_visible_cb), self);
  g_signal_connect_swapped (self->history_bar, "changed", G_CALLBACK (history_filter_cb), self);
  g_object_bind_property (self->search_button, "active", self->history_bar, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  md_window_data_init (self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_grid_view_set_factory (self->history_view, factory);
  g_object_unref (factory);
  g_signal_connect (self->history_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (unmap_cb), NULL);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name", G_CALLBACK (visible_page_cb), self);
  g_signal_connect_swapped (self->title_squeezer, "notify::visible-child", G_CALLBACK (title_squeezed_cb), self);
}

MdWindow *
md_window_new (MdApplication *app,
               MdDiary       *diary)
{
  MdWindow *self;
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkWidget *offer;
  int width = 900, height = 700, above = 0;

  g_return_val_if_fail (app == NULL || MD_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (MD_IS_DIARY (diary), NULL);

  self = g_object_new (MD_TYPE_WINDOW, "application", app, NULL);
  self->diary = g_object_ref (diary);
  self->model = md_history_model_new (diary);
  g_signal_connect (self->model, "items-changed", G_CALLBACK (items_changed_cb), self);

  if (app != NULL && md_application_get_settings (app) != NULL)
    {
      gboolean maximized;

      self->settings = g_object_ref (md_application_get_settings (app));
      maximized = g_settings_get_boolean (self->settings, "window-maximized");
      width = g_settings_get_int (self->settings, "window-width");
      height = g_settings_get_int (self->settings, "window-height");
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (maximized)
        {
          gtk_window_maximize (GTK_WINDOW (self));
          width = -1;
          height = 2160;
        }
      g_signal_connect_swapped (self->settings, "changed::emergency-number",
                                G_CALLBACK (emergency_number_changed_cb), self);
      g_signal_connect_swapped (self->settings, "changed::custom-symptoms",
                                G_CALLBACK (symptoms_changed_cb), self);
    }
  /* The weekly rating scale offer, above the pages. */
  offer = md_mrs_offer_new (diary, self->settings);
  gtk_box_insert_child_after (self->main_box, offer, gtk_widget_get_prev_sibling (GTK_WIDGET (self->view_stack)));
  if (gtk_widget_get_visible (offer))
    gtk_widget_measure (offer, GTK_ORIENTATION_VERTICAL, width, &above, NULL, NULL, NULL);

  /* The first frame shows only a screenful of rows: a grid view builds rows for as many items
   * as it may show (33 when given ten years, most of them below the window), and each row is
   * half a dozen widgets to style, measure and draw before the window appears. The rest follow
   * right after that frame (first_paint_cb). Sized before the grid view is given it, so that no
   * row is made twice. */
  self->parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->parts, self->header);
  self->first_screen = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->model)), 0,
                                                 first_screen_rows (height, above));
  g_list_store_append (self->parts, self->first_screen);
  self->items = G_LIST_MODEL (gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->parts))));
  selection = gtk_no_selection_new (g_object_ref (self->items));
  gtk_grid_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));
  update_empty_state (self);
  visible_page_cb (self, NULL);
  g_signal_connect (self->flags_view, "show-episodes", G_CALLBACK (show_episodes_cb), self);

  emergency_number_changed_cb (self);
  md_window_data_set_diary (self);
  md_a11y_fix_names (GTK_WIDGET (self));
  return self;
}

MdDiary *
md_window_get_diary (MdWindow *self)
{
  g_return_val_if_fail (MD_IS_WINDOW (self), NULL);
  return self->diary;
}

void
md_window_set_emergency_number (MdWindow   *self,
                                const char *number)
{
  g_return_if_fail (MD_IS_WINDOW (self));

  g_free (self->emergency_number);
  self->emergency_number = g_strdup (number);
  emergency_number_changed_cb (self);
}

void
md_window_add_toast (MdWindow   *self,
                     const char *text)
{
  g_return_if_fail (MD_IS_WINDOW (self));
  show_toast (self, text);
}

void
md_window_set_accels (GtkApplication *app)
{
  static const char *import_accels[] = { "<Control>o", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *backup_accels[] = { "<Control><Shift>s", NULL };

  static const char *log_accels[] = { "<Control>n", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  static const char *checkin_accels[] = { "<Control>d", NULL };
  static const char *summary_accels[] = { "<Control>p", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *medicines_accels[] = { "<Control>m", NULL };

  gtk_application_set_accels_for_action (app, "win.log-episode", log_accels);
  gtk_application_set_accels_for_action (app, "win.show-help-overlay", help_accels);
  gtk_application_set_accels_for_action (app, "win.check-in", checkin_accels);
  gtk_application_set_accels_for_action (app, "win.summary", summary_accels);
  gtk_application_set_accels_for_action (app, "win.undo", undo_accels);
  gtk_application_set_accels_for_action (app, "win.import", import_accels);
  gtk_application_set_accels_for_action (app, "win.export::episodes", export_accels);
  gtk_application_set_accels_for_action (app, "win.backup", backup_accels);
  gtk_application_set_accels_for_action (app, "win.search", search_accels);
  gtk_application_set_accels_for_action (app, "win.medicines", medicines_accels);
}
