/* md-fhir.h: the whole diary as a FHIR R4 Bundle (type "collection"), JSON written by hand.
 *
 * The mapping (documented in README, "FHIR export"): a Patient; an Observation per episode
 * (effectiveDateTime, or effectivePeriod when the duration is known; bodySite naming the
 * regions and side; intensity, duration, signs and possible triggers as components); an
 * Observation per answered check-in value (LOINC 93832-4 for sleep duration, text-only codes
 * where no well-known code exists); an Observation per Menopause Rating Scale day (total as
 * value, items and subscores as components); a MedicationStatement per medicine; a Flag per
 * active alert; and, when given, the last period (LOINC 8665-2) and menopause status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "md-diary.h"

G_BEGIN_DECLS

typedef struct {
  const char *patient_name;     /* NULL or "" = left out */
  const char *birth_date;       /* "YYYY-MM-DD", NULL or "" = left out */
  gint64      made_utc;         /* Bundle.timestamp */
  const char *stage;            /* "perimenopause", ..., NULL or "" = left out */
  const char *last_period;      /* "YYYY-MM-DD", NULL or "" = left out */
  int         hrt;              /* 1 yes, 0 no, -1 not said */
} MdFhirInfo;

/* The bundle as JSON text (one line per entry), or NULL when the diary cannot be read. */
char     *md_fhir_bundle      (MdDiary          *diary,
                               const MdFhirInfo *info,
                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* Writes it to @path ("-" = standard output) through md-output (0600, whole or not at all). */
gboolean  md_fhir_export_file (MdDiary          *diary,
                               const MdFhirInfo *info,
                               const char       *path,
                               GError          **error);

/* @text as a JSON string, quotes included (control characters escaped). */
void      md_json_append_string (GString    *s,
                                 const char *text);

G_END_DECLS
