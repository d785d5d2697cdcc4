/* md-checkin.h: the daily check-in (the context the known triggers live in). */
#pragma once

#include <glib-object.h>

#include "md-store.h"

G_BEGIN_DECLS

#define MD_CHECKIN_ERROR (md_checkin_error_quark ())
typedef enum {
  MD_CHECKIN_ERROR_DAY,
  MD_CHECKIN_ERROR_SLEEP,
  MD_CHECKIN_ERROR_SLEEP_QUALITY,
  MD_CHECKIN_ERROR_CAFFEINE,
  MD_CHECKIN_ERROR_WATER,
  MD_CHECKIN_ERROR_STRESS,
  MD_CHECKIN_ERROR_HOT_FLASHES,
  MD_CHECKIN_ERROR_TEXT,
  MD_CHECKIN_ERROR_BLEEDING,
  MD_CHECKIN_ERROR_SYMPTOMS,
} MdCheckinError;
GQuark md_checkin_error_quark (void);

#define MD_CHECKIN_SLEEP_MAX_MIN   (24 * 60)
#define MD_CHECKIN_CAFFEINE_MAX    30     /* cups */
#define MD_CHECKIN_CAFFEINE_MG_MAX 3000
#define MD_CHECKIN_WATER_MAX       40     /* glasses */
#define MD_CHECKIN_HOT_FLASHES_MAX 100
#define MD_CHECKIN_TEXT_MAX_CHARS  2000
#define MD_SYMPTOM_MAX             10     /* a custom symptom is rated 0 .. 10 */
#define MD_SYMPTOM_NAME_MAX_CHARS  60
#define MD_SYMPTOMS_MAX            30     /* custom symptoms on one day */

/* Bleeding that day (the check-in's period answer); MD_UNKNOWN when not answered. */
typedef enum {
  MD_BLEEDING_NONE,
  MD_BLEEDING_SPOTTING,
  MD_BLEEDING_LIGHT,
  MD_BLEEDING_MEDIUM,
  MD_BLEEDING_HEAVY,
  MD_N_BLEEDING
} MdBleeding;

/* "none", "spotting", "light", "medium", "heavy" (stable ids: database, CSV). */
const char *md_bleeding_id      (MdBleeding bleeding);
gboolean    md_bleeding_from_id (const char *id,
                                 int        *out);
/* "None", "Spotting", ... (translated). */
const char *md_bleeding_label   (MdBleeding bleeding);

/* A custom daily symptom rated that day (a symptom not rated is simply absent). */
typedef struct {
  char *name;
  gint  value;              /* 0 .. MD_SYMPTOM_MAX */
} MdSymptomValue;

/* Every number is MD_UNKNOWN (-1) when not answered. */
typedef struct {
  gint64  day;              /* local calendar day, days since 1970-01-01 */
  gint    sleep_min;        /* minutes slept the night before, 0 .. 1440 */
  gint    sleep_quality;    /* 1 (very poor) .. 5 (very good) */
  gint    caffeine_cups;    /* 0 .. 30 */
  gint    caffeine_mg;      /* 0 .. 3000, optional precision */
  gint    water_glasses;    /* 0 .. 40 */
  gint    stress;           /* 0 .. 10 */
  gint    hot_flashes;      /* hot flashes and night sweats, 0 .. 100 */
  char  **supplements;      /* names taken that day (NULL-terminated, may be NULL = none) */
  char   *medicines_started;/* free text, NULL = none */
  char   *medicines_stopped;/* free text, NULL = none */
  char   *note;             /* free text, NULL = none */
  gint    bleeding;         /* MdBleeding, or MD_UNKNOWN */
  MdSymptomValue *symptoms; /* custom symptoms rated that day, in the order given */
  guint   n_symptoms;
  gint64  updated_utc;      /* set by the store */
} MdCheckin;

GType      md_checkin_get_type (void) G_GNUC_CONST;
#define MD_TYPE_CHECKIN (md_checkin_get_type ())

MdCheckin *md_checkin_new      (gint64 day) G_GNUC_WARN_UNUSED_RESULT;
MdCheckin *md_checkin_copy     (const MdCheckin *self) G_GNUC_WARN_UNUSED_RESULT;
void       md_checkin_free     (MdCheckin *self);
gboolean   md_checkin_validate (const MdCheckin *self,
                                GError         **error);
gboolean   md_checkin_took     (const MdCheckin *self,
                                const char      *supplement);
/* The rating of custom symptom @name that day, or MD_UNKNOWN. */
gint       md_checkin_get_symptom (const MdCheckin *self,
                                   const char      *name);
/* Rates @name (MD_UNKNOWN removes it); a new name is added at the end. */
void       md_checkin_set_symptom (MdCheckin  *self,
                                   const char *name,
                                   gint        value);
/* "name=value;name=value" (the CSV and database form), "" for none. */
char      *md_checkin_format_symptoms (const MdCheckin *self) G_GNUC_WARN_UNUSED_RESULT;
/* Parses that form (spaces around names and values ignored, empty parts skipped) into @self's
 * symptoms; FALSE with a message (without a column name) when it is not one. */
gboolean   md_checkin_parse_symptoms  (MdCheckin   *self,
                                       const char  *text,
                                       GError     **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdCheckin, md_checkin_free)

/* Store access (one transaction each; "changed" is emitted on success). */
gboolean   md_store_put_checkin     (MdStore   *store,
                                     MdCheckin *checkin,   /* insert or replace by day */
                                     GError   **error);
gboolean   md_store_delete_checkin  (MdStore   *store,
                                     gint64     day,
                                     GError   **error);
/* NULL without error when that day has no check-in. */
MdCheckin *md_store_get_checkin     (MdStore   *store,
                                     gint64     day,
                                     GError   **error) G_GNUC_WARN_UNUSED_RESULT;
/* Oldest first; days inclusive (G_MININT64 / G_MAXINT64 for open ends). */
GPtrArray *md_store_checkins_between (MdStore  *store,
                                      gint64    from_day,
                                      gint64    to_day,
                                      GError  **error) G_GNUC_WARN_UNUSED_RESULT;
/* All or nothing; an existing day is replaced. */
gboolean   md_store_put_checkins    (MdStore   *store,
                                     GPtrArray *checkins,
                                     GError   **error);

G_END_DECLS
