/* md-print-operation.c: printing the clinician summary.
 *
 * The summary is laid out for the paper the print dialog ends up with, by the same code
 * (src/draw/md-report.c) that writes the PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "md-print-operation.h"

struct _MdPrintOperation
{
  GtkPrintOperation  parent_instance;

  MdDiary           *diary;
  MdReportInfo       info;
  char              *name;
  char              *birth;
  MdDoc             *doc;
};

G_DEFINE_FINAL_TYPE (MdPrintOperation, md_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
md_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  MdPrintOperation *self = MD_PRINT_OPERATION (operation);
  g_autoptr(MdDrawStyle) style = md_draw_style_new_default (FALSE);
  g_autoptr(GError) error = NULL;
  MdReportInfo info = self->info;

  /* Full page, in points: the layout draws its own margins. */
  info.page_width = gtk_print_context_get_width (context);
  info.page_height = gtk_print_context_get_height (context);
  g_clear_pointer (&self->doc, md_doc_free);
  self->doc = md_report_build_for_diary (self->diary, &info, style, &error);
  if (self->doc == NULL)
    {
      g_warning ("Could not prepare the summary: %s", error->message);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) md_doc_paginate (self->doc));
}

static void
md_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  MdPrintOperation *self = MD_PRINT_OPERATION (operation);

  if (self->doc != NULL)
    md_doc_render_page (self->doc, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
md_print_operation_finalize (GObject *object)
{
  MdPrintOperation *self = MD_PRINT_OPERATION (object);

  g_clear_object (&self->diary);
  g_clear_pointer (&self->doc, md_doc_free);
  g_free (self->name);
  g_free (self->birth);

  G_OBJECT_CLASS (md_print_operation_parent_class)->finalize (object);
}

static void
md_print_operation_class_init (MdPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = md_print_operation_finalize;
  print_class->begin_print = md_print_operation_begin_print;
  print_class->draw_page = md_print_operation_draw_page;
}

static void
md_print_operation_init (MdPrintOperation *self)
{
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Facial twitching summary"));
}

MdPrintOperation *
md_print_operation_new (MdDiary            *diary,
                        const MdReportInfo *info)
{
  MdPrintOperation *self = g_object_new (MD_TYPE_PRINT_OPERATION, NULL);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (info->letter ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  self->diary = g_object_ref (diary);
  self->info = *info;
  self->name = g_strdup (info->patient_name);
  self->birth = g_strdup (info->birth_date);
  self->info.patient_name = self->name;
  self->info.birth_date = self->birth;

  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  return self;
}

guint
md_print_operation_get_n_pages (MdPrintOperation *self)
{
  g_return_val_if_fail (MD_IS_PRINT_OPERATION (self), 0);
  return self->doc ? md_doc_paginate (self->doc) : 0;
}
