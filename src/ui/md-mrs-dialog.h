/* md-mrs-dialog.h: the Menopause Rating Scale form (11 symptoms, each 0 none to 4 very
 * severe), and the calm weekly offer to fill it in. */
#pragma once

#include <adwaita.h>

#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_MRS_DIALOG (md_mrs_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MdMrsDialog, md_mrs_dialog, MD, MRS_DIALOG, AdwWindow)

/* Opens on today (the diary's), with what is stored for it. Actions: mrs.save (Ctrl+S). */
MdMrsDialog *md_mrs_dialog_new     (GtkWindow   *parent,
                                    MdDiary     *diary);
/* Shows @day (loads what is stored for it); FALSE for a day after today. */
gboolean     md_mrs_dialog_set_day (MdMrsDialog *self,
                                    gint64       day);
/* What the form holds now (not yet saved). */
MdMrs       *md_mrs_dialog_get_mrs (MdMrsDialog *self) G_GNUC_WARN_UNUSED_RESULT;

/* A quiet row for the main window, shown only when md_diary_mrs_due() says so and the diary
 * holds something; "Not Now" hides it for a week (remembered in @settings, which may be NULL). */
GtkWidget   *md_mrs_offer_new      (MdDiary     *diary,
                                    GSettings   *settings);

G_END_DECLS
