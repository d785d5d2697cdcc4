/* md-checkin-editor.c: the daily check-in form.
 *
 * Numbers that were not answered stay unknown: each spin button starts one step below zero,
 * which it shows as "Not answered".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-checkin-editor"

#include "config.h"

#include "md-a11y.h"

#include <glib/gi18n.h>

#include "md-application.h"
#include <stdlib.h>

#include "md-checkin-editor.h"
#include "md-form-guard.h"
#include "md-preferences.h"
#include "md-time.h"

struct _MdCheckinEditor
{
  AdwWindow           parent_instance;

  MdDiary            *diary;
  gint64              today;
  MdCheckin          *loaded;              /* what is stored for the day shown, or NULL */
  GStrv               supplement_names;
  GPtrArray          *supplement_checks;   /* GtkCheckButton*: the names, then loaded extras */
  GPtrArray          *extra_rows;          /* rows of loaded supplements not in the names */
  GStrv               symptom_names;       /* her own symptoms, from Preferences */
  GPtrArray          *symptom_spins;       /* GtkSpinButton*: the names, then loaded extras */
  GPtrArray          *symptom_extra_rows;  /* rows of loaded symptoms not in the names */

  AdwComboRow        *day_row;
  GtkSpinButton      *sleep_spin;
  AdwComboRow        *quality_row;
  GtkSpinButton      *caffeine_spin;
  GtkSpinButton      *caffeine_mg_spin;
  GtkSpinButton      *water_spin;
  GtkSpinButton      *stress_spin;
  GtkSpinButton      *flashes_spin;
  AdwComboRow        *bleeding_row;
  AdwPreferencesGroup *symptoms_group;
  AdwPreferencesGroup *supplements_group;
  AdwEntryRow        *started_row;
  AdwEntryRow        *stopped_row;
  GtkTextView        *note_view;
  GtkInfoBar         *error_bar;
  GtkLabel           *error_label;
  AdwToastOverlay    *toast_overlay;
};

G_DEFINE_FINAL_TYPE (MdCheckinEditor, md_checkin_editor, ADW_TYPE_WINDOW)

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  GtkAdjustment *adj = gtk_spin_button_get_adjustment (spin);
  double value = gtk_adjustment_get_value (adj);
  g_autofree char *text = NULL;

  if (value < 0)
    text = g_strdup (_("Not answered"));
  else
    text = g_strdup_printf ("%.*f", gtk_spin_button_get_digits (spin), value);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  GtkAdjustment *adj = gtk_spin_button_get_adjustment (spin);
  g_autofree char *copy = g_strdup (text);
  char *end = NULL;
  double v;

  g_strstrip (copy);
  if (*copy == '\0' || g_strcmp0 (copy, _("Not answered")) == 0)
    {
      *new_value = gtk_adjustment_get_lower (adj);
      return TRUE;
    }
  g_strdelimit (copy, ",", '.');
  v = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0')
    return GTK_INPUT_ERROR;
  *new_value = v;
  return TRUE;
}

/* Hours slept are shown with their minutes ("8 h 35 min"), so a stored value is shown and
 * read back exactly. */
static gboolean
sleep_output_cb (GtkSpinButton *spin,
                 gpointer       user_data)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = NULL;

  if (value < 0)
    {
      text = g_strdup (_("Not answered"));
    }
  else
    {
      int minutes = (int) (value * 60 + 0.5);

      /* Translators: hours and minutes slept, e.g. "8 h 05 min". */
      text = g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);
    }
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* Reads "8.5", "8,5", "8:35", "8 h 35 min" or "8 h". */
static int
sleep_input_cb (GtkSpinButton *spin,
                double        *new_value,
                gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double hours;

  if (*copy == '\0' || g_strcmp0 (copy, _("Not answered")) == 0)
    {
      *new_value = gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (spin));
      return TRUE;
    }
  g_strdelimit (copy, ",", '.');
  hours = g_ascii_strtod (copy, &end);
  if (end == copy || hours < 0)
    return GTK_INPUT_ERROR;
  while (*end != '\0' && !g_ascii_isdigit (*end))
    end++;
  if (*end != '\0')
    {
      char *rest = NULL;
      guint64 minutes = g_ascii_strtoull (end, &rest, 10);

      if (minutes >= 60 || hours != (int) hours)
        return GTK_INPUT_ERROR;
      for (; *rest != '\0'; rest++)
        if (g_ascii_isdigit (*rest))
          return GTK_INPUT_ERROR;
      hours += minutes / 60.0;
    }
  *new_value = hours;
  return TRUE;
}

static int
spin_int (GtkSpinButton *spin)
{
  double v = gtk_spin_button_get_value (spin);

  return v < 0 ? MD_UNKNOWN : (int) (v + 0.5);
}

static void
set_spin (GtkSpinButton *spin,
          int            value)
{
  GtkAdjustment *adj = gtk_spin_button_get_adjustment (spin);

  gtk_spin_button_set_value (spin, value == MD_UNKNOWN ? gtk_adjustment_get_lower (adj) : value);
}

static char *
day_label (gint64 day,
           gint64 today)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day * 86400);

  if (day == today)
    return g_strdup (_("Today"));
  if (day == today - 1)
    return g_strdup (_("Yesterday"));
  /* Translators: a weekday and date, see GDateTime's format codes. */
  if (today - day < 300)
    return g_date_time_format (dt, _("%A %-d %B"));
  /* Translators: a weekday and a date with its year, for a day long ago (GDateTime's codes). */
  return g_date_time_format (dt, _("%A %-d %B %Y"));
}

/* The day list covers today back to @day (it starts with the last seven days). */
static void
extend_days (MdCheckinEditor *self,
             gint64           day)
{
  GtkStringList *days = GTK_STRING_LIST (adw_combo_row_get_model (self->day_row));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (days));

  for (gint64 d = self->today - (gint64) n; d >= day; d--)
    {
      g_autofree char *label = day_label (d, self->today);

      gtk_string_list_append (days, label);
    }
}

static void
calendar_day_cb (GtkCalendar     *calendar,
                 MdCheckinEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  gint64 day = md_time_day_of (g_date_time_to_unix (date) + g_date_time_get_utc_offset (date) / G_USEC_PER_SEC);

  if (!md_checkin_editor_set_day (self, day))
    gtk_widget_error_bell (GTK_WIDGET (calendar));
  else
    gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

/* A calendar beside the day list, for a check-in older than a week. */
static void
add_calendar (MdCheckinEditor *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Pick an Earlier Day"));
  md_a11y_set_label (button, _("Pick an earlier day"));
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->day_row), button);
}

static gboolean
same_supplement (const char *a,
                 const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

/* The check box of @name, compared without regard to case, or NULL. */
static GtkCheckButton *
supplement_check (MdCheckinEditor *self,
                  const char      *name)
{
  for (guint i = 0; i < self->supplement_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->supplement_checks, i);

      if (same_supplement (g_object_get_data (G_OBJECT (check), "md-supplement"), name))
        return check;
    }
  return NULL;
}

static GtkCheckButton *
add_supplement_row (MdCheckinEditor *self,
                    const char      *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (check), "md-supplement", g_strdup (name), g_free);
  adw_preferences_group_add (self->supplements_group, row);
  g_ptr_array_add (self->supplement_checks, check);
  return GTK_CHECK_BUTTON (check);
}

/* Supplements of the loaded day that Preferences does not list get ticked rows of their own. */
static void
remove_extra_supplements (MdCheckinEditor *self)
{
  for (guint i = 0; i < self->extra_rows->len; i++)
    adw_preferences_group_remove (self->supplements_group, g_ptr_array_index (self->extra_rows, i));
  g_ptr_array_set_size (self->extra_rows, 0);
  g_ptr_array_set_size (self->supplement_checks, g_strv_length (self->supplement_names));
}

static void
add_extra_supplements (MdCheckinEditor *self,
                       const MdCheckin *c)
{
  for (guint i = 0; c->supplements != NULL && c->supplements[i] != NULL; i++)
    {
      GtkCheckButton *check;

      if (supplement_check (self, c->supplements[i]) != NULL)
        continue;
      check = add_supplement_row (self, c->supplements[i]);
      g_ptr_array_add (self->extra_rows, gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW));
    }
}

/* Her own symptoms: a 0 .. 10 spin row each, one step below 0 meaning "Not answered". */
static GtkSpinButton *
symptom_spin (MdCheckinEditor *self,
              const char      *name)
{
  for (guint i = 0; i < self->symptom_spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->symptom_spins, i);

      if (same_supplement (g_object_get_data (G_OBJECT (spin), "md-symptom"), name))
        return spin;
    }
  return NULL;
}

static GtkSpinButton *
add_symptom_row (MdCheckinEditor *self,
                 const char      *name,
                 gboolean         extra)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (-1, MD_SYMPTOM_MAX, 1);

  /* Not numeric: it shows "Not answered" one step below 0. */
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (extra)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No longer in your list; kept as it was"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 11);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), -1);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), NULL);
  spin_output_cb (GTK_SPIN_BUTTON (spin), NULL);
  md_form_guard_scroll (spin);
  md_a11y_set_label (spin, name);
  g_object_set_data_full (G_OBJECT (spin), "md-symptom", g_strdup (name), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (self->symptoms_group, row);
  g_ptr_array_add (self->symptom_spins, spin);
  if (extra)
    g_ptr_array_add (self->symptom_extra_rows, row);
  return GTK_SPIN_BUTTON (spin);
}

static void
remove_extra_symptoms (MdCheckinEditor *self)
{
  for (guint i = 0; i < self->symptom_extra_rows->len; i++)
    adw_preferences_group_remove (self->symptoms_group, g_ptr_array_index (self->symptom_extra_rows, i));
  g_ptr_array_set_size (self->symptom_extra_rows, 0);
  g_ptr_array_set_size (self->symptom_spins, self->symptom_names ? g_strv_length (self->symptom_names) : 0);
}

/* Symptoms rated that day whose names Preferences no longer lists are shown and kept. */
static void
add_extra_symptoms (MdCheckinEditor *self,
                    const MdCheckin *c)
{
  for (guint i = 0; i < c->n_symptoms; i++)
    if (symptom_spin (self, c->symptoms[i].name) == NULL)
      add_symptom_row (self, c->symptoms[i].name, TRUE);
  if (self->symptom_extra_rows->len > 0)
    md_a11y_fix_names (GTK_WIDGET (self->symptoms_group));
}

static void
clear_form (MdCheckinEditor *self)
{
  set_spin (self->sleep_spin, MD_UNKNOWN);
  adw_combo_row_set_selected (self->quality_row, 0);
  set_spin (self->caffeine_spin, MD_UNKNOWN);
  set_spin (self->caffeine_mg_spin, MD_UNKNOWN);
  set_spin (self->water_spin, MD_UNKNOWN);
  set_spin (self->stress_spin, MD_UNKNOWN);
  set_spin (self->flashes_spin, MD_UNKNOWN);
  adw_combo_row_set_selected (self->bleeding_row, 0);
  for (guint i = 0; i < self->symptom_spins->len; i++)
    set_spin (g_ptr_array_index (self->symptom_spins, i), MD_UNKNOWN);
  for (guint i = 0; i < self->supplement_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->supplement_checks, i), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->started_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->stopped_row), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
}

static void
load_checkin (MdCheckinEditor *self,
              const MdCheckin *c)
{
  g_clear_pointer (&self->loaded, md_checkin_free);
  remove_extra_supplements (self);
  remove_extra_symptoms (self);
  clear_form (self);
  if (c == NULL)
    return;
  self->loaded = md_checkin_copy (c);
  add_extra_supplements (self, c);
  add_extra_symptoms (self, c);
  adw_combo_row_set_selected (self->bleeding_row, c->bleeding == MD_UNKNOWN ? 0 : (guint) c->bleeding + 1);
  for (guint i = 0; i < c->n_symptoms; i++)
    set_spin (symptom_spin (self, c->symptoms[i].name), c->symptoms[i].value);
  if (c->sleep_min != MD_UNKNOWN)
    gtk_spin_button_set_value (self->sleep_spin, c->sleep_min / 60.0);
  adw_combo_row_set_selected (self->quality_row, c->sleep_quality == MD_UNKNOWN ? 0 : (guint) c->sleep_quality);
  set_spin (self->caffeine_spin, c->caffeine_cups);
  set_spin (self->caffeine_mg_spin, c->caffeine_mg);
  set_spin (self->water_spin, c->water_glasses);
  set_spin (self->stress_spin, c->stress);
  set_spin (self->flashes_spin, c->hot_flashes);
  for (guint i = 0; c->supplements != NULL && c->supplements[i] != NULL; i++)
    gtk_check_button_set_active (supplement_check (self, c->supplements[i]), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->started_row), c->medicines_started ? c->medicines_started : "");
  gtk_editable_set_text (GTK_EDITABLE (self->stopped_row), c->medicines_stopped ? c->medicines_stopped : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), c->note ? c->note : "", -1);
}

static void
day_changed_cb (MdCheckinEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdCheckin) c = NULL;
  gint64 day = md_checkin_editor_get_day (self);

  c = md_diary_get_checkin (self->diary, day, &error);
  if (error != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  load_checkin (self, c);
}

/* Text as stored: @loaded itself while the field still shows it, else trimmed (NULL if empty). */
static char *
text_or_null (const char *text,
              const char *loaded)
{
  g_autofree char *copy = NULL;

  if (g_strcmp0 (text, loaded != NULL ? loaded : "") == 0)
    return g_strdup (loaded);
  copy = g_strstrip (g_strdup (text));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* What was stored and is still ticked keeps its place and spelling; newly ticked names follow. */
static GStrv
taken_supplements (MdCheckinEditor *self)
{
  g_autoptr(GStrvBuilder) taken = g_strv_builder_new ();
  GStrv loaded = self->loaded != NULL ? self->loaded->supplements : NULL;
  GStrv out;

  for (guint i = 0; loaded != NULL && loaded[i] != NULL; i++)
    if (gtk_check_button_get_active (supplement_check (self, loaded[i])))
      g_strv_builder_add (taken, loaded[i]);
  for (guint i = 0; i < self->supplement_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->supplement_checks, i);
      const char *name = g_object_get_data (G_OBJECT (check), "md-supplement");
      gboolean was_taken = FALSE;

      for (guint j = 0; loaded != NULL && loaded[j] != NULL && !was_taken; j++)
        was_taken = same_supplement (loaded[j], name);
      if (!was_taken && gtk_check_button_get_active (check))
        g_strv_builder_add (taken, name);
    }
  out = g_strv_builder_end (taken);
  if (out[0] == NULL)
    g_clear_pointer (&out, g_strfreev);
  return out;
}

static gboolean
same_symptoms (const MdCheckin *a,
               const MdCheckin *b)
{
  g_autofree char *x = md_checkin_format_symptoms (a);
  g_autofree char *y = md_checkin_format_symptoms (b);

  return g_strcmp0 (x, y) == 0;
}

static gboolean
same_checkin (const MdCheckin *a,
              const MdCheckin *b)
{
  const char * const empty[] = { NULL };

  return a->day == b->day && a->sleep_min == b->sleep_min && a->sleep_quality == b->sleep_quality &&
         a->caffeine_cups == b->caffeine_cups && a->caffeine_mg == b->caffeine_mg &&
         a->water_glasses == b->water_glasses && a->stress == b->stress &&
         a->hot_flashes == b->hot_flashes &&
         g_strv_equal (a->supplements ? (const char * const *) a->supplements : empty,
                       b->supplements ? (const char * const *) b->supplements : empty) &&
         g_strcmp0 (a->medicines_started, b->medicines_started) == 0 &&
         g_strcmp0 (a->medicines_stopped, b->medicines_stopped) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 && a->bleeding == b->bleeding && same_symptoms (a, b);
}

MdCheckin *
md_checkin_editor_get_checkin (MdCheckinEditor *self)
{
  MdCheckin *c;
  const MdCheckin *loaded;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *note = NULL;
  double sleep;

  g_return_val_if_fail (MD_IS_CHECKIN_EDITOR (self), NULL);

  loaded = self->loaded;
  c = md_checkin_new (md_checkin_editor_get_day (self));
  sleep = gtk_spin_button_get_value (self->sleep_spin);
  c->sleep_min = sleep < 0 ? MD_UNKNOWN : (int) (sleep * 60 + 0.5);
  c->sleep_quality = adw_combo_row_get_selected (self->quality_row) == 0 ? MD_UNKNOWN
                     : (int) adw_combo_row_get_selected (self->quality_row);
  c->caffeine_cups = spin_int (self->caffeine_spin);
  c->caffeine_mg = spin_int (self->caffeine_mg_spin);
  c->water_glasses = spin_int (self->water_spin);
  c->stress = spin_int (self->stress_spin);
  c->hot_flashes = spin_int (self->flashes_spin);
  c->supplements = taken_supplements (self);
  c->medicines_started = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->started_row)),
                                       loaded ? loaded->medicines_started : NULL);
  c->medicines_stopped = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->stopped_row)),
                                       loaded ? loaded->medicines_stopped : NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  c->note = text_or_null (note, loaded ? loaded->note : NULL);
  c->bleeding = adw_combo_row_get_selected (self->bleeding_row) == 0 ? MD_UNKNOWN
                : (int) adw_combo_row_get_selected (self->bleeding_row) - 1;
  /* Stored symptoms keep their place and spelling; newly rated ones follow in the list's order. */
  for (guint i = 0; loaded != NULL && i < loaded->n_symptoms; i++)
    md_checkin_set_symptom (c, loaded->symptoms[i].name,
                            spin_int (symptom_spin (self, loaded->symptoms[i].name)));
  for (guint i = 0; i < self->symptom_spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->symptom_spins, i);
      const char *name = g_object_get_data (G_OBJECT (spin), "md-symptom");
      gboolean was_rated = FALSE;

      for (guint j = 0; loaded != NULL && j < loaded->n_symptoms && !was_rated; j++)
        was_rated = same_supplement (loaded->symptoms[j].name, name);
      if (!was_rated)
        md_checkin_set_symptom (c, name, spin_int (spin));
    }
  return c;
}

/* Commits text typed into a spin button that still has focus. */
static void
commit_spins (MdCheckinEditor *self)
{
  gtk_spin_button_update (self->sleep_spin);
  gtk_spin_button_update (self->caffeine_spin);
  gtk_spin_button_update (self->caffeine_mg_spin);
  gtk_spin_button_update (self->water_spin);
  gtk_spin_button_update (self->stress_spin);
  gtk_spin_button_update (self->flashes_spin);
  for (guint i = 0; i < self->symptom_spins->len; i++)
    gtk_spin_button_update (g_ptr_array_index (self->symptom_spins, i));
}

/* Whether the form differs from what is stored for its day (or from a blank form). */
static gboolean
has_changes (MdCheckinEditor *self)
{
  g_autoptr(MdCheckin) now = NULL;
  g_autoptr(MdCheckin) blank = NULL;

  commit_spins (self);
  now = md_checkin_editor_get_checkin (self);
  if (self->loaded != NULL)
    return !same_checkin (now, self->loaded);
  blank = md_checkin_new (now->day);
  return !same_checkin (now, blank);
}

gboolean
md_checkin_editor_save (MdCheckinEditor  *self,
                        GError          **error)
{
  g_autoptr(MdCheckin) c = NULL;

  g_return_val_if_fail (MD_IS_CHECKIN_EDITOR (self), FALSE);

  commit_spins (self);
  c = md_checkin_editor_get_checkin (self);
  /* Saving what is stored unchanged writes nothing, so not even the time of change moves. */
  if (self->loaded != NULL && same_checkin (c, self->loaded))
    return TRUE;
  return md_diary_put_checkin (self->diary, c, error);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MdCheckinEditor *self = MD_CHECKIN_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!md_checkin_editor_save (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_info_bar_set_revealed (self->error_bar, TRUE);
      g_warning ("Could not save the check-in: %s", error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
error_bar_response_cb (MdCheckinEditor *self,
                       int              response,
                       GtkInfoBar      *bar)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

static void
build_supplements (MdCheckinEditor *self)
{
  for (guint i = 0; self->supplement_names[i] != NULL; i++)
    add_supplement_row (self, self->supplement_names[i]);
}

/* Cancel and Escape close the window: with changes, she is asked first. */
static gboolean
md_checkin_editor_close_request (GtkWindow *window)
{
  if (has_changes (MD_CHECKIN_EDITOR (window)))
    {
      md_form_ask_discard (window, _("Discard this check-in?"));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (md_checkin_editor_parent_class)->close_request (window);
}

static void
md_checkin_editor_dispose (GObject *object)
{
  MdCheckinEditor *self = MD_CHECKIN_EDITOR (object);

  g_clear_object (&self->diary);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_CHECKIN_EDITOR);

  G_OBJECT_CLASS (md_checkin_editor_parent_class)->dispose (object);
}

static void
md_checkin_editor_finalize (GObject *object)
{
  MdCheckinEditor *self = MD_CHECKIN_EDITOR (object);

  g_clear_pointer (&self->loaded, md_checkin_free);
  g_clear_pointer (&self->supplement_names, g_strfreev);
  g_clear_pointer (&self->supplement_checks, g_ptr_array_unref);
  g_clear_pointer (&self->extra_rows, g_ptr_array_unref);
  g_clear_pointer (&self->symptom_names, g_strfreev);
  g_clear_pointer (&self->symptom_spins, g_ptr_array_unref);
  g_clear_pointer (&self->symptom_extra_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (md_checkin_editor_parent_class)->finalize (object);
}

static void
md_checkin_editor_class_init (MdCheckinEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = md_checkin_editor_dispose;
  object_class->finalize = md_checkin_editor_finalize;
  window_class->close_request = md_checkin_editor_close_request;


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/menodiary/Menodiary/ui/md-checkin-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, day_row);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, sleep_spin);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, quality_row);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, caffeine_spin);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, caffeine_mg_spin);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, water_spin);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, stress_spin);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, flashes_spin);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, supplements_group);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, bleeding_row);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, symptoms_group);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, started_row);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, stopped_row);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, error_bar);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, error_bar_response_cb);
  gtk_widget_class_bind_template_child (widget_class, MdCheckinEditor, toast_overlay);

  gtk_widget_class_install_action (widget_class, "checkin.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "checkin.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
md_checkin_editor_init (MdCheckinEditor *self)
{
  GtkSpinButton *spins[6];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->supplement_checks = g_ptr_array_new ();
  self->extra_rows = g_ptr_array_new ();
  self->symptom_spins = g_ptr_array_new ();
  self->symptom_extra_rows = g_ptr_array_new ();
  {
    g_autoptr(GtkStringList) bleeding = gtk_string_list_new (NULL);

    gtk_string_list_append (bleeding, _("Not answered"));
    for (int i = 0; i < MD_N_BLEEDING; i++)
      gtk_string_list_append (bleeding, md_bleeding_label (i));
    adw_combo_row_set_model (self->bleeding_row, G_LIST_MODEL (bleeding));
  }

  spins[0] = self->sleep_spin;
  spins[1] = self->caffeine_spin;
  spins[2] = self->caffeine_mg_spin;
  spins[3] = self->water_spin;
  spins[4] = self->stress_spin;
  spins[5] = self->flashes_spin;
  /* The wheel scrolls the form; it never changes an answer under the pointer. */
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    md_form_guard_scroll (GTK_WIDGET (spins[i]));
  g_signal_connect (self->sleep_spin, "output", G_CALLBACK (sleep_output_cb), NULL);
  g_signal_connect (self->sleep_spin, "input", G_CALLBACK (sleep_input_cb), NULL);
  sleep_output_cb (self->sleep_spin, NULL);
  for (guint i = 1; i < G_N_ELEMENTS (spins); i++)
    {
      g_signal_connect (spins[i], "output", G_CALLBACK (spin_output_cb), NULL);
      g_signal_connect (spins[i], "input", G_CALLBACK (spin_input_cb), NULL);
      spin_output_cb (spins[i], NULL);
    }
}

MdCheckinEditor *
md_checkin_editor_new (GtkWindow          *parent,
                       MdDiary            *diary,
                       const char * const *supplements,
                       gint64              today)
{
  MdCheckinEditor *self;
  g_autoptr(GtkStringList) days = gtk_string_list_new (NULL);

  g_return_val_if_fail (MD_IS_DIARY (diary), NULL);

  self = g_object_new (MD_TYPE_CHECKIN_EDITOR, "transient-for", parent, NULL);
  self->diary = g_object_ref (diary);
  self->today = today;
  if (supplements != NULL && supplements[0] != NULL)
    self->supplement_names = g_strdupv ((char **) supplements);
  else
    self->supplement_names = md_preferences_get_supplements (NULL);
  build_supplements (self);

  for (int i = 0; i < MD_CHECKIN_EDITOR_DAYS; i++)
    {
      g_autofree char *label = day_label (today - i, today);
      gtk_string_list_append (days, label);
    }
  adw_combo_row_set_model (self->day_row, G_LIST_MODEL (days));
  adw_combo_row_set_selected (self->day_row, 0);
  g_signal_connect_swapped (self->day_row, "notify::selected", G_CALLBACK (day_changed_cb), self);
  add_calendar (self);
  day_changed_cb (self);
  md_a11y_fix_names (GTK_WIDGET (self));
  return self;
}

gint64
md_checkin_editor_get_day (MdCheckinEditor *self)
{
  g_return_val_if_fail (MD_IS_CHECKIN_EDITOR (self), 0);
  return self->today - (gint64) adw_combo_row_get_selected (self->day_row);
}

gboolean
md_checkin_editor_set_day (MdCheckinEditor *self,
                           gint64           day)
{
  g_return_val_if_fail (MD_IS_CHECKIN_EDITOR (self), FALSE);

  if (day > self->today || day <= self->today - MD_CHECKIN_EDITOR_MAX_DAYS)
    return FALSE;
  extend_days (self, day);
  adw_combo_row_set_selected (self->day_row, (guint) (self->today - day));
  return TRUE;
}

void
md_checkin_editor_set_symptom_names (MdCheckinEditor    *self,
                                     const char * const *names)
{
  g_autoptr(MdCheckin) shown = NULL;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_return_if_fail (MD_IS_CHECKIN_EDITOR (self));

  /* Keep what she has typed: the rows are rebuilt, then the form is filled in again. */
  commit_spins (self);
  shown = md_checkin_editor_get_checkin (self);
  remove_extra_symptoms (self);
  for (guint i = 0; i < self->symptom_spins->len; i++)
    adw_preferences_group_remove (self->symptoms_group,
                                  gtk_widget_get_ancestor (g_ptr_array_index (self->symptom_spins, i),
                                                           ADW_TYPE_ACTION_ROW));
  g_ptr_array_set_size (self->symptom_spins, 0);
  g_clear_pointer (&self->symptom_names, g_strfreev);
  /* A name given twice (in any case) gets one row. */
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (symptom_spin (self, names[i]) == NULL)
      {
        add_symptom_row (self, names[i], FALSE);
        g_strv_builder_add (b, names[i]);
      }
  self->symptom_names = g_strv_builder_end (b);
  if (self->loaded != NULL)
    add_extra_symptoms (self, self->loaded);
  for (guint i = 0; i < shown->n_symptoms; i++)
    {
      GtkSpinButton *spin = symptom_spin (self, shown->symptoms[i].name);

      if (spin != NULL)
        set_spin (spin, shown->symptoms[i].value);
    }
  md_a11y_fix_names (GTK_WIDGET (self->symptoms_group));
}
