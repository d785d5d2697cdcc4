/* md-medicine.h: medicines and HRT as records of their own (name, kind, dose, when started
 * and stopped), beside the check-in's free-text "started"/"stopped" answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "md-store.h"

G_BEGIN_DECLS

#define MD_MEDICINE_ERROR (md_medicine_error_quark ())
typedef enum {
  MD_MEDICINE_ERROR_NAME,
  MD_MEDICINE_ERROR_KIND,
  MD_MEDICINE_ERROR_DOSE,
  MD_MEDICINE_ERROR_STARTED,
  MD_MEDICINE_ERROR_STOPPED,
  MD_MEDICINE_ERROR_NOTE,
} MdMedicineError;
GQuark md_medicine_error_quark (void);

#define MD_MEDICINE_NAME_MAX_CHARS 200
#define MD_MEDICINE_DOSE_MAX_CHARS 200
#define MD_MEDICINE_NOTE_MAX_CHARS 2000
/* A day not given (started or stopped). */
#define MD_NO_DAY G_MININT64

typedef enum {
  MD_MEDICINE_HRT,
  MD_MEDICINE_PREVENTIVE,
  MD_MEDICINE_AS_NEEDED,
  MD_MEDICINE_SUPPLEMENT,
  MD_MEDICINE_OTHER,
  MD_N_MEDICINE_KINDS
} MdMedicineKind;

/* "hrt", "preventive", "as-needed", "supplement", "other" (database, CSV). */
const char *md_medicine_kind_id      (MdMedicineKind kind);
gboolean    md_medicine_kind_from_id (const char     *id,
                                      MdMedicineKind *out);
/* "HRT", "Preventive", ... (translated). */
const char *md_medicine_kind_label   (MdMedicineKind kind);

typedef struct {
  gint64          id;          /* 0 until stored */
  char           *name;        /* required, one line */
  MdMedicineKind  kind;
  char           *dose;        /* free text, NULL = not given */
  gint64          started;     /* local day, or MD_NO_DAY */
  gint64          stopped;     /* local day, or MD_NO_DAY while still taken */
  char           *note;        /* free text, NULL = none */
  gint64          updated_utc; /* set by the store */
} MdMedicine;

GType       md_medicine_get_type (void) G_GNUC_CONST;
#define MD_TYPE_MEDICINE (md_medicine_get_type ())

MdMedicine *md_medicine_new      (const char     *name,
                                  MdMedicineKind  kind) G_GNUC_WARN_UNUSED_RESULT;
MdMedicine *md_medicine_copy     (const MdMedicine *self) G_GNUC_WARN_UNUSED_RESULT;
void        md_medicine_free     (MdMedicine *self);
gboolean    md_medicine_validate (const MdMedicine *self,
                                  GError          **error);
/* Whether it was being taken on local day @day (started on or before it, not stopped before). */
gboolean    md_medicine_taken_on (const MdMedicine *self,
                                  gint64            day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdMedicine, md_medicine_free)

/* Store access (one transaction each; "changed" is emitted on success). */
gboolean    md_store_add_medicine    (MdStore    *store,
                                      MdMedicine *medicine,   /* id is set */
                                      GError    **error);
gboolean    md_store_update_medicine (MdStore    *store,
                                      MdMedicine *medicine,   /* by id */
                                      GError    **error);
gboolean    md_store_delete_medicine (MdStore    *store,
                                      gint64      id,
                                      GError    **error);
/* Every medicine: those without a start first, then by start day, name and id. */
GPtrArray  *md_store_list_medicines  (MdStore    *store,
                                      GError    **error) G_GNUC_WARN_UNUSED_RESULT;
/* All or nothing (an import): a medicine with the same name and start as a stored one
 * replaces it (*n_replaced counts those); the others are added. */
gboolean    md_store_put_medicines   (MdStore    *store,
                                      GPtrArray  *medicines,
                                      guint      *n_replaced,
                                      GError    **error);

G_END_DECLS
