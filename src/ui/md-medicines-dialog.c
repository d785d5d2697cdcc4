/* md-medicines-dialog.c: the list of medicines and HRT (kind, dose, the days taken), and a
 * form to add or change one. Stopping asks for the day (today by default); deleting offers
 * Undo. Every write goes through MdDiary; the list follows MdDiary::changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-medicines"

#include "config.h"

#include <glib/gi18n.h>

#include "md-a11y.h"
#include "md-medicines-dialog.h"
#include "md-time.h"

struct _MdMedicinesDialog
{
  AdwWindow            parent_instance;

  MdDiary             *diary;
  MdMedicine          *editing;   /* the medicine in the form as stored, or NULL for a new one */
  MdMedicine          *deleted;   /* kept for Undo */
  GPtrArray           *rows;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwPreferencesGroup *list_group;
  AdwWindowTitle      *form_title;
  GtkLabel            *error_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *dose_row;
  AdwEntryRow         *started_row;
  AdwEntryRow         *stopped_row;
  GtkTextView         *note_view;
};

G_DEFINE_FINAL_TYPE (MdMedicinesDialog, md_medicines_dialog, ADW_TYPE_WINDOW)

static void
toast (MdMedicinesDialog *self,
       const char        *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* "1 December 2024". */
static char *
day_words (gint64 day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day * 86400);

  /* Translators: a date, see GDateTime's format codes. */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

static char *
dates_text (const MdMedicine *m)
{
  g_autofree char *from = m->started != MD_NO_DAY ? day_words (m->started) : NULL;
  g_autofree char *to = m->stopped != MD_NO_DAY ? day_words (m->stopped) : NULL;

  if (from != NULL && to != NULL)
    return g_strdup_printf (_("Taken from %s to %s"), from, to);
  if (from != NULL)
    return g_strdup_printf (_("Taken since %s"), from);
  if (to != NULL)
    return g_strdup_printf (_("Stopped on %s; start not known"), to);
  return g_strdup (_("Taken; start not known"));
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  md_a11y_set_label (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static void
reload (MdMedicinesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = md_diary_list_medicines (self->diary, &error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (list == NULL)
    {
      toast (self, error->message);
      return;
    }
  adw_preferences_group_set_title (self->list_group, list->len == 0 ? _("No Medicines Yet") : "");
  for (guint i = 0; i < list->len; i++)
    {
      const MdMedicine *m = g_ptr_array_index (list, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *dates = dates_text (m);
      g_autofree char *subtitle = NULL;
      g_autofree char *stop = g_strdup_printf (_("Stop %s"), m->name);
      g_autofree char *del = g_strdup_printf (_("Delete %s"), m->name);

      /* Translators: a medicine's kind and dose, then the days it was taken, one per line. */
      subtitle = m->dose != NULL ? g_strdup_printf (_("%s, %s\n%s"), md_medicine_kind_label (m->kind), m->dose, dates)
                                 : g_strdup_printf (_("%s\n%s"), md_medicine_kind_label (m->kind), dates);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "medicines.edit");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", m->id);
      if (m->stopped == MD_NO_DAY)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   icon_button ("media-playback-stop-symbolic", stop, "medicines.stop", m->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("user-trash-symbolic", del, "medicines.delete", m->id));
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
diary_changed_cb (MdDiary           *diary,
                  guint              what,
                  MdMedicinesDialog *self)
{
  if (what & MD_DIARY_CHANGE_MEDICINES)
    reload (self);
}

static MdMedicine *
find_medicine (MdMedicinesDialog *self,
               gint64             id)
{
  g_autoptr(GPtrArray) list = md_diary_list_medicines (self->diary, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      MdMedicine *m = g_ptr_array_index (list, i);

      if (m->id == id)
        return md_medicine_copy (m);
    }
  return NULL;
}

/* The form. */
static void
set_day_text (AdwEntryRow *row,
              gint64       day)
{
  g_autofree char *text = day != MD_NO_DAY ? md_time_format_day (day) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
calendar_day_cb (GtkCalendar *calendar,
                 AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static void
add_calendar (AdwEntryRow *row,
              const char  *label)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  md_a11y_set_label (button, label);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_cb), row);
  adw_entry_row_add_suffix (row, button);
}

static gboolean
same_medicine (const MdMedicine *a,
               const MdMedicine *b)
{
  return a->id == b->id && g_strcmp0 (a->name, b->name) == 0 && a->kind == b->kind &&
         g_strcmp0 (a->dose, b->dose) == 0 && a->started == b->started && a->stopped == b->stopped &&
         g_strcmp0 (a->note, b->note) == 0;
}

/* Text as stored: the stored value itself while the field still shows it, else trimmed (NULL
 * if empty). */
static char *
text_or_null (const char *text,
              const char *stored)
{
  g_autofree char *copy = NULL;

  if (g_strcmp0 (text, stored != NULL ? stored : "") == 0)
    return g_strdup (stored);
  copy = g_strstrip (g_strdup (text));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static gboolean
read_day (AdwEntryRow *row,
          const char  *field,
          gint64      *day,
          GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  *day = MD_NO_DAY;
  if (*text == '\0' || md_time_parse_date (text, day, NULL))
    return TRUE;
  /* Translators: %s is the field ("Started" or "Stopped"). */
  g_set_error (error, MD_MEDICINE_ERROR, MD_MEDICINE_ERROR_STARTED,
               _("%s: write the day as YYYY-MM-DD (such as 2025-03-01), or pick it from the calendar."), field);
  return FALSE;
}

MdMedicine *
md_medicines_dialog_get_form (MdMedicinesDialog  *self,
                              GError            **error)
{
  g_autoptr(MdMedicine) m = NULL;
  const MdMedicine *was = self->editing;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *note = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (MD_IS_MEDICINES_DIALOG (self), NULL);

  /* A copy of what is stored, so that anything the form does not show stays as it was. */
  m = was != NULL ? md_medicine_copy (was) : md_medicine_new ("", MD_MEDICINE_OTHER);
  name = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), was ? was->name : NULL);
  g_free (m->name);
  m->name = name != NULL ? g_steal_pointer (&name) : g_strdup ("");
  m->kind = adw_combo_row_get_selected (self->kind_row);
  g_free (m->dose);
  m->dose = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->dose_row)), was ? was->dose : NULL);
  if (!read_day (self->started_row, _("Started"), &m->started, error) ||
      !read_day (self->stopped_row, _("Stopped"), &m->stopped, error))
    return NULL;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_free (m->note);
  m->note = text_or_null (note, was ? was->note : NULL);
  if (!md_medicine_validate (m, error))
    return NULL;
  return g_steal_pointer (&m);
}

static void
open_form (MdMedicinesDialog *self,
           MdMedicine        *m)   /* owned; NULL = a new one */
{
  g_clear_pointer (&self->editing, md_medicine_free);
  self->editing = m;
  adw_window_title_set_title (self->form_title, m != NULL ? _("Change Medicine") : _("Add Medicine"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), m != NULL ? m->name : "");
  adw_combo_row_set_selected (self->kind_row, m != NULL ? m->kind : MD_MEDICINE_HRT);
  gtk_editable_set_text (GTK_EDITABLE (self->dose_row), m != NULL && m->dose != NULL ? m->dose : "");
  set_day_text (self->started_row, m != NULL ? m->started : md_diary_get_today (self->diary));
  set_day_text (self->stopped_row, m != NULL ? m->stopped : MD_NO_DAY);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), m != NULL && m->note ? m->note : "", -1);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
add_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  open_form (MD_MEDICINES_DIALOG (widget), NULL);
}

static void
edit_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  MdMedicinesDialog *self = MD_MEDICINES_DIALOG (widget);
  MdMedicine *m = find_medicine (self, g_variant_get_int64 (param));

  if (m != NULL)
    open_form (self, m);
}

static void
cancel_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  MdMedicinesDialog *self = MD_MEDICINES_DIALOG (widget);

  g_clear_pointer (&self->editing, md_medicine_free);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  MdMedicinesDialog *self = MD_MEDICINES_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdMedicine) m = md_medicines_dialog_get_form (self, &error);
  gboolean ok;

  if (m != NULL && self->editing != NULL)
    {
      /* Unchanged: nothing is written. */
      ok = same_medicine (m, self->editing) || md_diary_update_medicine (self->diary, m, &error);
    }
  else
    ok = m != NULL && md_diary_add_medicine (self->diary, m, &error);
  if (!ok)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  cancel_activated (widget, NULL, NULL);
}

static void
stop_response_cb (AdwMessageDialog  *dialog,
                  const char        *response,
                  MdMedicinesDialog *self)
{
  GtkCalendar *calendar = GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "md-id"));
  g_autoptr(MdMedicine) m = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "stop") != 0 || (m = find_medicine (self, id)) == NULL)
    return;
  date = gtk_calendar_get_date (calendar);
  m->stopped = md_time_day_of (g_date_time_to_unix (date) + g_date_time_get_utc_offset (date) / G_USEC_PER_SEC);
  if (!md_medicine_validate (m, &error) || !md_diary_update_medicine (self->diary, m, &error))
    toast (self, error->message);
}

static void
stop_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  MdMedicinesDialog *self = MD_MEDICINES_DIALOG (widget);
  g_autoptr(MdMedicine) m = find_medicine (self, g_variant_get_int64 (param));
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_utc (md_diary_get_today (self->diary) * 86400);
  g_autoptr(GDateTime) local = NULL;
  GtkWidget *calendar = gtk_calendar_new ();
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (m == NULL)
    return;
  /* Translators: %s is a medicine's name. */
  heading = g_strdup_printf (_("Stop %s?"), m->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                        _("Pick the last day you took it. It stays in the list with its days.")));
  local = g_date_time_new_local (g_date_time_get_year (today), g_date_time_get_month (today),
                                 g_date_time_get_day_of_month (today), 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), local);
  adw_message_dialog_set_extra_child (dialog, calendar);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "stop", _("_Stop"), NULL);
  adw_message_dialog_set_default_response (dialog, "stop");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "md-id", GSIZE_TO_POINTER ((gsize) m->id));
  g_signal_connect (dialog, "response", G_CALLBACK (stop_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  MdMedicinesDialog *self = MD_MEDICINES_DIALOG (widget);
  g_autoptr(MdMedicine) m = find_medicine (self, g_variant_get_int64 (param));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *t;

  if (m == NULL)
    return;
  if (!md_diary_delete_medicine (self->diary, m->id, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: %s is a medicine's name. */
  title = g_strdup_printf (_("%s deleted"), m->name);
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "medicines.undo");
  g_clear_pointer (&self->deleted, md_medicine_free);
  self->deleted = g_steal_pointer (&m);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
undo_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  MdMedicinesDialog *self = MD_MEDICINES_DIALOG (widget);
  g_autoptr(MdMedicine) m = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;

  if (m == NULL)
    return;
  m->id = 0;
  if (!md_diary_add_medicine (self->diary, m, &error))
    toast (self, error->message);
}

static void
md_medicines_dialog_dispose (GObject *object)
{
  MdMedicinesDialog *self = MD_MEDICINES_DIALOG (object);

  if (self->diary != NULL)
    g_signal_handlers_disconnect_by_data (self->diary, self);
  g_clear_object (&self->diary);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_MEDICINES_DIALOG);
  G_OBJECT_CLASS (md_medicines_dialog_parent_class)->dispose (object);
}

static void
md_medicines_dialog_finalize (GObject *object)
{
  MdMedicinesDialog *self = MD_MEDICINES_DIALOG (object);

  g_clear_pointer (&self->editing, md_medicine_free);
  g_clear_pointer (&self->deleted, md_medicine_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (md_medicines_dialog_parent_class)->finalize (object);
}

static void
md_medicines_dialog_class_init (MdMedicinesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_medicines_dialog_dispose;
  object_class->finalize = md_medicines_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/menodiary/Menodiary/ui/md-medicines-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MdMedicinesDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MdMedicinesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MdMedicinesDialog, list_group);
  gtk_widget_class_bind_template_child (widget_class, MdMedicinesDialog, form_title);
  gtk_widget_class_bind_template_child (widget_class, MdMedicinesDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, MdMedicinesDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, MdMedicinesDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MdMedicinesDialog, dose_row);
  gtk_widget_class_bind_template_child (widget_class, MdMedicinesDialog, started_row);
  gtk_widget_class_bind_template_child (widget_class, MdMedicinesDialog, stopped_row);
  gtk_widget_class_bind_template_child (widget_class, MdMedicinesDialog, note_view);

  gtk_widget_class_install_action (widget_class, "medicines.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "medicines.edit", "x", edit_activated);
  gtk_widget_class_install_action (widget_class, "medicines.stop", "x", stop_activated);
  gtk_widget_class_install_action (widget_class, "medicines.delete", "x", delete_activated);
  gtk_widget_class_install_action (widget_class, "medicines.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "medicines.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "medicines.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "medicines.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "medicines.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "medicines.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
md_medicines_dialog_init (MdMedicinesDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  for (int i = 0; i < MD_N_MEDICINE_KINDS; i++)
    gtk_string_list_append (kinds, md_medicine_kind_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  add_calendar (self->started_row, _("Pick the first day"));
  add_calendar (self->stopped_row, _("Pick the last day"));
}

MdMedicinesDialog *
md_medicines_dialog_new (GtkWindow *parent,
                         MdDiary   *diary)
{
  MdMedicinesDialog *self;

  g_return_val_if_fail (MD_IS_DIARY (diary), NULL);

  self = g_object_new (MD_TYPE_MEDICINES_DIALOG, "transient-for", parent, NULL);
  self->diary = g_object_ref (diary);
  g_signal_connect (diary, "changed", G_CALLBACK (diary_changed_cb), self);
  reload (self);
  md_a11y_fix_names (GTK_WIDGET (self));
  return self;
}
