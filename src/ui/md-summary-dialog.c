/* md-summary-dialog.c: print or save the clinician summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-summary-dialog"

#include "config.h"

#include "md-a11y.h"

#include <glib/gi18n.h>
#include <string.h>

#include "md-application.h"
#include "md-print-operation.h"
#include "md-summary-dialog.h"
#include "md-time.h"

struct _MdSummaryDialog
{
  AdwWindow        parent_instance;

  MdDiary         *diary;
  GSettings       *settings;
  char            *name;
  char            *birth;
  char            *stage;         /* the menopause picture, from Preferences */
  char            *hrt;
  char            *last_period;
  GtkFileChooserNative *chooser;

  AdwComboRow     *period_row;
  AdwComboRow     *paper_row;
  AdwToastOverlay *toast_overlay;
  /* "Chosen dates": a first and a last day, each with a calendar. */
  GtkWidget       *from_row;
  GtkWidget       *to_row;
  GtkCalendar     *from_calendar;
  GtkCalendar     *to_calendar;
  gint64           from_day;
  gint64           to_day;
};

G_DEFINE_FINAL_TYPE (MdSummaryDialog, md_summary_dialog, ADW_TYPE_WINDOW)

static const int period_days[] = { 30, 90, 183, 365 };
#define PERIOD_CHOSEN G_N_ELEMENTS (period_days)

void
md_summary_dialog_get_info (MdSummaryDialog *self,
                            MdReportInfo    *info)
{
  gint64 now = md_diary_get_now (self->diary);
  gint32 offset = md_utc_offset_at (NULL, now);
  guint period = adw_combo_row_get_selected (self->period_row);

  memset (info, 0, sizeof *info);
  info->made_utc = now;
  info->made_offset_s = offset;
  info->to_day = md_time_day_of (now + offset);
  if (period == PERIOD_CHOSEN)
    {
      info->from_day = self->from_day;
      info->to_day = self->to_day;
    }
  else
    info->from_day = info->to_day - (period_days[MIN (period, G_N_ELEMENTS (period_days) - 1)] - 1);
  info->letter = adw_combo_row_get_selected (self->paper_row) == 1;
  info->patient_name = self->name;
  info->birth_date = self->birth;
  info->stage = self->stage;
  info->hrt = self->hrt != NULL && *self->hrt != '\0' ? self->hrt : NULL;
  info->last_period = self->last_period;
}

gboolean
md_summary_dialog_save_pdf (MdSummaryDialog  *self,
                            const char       *path,
                            GError          **error)
{
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  g_autoptr(MdDoc) doc = NULL;
  MdReportInfo info;

  md_summary_dialog_get_info (self, &info);
  doc = md_report_build_for_diary (self->diary, &info, style, error);
  return doc != NULL && md_doc_write_pdf (doc, path, error);
}

gboolean
md_summary_dialog_export_pdf (MdSummaryDialog  *self,
                              const char       *path,
                              GError          **error)
{
  g_autoptr(MdPrintOperation) op = NULL;
  MdReportInfo info;

  md_summary_dialog_get_info (self, &info);
  op = md_print_operation_new (self->diary, &info);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), path);
  return gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_done_cb (GtkPrintOperation       *op,
               GtkPrintOperationResult  result,
               MdSummaryDialog         *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (op, &error);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_warning ("Printing failed: %s", error->message);
    }
  g_object_unref (op);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MdSummaryDialog *self = MD_SUMMARY_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  MdPrintOperation *op;
  MdReportInfo info;

  md_summary_dialog_get_info (self, &info);
  op = md_print_operation_new (self->diary, &info);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (op), TRUE);
  g_signal_connect (op, "done", G_CALLBACK (print_done_cb), self);
  /* The dialog offers Preview, and "Print to File" for a PDF. */
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_warning ("Printing failed: %s", error->message);
    }
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     MdSummaryDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (path == NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Please choose a local folder.")));
      else if (!md_summary_dialog_save_pdf (self, path, &error))
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          g_warning ("Could not save the summary: %s", error->message);
        }
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Summary saved")));
    }
  g_clear_object (&self->chooser);
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MdSummaryDialog *self = MD_SUMMARY_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  MdReportInfo info;

  if (self->chooser != NULL)
    return;
  md_summary_dialog_get_info (self, &info);
  today = md_time_format_day (info.to_day);
  /* Translators: the suggested file name of the summary; keep the %s (a date) and .pdf. */
  name = g_strdup_printf (_("twitching-summary-%s.pdf"), today);
  self->chooser = gtk_file_chooser_native_new (_("Save Summary as PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GDateTime *
date_of_day (gint64 day)
{
  return g_date_time_new_from_unix_utc (day * 86400);
}

static gint64
day_of_calendar (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return md_time_day_of (g_date_time_to_unix (date) + g_date_time_get_utc_offset (date) / G_USEC_PER_SEC);
}

/* Shows the chosen days under their rows and allows printing only for a period that makes sense. */
static void
update_chosen (MdSummaryDialog *self)
{
  gboolean chosen = adw_combo_row_get_selected (self->period_row) == PERIOD_CHOSEN;
  gboolean ok = !chosen || self->from_day <= self->to_day;
  g_autofree char *from = md_time_format_day_text (self->from_day);
  g_autofree char *to = md_time_format_day_text (self->to_day);

  gtk_widget_set_visible (self->from_row, chosen);
  gtk_widget_set_visible (self->to_row, chosen);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->from_row), from);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->to_row),
                               ok ? to : _("The last day must not be before the first day"));
  if (ok)
    gtk_widget_remove_css_class (self->to_row, "error");
  else
    gtk_widget_add_css_class (self->to_row, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.print", ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.save-pdf", ok);
}

static void
calendar_changed_cb (GtkCalendar     *calendar,
                     MdSummaryDialog *self)
{
  if (calendar == self->from_calendar)
    self->from_day = day_of_calendar (calendar);
  else
    self->to_day = day_of_calendar (calendar);
  update_chosen (self);
}

/* A row titled @title with a calendar button, for one end of the chosen period. */
static GtkWidget *
make_day_row (MdSummaryDialog  *self,
              const char       *title,
              const char       *button_name,
              gint64            day,
              GtkCalendar     **calendar_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  g_autoptr(GDateTime) date = date_of_day (day);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, button_name);
  md_a11y_set_label (button, button_name);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_changed_cb), self);
  *calendar_out = GTK_CALENDAR (calendar);
  return row;
}

gboolean
md_summary_dialog_can_print (MdSummaryDialog *self)
{
  g_return_val_if_fail (MD_IS_SUMMARY_DIALOG (self), FALSE);
  return adw_combo_row_get_selected (self->period_row) != PERIOD_CHOSEN || self->from_day <= self->to_day;
}

void
md_summary_dialog_set_period (MdSummaryDialog *self,
                              gint64           from_day,
                              gint64           to_day)
{
  g_autoptr(GDateTime) from = date_of_day (from_day);
  g_autoptr(GDateTime) to = date_of_day (to_day);

  g_return_if_fail (MD_IS_SUMMARY_DIALOG (self));

  adw_combo_row_set_selected (self->period_row, PERIOD_CHOSEN);
  gtk_calendar_select_day (self->from_calendar, from);
  gtk_calendar_select_day (self->to_calendar, to);
  self->from_day = from_day;
  self->to_day = to_day;
  update_chosen (self);
}

static void
md_summary_dialog_dispose (GObject *object)
{
  MdSummaryDialog *self = MD_SUMMARY_DIALOG (object);

  g_clear_object (&self->chooser);
  g_clear_object (&self->diary);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_SUMMARY_DIALOG);

  G_OBJECT_CLASS (md_summary_dialog_parent_class)->dispose (object);
}

static void
md_summary_dialog_finalize (GObject *object)
{
  MdSummaryDialog *self = MD_SUMMARY_DIALOG (object);

  g_free (self->name);
  g_free (self->birth);
  g_free (self->stage);
  g_free (self->hrt);
  g_free (self->last_period);

  G_OBJECT_CLASS (md_summary_dialog_parent_class)->finalize (object);
}

static void
md_summary_dialog_class_init (MdSummaryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_summary_dialog_dispose;
  object_class->finalize = md_summary_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/menodiary/Menodiary/ui/md-summary-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MdSummaryDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, MdSummaryDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, MdSummaryDialog, toast_overlay);

  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "summary.save-pdf", NULL, save_pdf_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "summary.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
md_summary_dialog_init (MdSummaryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_selected (self->paper_row, md_report_default_letter () ? 1 : 0);
}

MdSummaryDialog *
md_summary_dialog_new (GtkWindow *parent,
                       MdDiary   *diary,
                       GSettings *settings)
{
  MdSummaryDialog *self = g_object_new (MD_TYPE_SUMMARY_DIALOG, "transient-for", parent, NULL);
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (self->period_row), ADW_TYPE_PREFERENCES_GROUP);

  self->diary = g_object_ref (diary);
  /* Chosen dates start as the last 90 days, so switching to them changes nothing at first. */
  self->to_day = md_diary_get_today (diary);
  self->from_day = self->to_day - 89;
  self->from_row = make_day_row (self, _("_From"), _("Pick the first day"), self->from_day, &self->from_calendar);
  self->to_row = make_day_row (self, _("_To"), _("Pick the last day"), self->to_day, &self->to_calendar);
  /* Period, From, To, then Paper. */
  g_object_ref (self->paper_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->paper_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->from_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->to_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->paper_row));
  g_object_unref (self->paper_row);
  g_signal_connect_swapped (self->period_row, "notify::selected", G_CALLBACK (update_chosen), self);
  update_chosen (self);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      self->name = g_settings_get_string (settings, "patient-name");
      self->birth = g_settings_get_string (settings, "patient-birth-date");
      self->stage = g_settings_get_string (settings, "menopause-stage");
      self->hrt = g_settings_get_string (settings, "hrt");
      self->last_period = g_settings_get_string (settings, "last-period");
    }
  md_a11y_fix_names (GTK_WIDGET (self));
  return self;
}
