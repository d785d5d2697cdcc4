/* md-episode-editor.c: the form to log or edit an episode.
 *
 * The state lives in plain values (MdFaceSelection, the date fields) and the widgets; every
 * change rebuilds the episode, validates it with md_episode_validate and shows the message
 * under the field it names. Save writes it in one diary call, so nothing is ever half-saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-episode-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "md-application.h"

#include "md-a11y.h"
#include "md-emergency.h"
#include "md-episode-editor-private.h"
#include "md-form-guard.h"
#include "md-time.h"

G_DEFINE_FINAL_TYPE (MdEpisodeEditor, md_episode_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Combo row positions of the sides. */
static const MdSide side_order[] = { MD_SIDE_LEFT, MD_SIDE_RIGHT, MD_SIDE_BOTH, MD_SIDE_UNKNOWN };

static guint
side_position (MdSide side)
{
  for (guint i = 0; i < G_N_ELEMENTS (side_order); i++)
    if (side_order[i] == side)
      return i;
  return 3;
}

static gint64
editor_now (MdEpisodeEditor *self)
{
  return md_diary_get_now (self->diary);
}

static char *
notes_text (MdEpisodeEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

MdEpisode *
md_episode_editor_build_episode (MdEpisodeEditor *self)
{
  g_autoptr(MdEpisode) ep = self->original ? md_episode_copy (self->original) : md_episode_new ();
  g_autofree char *notes = notes_text (self);
  guint unit = gtk_drop_down_get_selected (self->unit_dropdown);

  if (self->original == NULL || self->time_touched)
    {
      if (!md_local_to_utc (NULL, self->year, self->month, self->day,
                            gtk_spin_button_get_value_as_int (self->hour_spin),
                            gtk_spin_button_get_value_as_int (self->minute_spin),
                            &ep->start_utc, &ep->utc_offset_s))
        ep->start_utc = G_MININT64;  /* rejected by validation as out of range */
    }
  ep->regions = md_face_selection_regions (&self->selection);
  ep->side = self->selection.side;
  ep->duration_s = md_duration_from_parts (gtk_spin_button_get_value (self->duration_spin),
                                           unit == GTK_INVALID_LIST_POSITION ? MD_DURATION_SECONDS : unit);
  ep->intensity = gtk_check_button_get_active (self->intensity_unset)
                  ? MD_UNKNOWN : (int) gtk_range_get_value (GTK_RANGE (self->intensity_scale));
  ep->signs = 0;
  for (MdSign s = 0; s < MD_N_SIGNS; s++)
    if (gtk_check_button_get_active (self->sign_checks[s]))
      ep->signs |= MD_BIT (s);
  ep->triggers = 0;
  for (MdTrigger t = 0; t < MD_N_TRIGGERS; t++)
    if (gtk_toggle_button_get_active (self->trigger_toggles[t]))
      ep->triggers |= MD_BIT (t);
  md_episode_set_notes (ep, notes);
  return g_steal_pointer (&ep);
}

/* Equal in everything the form shows. */
static gboolean
same_episode (const MdEpisode *a,
              const MdEpisode *b)
{
  return a->start_utc == b->start_utc && a->utc_offset_s == b->utc_offset_s &&
         a->regions == b->regions && a->side == b->side && a->duration_s == b->duration_s &&
         a->intensity == b->intensity && a->signs == b->signs && a->triggers == b->triggers &&
         g_strcmp0 (a->notes, b->notes) == 0;
}

static GtkLabel *
error_label_for (MdEpisodeEditor *self,
                 int              code)
{
  switch (code)
    {
    case MD_EPISODE_ERROR_START:
    case MD_EPISODE_ERROR_OFFSET:
      return self->when_error;
    case MD_EPISODE_ERROR_REGIONS:
    case MD_EPISODE_ERROR_SIDE:
      return self->where_error;
    case MD_EPISODE_ERROR_DURATION:
    case MD_EPISODE_ERROR_INTENSITY:
      return self->how_error;
    case MD_EPISODE_ERROR_NOTES:
      return self->notes_error;
    default:
      return self->form_error;
    }
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Validates the form, shows the message under its field and enables Save accordingly. */
static gboolean
validate (MdEpisodeEditor *self)
{
  g_autoptr(MdEpisode) ep = md_episode_editor_build_episode (self);
  g_autoptr(GError) error = NULL;
  GtkLabel *labels[] = { self->when_error, self->where_error, self->how_error, self->notes_error };
  GtkLabel *target = NULL;
  gboolean valid = md_episode_validate (ep, editor_now (self), &error);
  g_autofree char *count = g_strdup_printf ("%ld / %d", ep->notes ? g_utf8_strlen (ep->notes, -1) : 0L,
                                            MD_NOTES_MAX_CHARS);

  gtk_label_set_label (self->notes_count, count);
  if (!valid)
    target = error_label_for (self, error->domain == MD_EPISODE_ERROR ? error->code : -1);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i] != target)
      show_error (labels[i], NULL);
  if (target != NULL)
    {
      show_error (target, error->message);
      /* A fresh form is not wrong yet: the region hint is calm until she does something. */
      if (target == self->where_error && !self->touched && error->code == MD_EPISODE_ERROR_REGIONS)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (target), "error");
          gtk_widget_add_css_class (GTK_WIDGET (target), "md-secondary");
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (target), "md-secondary");
          gtk_widget_add_css_class (GTK_WIDGET (target), "error");
        }
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
  return valid;
}

static void
sync_selection (MdEpisodeEditor *self)
{
  guint32 regions = md_face_selection_regions (&self->selection);

  self->syncing = TRUE;
  md_face_picker_set_selection (self->face_picker, self->selection.left, self->selection.right);
  for (MdRegion r = 0; r < MD_N_REGIONS; r++)
    gtk_check_button_set_active (self->region_checks[r], (regions & MD_BIT (r)) != 0);
  adw_combo_row_set_selected (self->side_row, side_position (self->selection.side));
  self->syncing = FALSE;
  validate (self);
}

static void
sync_date (MdEpisodeEditor *self)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (self->year, self->month, self->day, 12, 0, 0);
  gint64 today = md_local_today (NULL, editor_now (self));
  gint64 day = md_time_day_of (g_date_time_to_unix (date) + g_date_time_get_utc_offset (date) / G_TIME_SPAN_SECOND);
  g_autofree char *label = NULL;

  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->today_button, day == today);
  gtk_toggle_button_set_active (self->yesterday_button, day == today - 1);
  if (day != today && day != today - 1)
    {
      gtk_toggle_button_set_active (self->today_button, FALSE);
      gtk_toggle_button_set_active (self->yesterday_button, FALSE);
    }
  gtk_calendar_select_day (self->calendar, date);
  /* Translators: the chosen date under "Date", e.g. "Mon 17 Mar 2025" (strftime). */
  label = g_date_time_format (date, _("%a %-d %b %Y"));
  /* The date reads under the row's title; the button beside Today and Yesterday is a calendar
   * icon, so the row fits a 360 px window. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (self->date_button),
                                                                        ADW_TYPE_ACTION_ROW)), label);
  {
    /* Translators: the calendar button's name for a screen reader, with the chosen date. */
    g_autofree char *name = g_strdup_printf (_("Pick a date (now %s)"), label);

    md_a11y_set_label (GTK_WIDGET (self->date_button), name);
  }
  self->syncing = FALSE;
}

static void
set_day (MdEpisodeEditor *self,
         GDateTime       *date)
{
  self->year = g_date_time_get_year (date);
  self->month = g_date_time_get_month (date);
  self->day = g_date_time_get_day_of_month (date);
  self->time_touched = TRUE;
  self->touched = TRUE;
  sync_date (self);
  validate (self);
}

static void
today_toggled_cb (GtkToggleButton *button,
                  MdEpisodeEditor *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) day = NULL;

  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  now = g_date_time_new_from_unix_local (editor_now (self));
  day = g_date_time_add_days (now, button == self->yesterday_button ? -1 : 0);
  set_day (self, day);
}

static void
calendar_day_selected_cb (GtkCalendar     *calendar,
                          MdEpisodeEditor *self)
{
  g_autoptr(GDateTime) date = NULL;

  if (self->syncing)
    return;
  date = gtk_calendar_get_date (calendar);
  set_day (self, date);
  gtk_popover_popdown (self->date_popover);
}

static void
time_changed_cb (GtkSpinButton   *spin,
                 MdEpisodeEditor *self)
{
  if (self->syncing)
    return;
  self->time_touched = TRUE;
  self->touched = TRUE;
  validate (self);
}

static gboolean
two_digits_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
region_clicked_cb (MdFacePicker    *picker,
                   int              region,
                   int              half,
                   MdEpisodeEditor *self)
{
  self->touched = TRUE;
  md_face_selection_click (&self->selection, region, half);
  sync_selection (self);
}

static void
region_toggled_cb (GtkCheckButton  *check,
                   MdEpisodeEditor *self)
{
  MdRegion region = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "md-region"));

  if (self->syncing)
    return;
  self->touched = TRUE;
  md_face_selection_set_region (&self->selection, region, gtk_check_button_get_active (check));
  sync_selection (self);
}

static void
side_selected_cb (AdwComboRow     *row,
                  GParamSpec      *pspec,
                  MdEpisodeEditor *self)
{
  guint pos = adw_combo_row_get_selected (row);

  if (self->syncing || pos >= G_N_ELEMENTS (side_order))
    return;
  self->touched = TRUE;
  md_face_selection_set_side (&self->selection, side_order[pos]);
  sync_selection (self);
}

static void
field_changed_cb (MdEpisodeEditor *self)
{
  if (self->syncing)
    return;
  self->touched = TRUE;
  validate (self);
}

static void
intensity_moved_cb (GtkRange        *range,
                    MdEpisodeEditor *self)
{
  /* Moving the scale means she rates it. */
  if (!self->syncing)
    gtk_check_button_set_active (self->intensity_unset, FALSE);
  field_changed_cb (self);
}

static void
intensity_unset_cb (GtkCheckButton  *check,
                    MdEpisodeEditor *self)
{
  if (gtk_check_button_get_active (check))
    gtk_widget_add_css_class (GTK_WIDGET (self->intensity_scale), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->intensity_scale), "dim-label");
  field_changed_cb (self);
}

static gboolean
timer_tick_cb (gpointer user_data)
{
  MdEpisodeEditor *self = user_data;
  gint64 s = (g_get_monotonic_time () - self->timer_start) / G_USEC_PER_SEC;
  g_autofree char *text = g_strdup_printf ("%d:%02d", (int) (s / 60), (int) (s % 60));

  gtk_label_set_label (self->timer_label, text);
  return G_SOURCE_CONTINUE;
}

static void
toggle_timer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MdEpisodeEditor *self = MD_EPISODE_EDITOR (widget);

  if (self->timer_id == 0)
    {
      self->timer_start = g_get_monotonic_time ();
      self->timer_id = g_timeout_add (250, timer_tick_cb, self);
      timer_tick_cb (self);
      gtk_widget_set_visible (GTK_WIDGET (self->timer_label), TRUE);
      gtk_button_set_label (self->timer_button, _("_Stop"));
      gtk_widget_add_css_class (GTK_WIDGET (self->timer_button), "destructive-action");
    }
  else
    {
      gint64 s = MAX ((g_get_monotonic_time () - self->timer_start) / G_USEC_PER_SEC, 1);

      g_clear_handle_id (&self->timer_id, g_source_remove);
      gtk_button_set_label (self->timer_button, _("Start _Timer"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->timer_button), "destructive-action");
      if (s < 120)
        {
          gtk_drop_down_set_selected (self->unit_dropdown, MD_DURATION_SECONDS);
          gtk_spin_button_set_value (self->duration_spin, (double) s);
        }
      else
        {
          gtk_drop_down_set_selected (self->unit_dropdown, MD_DURATION_MINUTES);
          gtk_spin_button_set_value (self->duration_spin, (double) ((s + 30) / 60));
        }
    }
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* After a save: hidden at once, its widgets torn down once the main window has painted the
 * new row (an idle runs after the frame), which halves the time from Save to the screen. */
static void
close_after_save (MdEpisodeEditor *self)
{
  self->closing = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MdEpisodeEditor *self = MD_EPISODE_EDITOR (widget);
  g_autoptr(MdEpisode) ep = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_new = self->original == NULL;
  gboolean ok;

  /* A second Save already queued behind the first must not log the episode twice. */
  if (self->closing || !validate (self))
    return;
  ep = md_episode_editor_build_episode (self);
  /* Saving an episode unchanged writes nothing, so not even its time of change moves. */
  if (!is_new && same_episode (ep, self->original))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  ok = is_new ? md_diary_add_episode (self->diary, ep, &error)
              : md_diary_update_episode (self->diary, ep, &error);
  if (!ok)
    {
      g_warning ("Could not save the episode: %s", error->message);
      show_error (self->form_error, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, ep->id, is_new);
  close_after_save (self);
}

/* Cancel and Escape close the window; close_request asks first when she changed something. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MdEpisodeEditor *self = MD_EPISODE_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->original == NULL || self->closing)
    return;
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.delete-episode", "x", self->original->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sign_row_state_cb (GtkCheckButton *check,
                   GtkWidget      *row)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_check_button_get_active (check), -1);
}

static void
trigger_child_activated_cb (GtkFlowBox      *box,
                            GtkFlowBoxChild *child,
                            MdEpisodeEditor *self)
{
  GtkWidget *toggle = gtk_flow_box_child_get_child (child);

  if (GTK_IS_TOGGLE_BUTTON (toggle))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                  !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
}

static void
build_choice_widgets (MdEpisodeEditor *self)
{
  g_signal_connect (self->triggers_box, "child-activated", G_CALLBACK (trigger_child_activated_cb), self);
  for (MdRegion r = 0; r < MD_N_REGIONS; r++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (md_region_label (r));

      g_object_set_data (G_OBJECT (check), "md-region", GINT_TO_POINTER (r));
      g_signal_connect (check, "toggled", G_CALLBACK (region_toggled_cb), self);
      md_a11y_add_toggle_action (GTK_CHECK_BUTTON (check));
      gtk_flow_box_append (self->regions_box, check);
      /* The keyboard goes through the face map (one Tab stop, arrow keys); this list is for the
       * mouse and for screen readers (each check box has a toggle action). */
      gtk_widget_set_can_focus (gtk_widget_get_parent (check), FALSE);
      self->region_checks[r] = GTK_CHECK_BUTTON (check);
    }

  const MdSign *order;
  guint n_signs;

  /* Where she ticks the boxes, in full contrast: the FAST signs mean calling, not logging. */
  self->call_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_action_row_add_prefix (self->call_row, gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  adw_action_row_set_title_lines (self->call_row, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->call_row), "call-now");
  adw_preferences_group_add (self->signs_group, GTK_WIDGET (self->call_row));

  order = md_signs_display_order (&n_signs);
  for (guint i = 0; i < n_signs; i++)
    {
      MdSign s = order[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), md_sign_label (s));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      md_sign_label (s), -1);
      if (md_sign_is_warning (s))
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          GtkWidget *label = gtk_label_new (_("Warning sign"));
          g_autofree char *a11y = g_strdup_printf (_("%s (warning sign)"), md_sign_label (s));

          gtk_widget_add_css_class (box, "warning-sign");
          gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (box), icon);
          gtk_box_append (GTK_BOX (box), label);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
        }
      /* The sign of older diaries shows only on an episode that has it. */
      if (!md_sign_is_offered (s))
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Logged before this was split into a drooping eyelid and a drooping face"));
          gtk_widget_set_visible (row, FALSE);
        }
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (field_changed_cb), self);
      md_a11y_add_toggle_action (GTK_CHECK_BUTTON (check));
      /* One Tab stop per sign: the row (Space toggles its check box, which the keyboard skips);
       * the row says whether it is ticked, so a screen reader hears "Pain, checked". */
      gtk_widget_set_focusable (check, FALSE);
      g_signal_connect (check, "toggled", G_CALLBACK (sign_row_state_cb), row);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED, FALSE, -1);
      adw_preferences_group_add (self->signs_group, row);
      self->sign_checks[s] = GTK_CHECK_BUTTON (check);
    }

  for (MdTrigger t = 0; t < MD_N_TRIGGERS; t++)
    {
      GtkWidget *toggle = gtk_toggle_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      /* Chosen: a check mark as well as the darker shade, so it never depends on colour. */
      gtk_widget_add_css_class (check, "trigger-check");
      gtk_widget_set_visible (check, FALSE);
      gtk_box_append (GTK_BOX (content), check);
      gtk_box_append (GTK_BOX (content), gtk_label_new (md_trigger_label (t)));
      gtk_button_set_child (GTK_BUTTON (toggle), content);
      g_object_bind_property (toggle, "active", check, "visible", G_BINDING_SYNC_CREATE);
      md_a11y_set_label (toggle, md_trigger_label (t));

      gtk_widget_add_css_class (toggle, "trigger");
      g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (field_changed_cb), self);
      gtk_flow_box_append (self->triggers_box, toggle);
      /* One Tab stop per trigger: the flow box's child, named after it, toggles it on Space;
       * the button itself is still there for the mouse and for screen readers' actions. */
      gtk_widget_set_focusable (toggle, FALSE);
      md_a11y_set_label (gtk_widget_get_parent (toggle), md_trigger_label (t));
      self->trigger_toggles[t] = GTK_TOGGLE_BUTTON (toggle);
    }
}

static void
fill_from_episode (MdEpisodeEditor *self,
                   const MdEpisode *ep)
{
  g_autoptr(GDateTime) local = NULL;
  double value;
  MdDurationUnit unit;

  self->syncing = TRUE;
  if (ep != NULL)
    local = g_date_time_new_from_unix_utc (ep->start_utc + ep->utc_offset_s);
  else
    local = g_date_time_new_from_unix_local (editor_now (self));
  self->year = g_date_time_get_year (local);
  self->month = g_date_time_get_month (local);
  self->day = g_date_time_get_day_of_month (local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));

  if (ep != NULL)
    {
      md_face_selection_set_episode (&self->selection, ep->regions, ep->side);
      md_duration_to_parts (ep->duration_s, &value, &unit);
      gtk_drop_down_set_selected (self->unit_dropdown, unit);
      gtk_spin_button_set_value (self->duration_spin, value);
      gtk_check_button_set_active (self->intensity_unset, ep->intensity == MD_UNKNOWN);
      gtk_range_set_value (GTK_RANGE (self->intensity_scale), ep->intensity == MD_UNKNOWN ? 0 : ep->intensity);
      for (MdSign s = 0; s < MD_N_SIGNS; s++)
        gtk_check_button_set_active (self->sign_checks[s], (ep->signs & MD_BIT (s)) != 0);
      for (MdSign s = 0; s < MD_N_SIGNS; s++)
        if (!md_sign_is_offered (s))
          gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->sign_checks[s]), ADW_TYPE_ACTION_ROW),
                                  (ep->signs & MD_BIT (s)) != 0);
      for (MdTrigger t = 0; t < MD_N_TRIGGERS; t++)
        gtk_toggle_button_set_active (self->trigger_toggles[t], (ep->triggers & MD_BIT (t)) != 0);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), ep->notes ? ep->notes : "", -1);
    }
  else
    {
      md_face_selection_set_episode (&self->selection, 0, MD_SIDE_UNKNOWN);
      gtk_check_button_set_active (self->intensity_unset, TRUE);
    }
  self->syncing = FALSE;
  intensity_unset_cb (self->intensity_unset, self);
  sync_date (self);
  sync_selection (self);
}

static gboolean
md_episode_editor_close_request (GtkWindow *window)
{
  MdEpisodeEditor *self = MD_EPISODE_EDITOR (window);

  if (md_episode_editor_has_changes (self))
    {
      md_form_ask_discard (window, _("Discard this episode?"));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (md_episode_editor_parent_class)->close_request (window);
}

static void
md_episode_editor_dispose (GObject *object)
{
  MdEpisodeEditor *self = MD_EPISODE_EDITOR (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->diary);
  g_clear_pointer (&self->original, md_episode_free);
  g_clear_pointer (&self->initial, md_episode_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_EPISODE_EDITOR);

  G_OBJECT_CLASS (md_episode_editor_parent_class)->dispose (object);
}

static void
md_episode_editor_class_init (MdEpisodeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = md_episode_editor_dispose;
  window_class->close_request = md_episode_editor_close_request;

  /* MdEpisodeEditor::saved: (id, is_new) after the episode is in the diary. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);

  g_type_ensure (MD_TYPE_FACE_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/menodiary/Menodiary/ui/md-episode-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MdEpisodeEditor, name)
  BIND (window_title); BIND (save_button); BIND (cancel_button); BIND (delete_button); BIND (form_error);
  BIND (today_button); BIND (yesterday_button); BIND (date_button); BIND (date_popover); BIND (calendar);
  BIND (hour_spin); BIND (minute_spin); BIND (when_error); BIND (face_picker); BIND (regions_box);
  BIND (where_error); BIND (side_row); BIND (duration_spin); BIND (unit_dropdown); BIND (timer_label);
  BIND (timer_button); BIND (intensity_scale); BIND (intensity_unset); BIND (how_error); BIND (signs_group);
  BIND (triggers_box); BIND (notes_view); BIND (notes_count); BIND (notes_error);
#undef BIND

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.toggle-timer", NULL, toggle_timer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
md_episode_editor_init (MdEpisodeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_choice_widgets (self);

  g_signal_connect (self->today_button, "toggled", G_CALLBACK (today_toggled_cb), self);
  g_signal_connect (self->yesterday_button, "toggled", G_CALLBACK (today_toggled_cb), self);
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), self);
  g_signal_connect (self->hour_spin, "value-changed", G_CALLBACK (time_changed_cb), self);
  g_signal_connect (self->minute_spin, "value-changed", G_CALLBACK (time_changed_cb), self);
  g_signal_connect (self->hour_spin, "output", G_CALLBACK (two_digits_output_cb), NULL);
  g_signal_connect (self->minute_spin, "output", G_CALLBACK (two_digits_output_cb), NULL);
  g_signal_connect (self->face_picker, "region-clicked", G_CALLBACK (region_clicked_cb), self);
  g_signal_connect (self->side_row, "notify::selected", G_CALLBACK (side_selected_cb), self);
  g_signal_connect_swapped (self->duration_spin, "value-changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->unit_dropdown, "notify::selected", G_CALLBACK (field_changed_cb), self);
  g_signal_connect (self->intensity_scale, "value-changed", G_CALLBACK (intensity_moved_cb), self);
  g_signal_connect (self->intensity_unset, "toggled", G_CALLBACK (intensity_unset_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (field_changed_cb), self);

  /* The wheel scrolls the form; it never changes a value under the pointer. */
  md_form_guard_scroll (GTK_WIDGET (self->hour_spin));
  md_form_guard_scroll (GTK_WIDGET (self->minute_spin));
  md_form_guard_scroll (GTK_WIDGET (self->duration_spin));
  md_form_guard_scroll (GTK_WIDGET (self->unit_dropdown));
  md_form_guard_scroll (GTK_WIDGET (self->intensity_scale));
  /* Its inner button takes this name (md_a11y_fix_names), instead of "GtkToggleButton". */
  md_a11y_set_label (GTK_WIDGET (self->unit_dropdown), _("Duration unit"));
}

MdEpisodeEditor *
md_episode_editor_new (GtkWindow       *parent,
                       MdDiary         *diary,
                       const MdEpisode *episode)
{
  MdEpisodeEditor *self;

  g_return_val_if_fail (MD_IS_DIARY (diary), NULL);

  self = g_object_new (MD_TYPE_EPISODE_EDITOR, "transient-for", parent, NULL);
  self->diary = g_object_ref (diary);
  if (episode != NULL)
    {
      self->original = md_episode_copy (episode);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Episode"));
      adw_window_title_set_title (self->window_title, _("Edit Episode"));
      gtk_widget_set_visible (self->delete_button, TRUE);
    }
  md_episode_editor_set_emergency_number (self, md_emergency_number (NULL));
  fill_from_episode (self, episode);
  self->initial = md_episode_editor_build_episode (self);
  md_a11y_fix_names (GTK_WIDGET (self));
  /* A new episode starts where it happened: on the face map (arrows, then Space). */
  if (episode == NULL)
    md_face_picker_focus_region (self->face_picker);
  return self;
}

void
md_episode_editor_set_emergency_number (MdEpisodeEditor *self,
                                        const char      *number)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (MD_IS_EPISODE_EDITOR (self));
  g_return_if_fail (number != NULL);

  /* Where she ticks the boxes: the FAST signs mean calling now, before anything else. */
  text = g_strdup_printf (_("Face drooping, an arm or leg weak, or speech slurred, even for a moment and even if it "
                            "has passed: call %s now, and log it later."), number);
  escaped = g_markup_escape_text (text, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->call_row), escaped);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->call_row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->call_row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

gboolean
md_episode_editor_is_valid (MdEpisodeEditor *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_EDITOR (self), FALSE);
  return validate (self);
}

gboolean
md_episode_editor_has_changes (MdEpisodeEditor *self)
{
  g_autoptr(MdEpisode) now = NULL;

  g_return_val_if_fail (MD_IS_EPISODE_EDITOR (self), FALSE);

  /* A running timer is work too. */
  if (self->timer_id != 0)
    return TRUE;
  now = md_episode_editor_build_episode (self);
  return !same_episode (now, self->initial);
}

const MdEpisode *
md_episode_editor_get_original (MdEpisodeEditor *self)
{
  g_return_val_if_fail (MD_IS_EPISODE_EDITOR (self), NULL);
  return self->original;
}
