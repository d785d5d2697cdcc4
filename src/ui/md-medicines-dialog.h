/* md-medicines-dialog.h: the list of medicines and HRT, to add, change, stop and delete them. */
#pragma once

#include <adwaita.h>

#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_MEDICINES_DIALOG (md_medicines_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MdMedicinesDialog, md_medicines_dialog, MD, MEDICINES_DIALOG, AdwWindow)

/* Actions (on the dialog): medicines.add, medicines.edit (x: id), medicines.stop (x: id, asks
 * for the day, today by default), medicines.delete (x: id, with Undo), medicines.undo,
 * medicines.save, medicines.cancel. Every write goes through @diary. */
MdMedicinesDialog *md_medicines_dialog_new (GtkWindow *parent,
                                            MdDiary   *diary);

/* The form's medicine as it would be saved (NULL and @error when a field is not valid). */
MdMedicine        *md_medicines_dialog_get_form (MdMedicinesDialog *self,
                                                 GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
