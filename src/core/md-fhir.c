/* md-fhir.c: the FHIR R4 export (see md-fhir.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-fhir"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "md-fhir.h"
#include "md-output.h"
#include "md-time.h"
#include "md-vocab.h"

#define LOINC "http://loinc.org"
#define UCUM  "http://unitsofmeasure.org"
#define OBS_CATEGORY "http://terminology.hl7.org/CodeSystem/observation-category"
#define FLAG_CATEGORY "http://terminology.hl7.org/CodeSystem/flag-category"

/* A small JSON writer: objects and arrays nest, commas are placed by it. */
typedef struct {
  GString  *s;
  guint     depth;
  gboolean  first[16];
} Json;

void
md_json_append_string (GString    *s,
                       const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (s, "\\\""); break;
        case '\\': g_string_append (s, "\\\\"); break;
        case '\n': g_string_append (s, "\\n"); break;
        case '\r': g_string_append (s, "\\r"); break;
        case '\t': g_string_append (s, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (s, "\\u%04x", c);
          else
            g_string_append_c (s, (char) c);
        }
    }
  g_string_append_c (s, '"');
}

static void
j_key (Json       *j,
       const char *key)
{
  if (!j->first[j->depth])
    g_string_append_c (j->s, ',');
  j->first[j->depth] = FALSE;
  if (key != NULL)
    {
      md_json_append_string (j->s, key);
      g_string_append_c (j->s, ':');
    }
}

static void
j_open (Json       *j,
        const char *key,
        char        bracket)
{
  j_key (j, key);
  g_string_append_c (j->s, bracket);
  g_assert (j->depth + 1 < G_N_ELEMENTS (j->first));
  j->first[++j->depth] = TRUE;
}

static void
j_close (Json *j,
         char  bracket)
{
  g_assert (j->depth > 0);
  j->depth--;
  g_string_append_c (j->s, bracket);
}

#define j_obj(j, key)   j_open ((j), (key), '{')
#define j_end(j)        j_close ((j), '}')
#define j_arr(j, key)   j_open ((j), (key), '[')
#define j_end_arr(j)    j_close ((j), ']')

/* FHIR strings hold no control characters other than tab and line ends, and are never empty. */
static void
j_str (Json       *j,
       const char *key,
       const char *value)
{
  g_autofree char *clean = g_strdup (value);

  for (char *p = clean; *p != '\0'; p++)
    if (((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
      *p = ' ';
  j_key (j, key);
  md_json_append_string (j->s, clean);
}

static void
j_int (Json       *j,
       const char *key,
       gint64      value)
{
  j_key (j, key);
  g_string_append_printf (j->s, "%" G_GINT64_FORMAT, value);
}

static void
j_bool (Json       *j,
        const char *key,
        gboolean    value)
{
  j_key (j, key);
  g_string_append (j->s, value ? "true" : "false");
}

static void
j_decimal (Json       *j,
           const char *key,
           double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  len = strlen (buf);
  while (len > 0 && buf[len - 1] == '0')
    len--;
  if (len > 0 && buf[len - 1] == '.')
    len--;
  buf[len] = '\0';
  j_key (j, key);
  g_string_append (j->s, buf);
}

static gboolean
has_text (const char *s)
{
  if (s == NULL)
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return TRUE;
  return FALSE;
}

/* A CodeableConcept: a LOINC coding when @loinc is given, and always a text. */
static void
j_concept (Json       *j,
           const char *key,
           const char *loinc,
           const char *display,
           const char *text)
{
  j_obj (j, key);
  if (loinc != NULL)
    {
      j_arr (j, "coding");
      j_obj (j, NULL);
      j_str (j, "system", LOINC);
      j_str (j, "code", loinc);
      j_str (j, "display", display);
      j_end (j);
      j_end_arr (j);
    }
  j_str (j, "text", text);
  j_end (j);
}

static void
j_quantity (Json       *j,
            const char *key,
            double      value,
            const char *unit)
{
  j_obj (j, key);
  j_decimal (j, "value", value);
  j_str (j, "unit", unit);
  j_str (j, "system", UCUM);
  j_str (j, "code", unit);
  j_end (j);
}

static void
j_reference (Json       *j,
             const char *key,
             const char *uuid)
{
  g_autofree char *ref = g_strconcat ("urn:uuid:", uuid, NULL);

  j_obj (j, key);
  j_str (j, "reference", ref);
  j_end (j);
}

static void
j_day (Json       *j,
       const char *key,
       gint64      day)
{
  g_autofree char *text = md_time_format_day (day);

  j_str (j, key, text);
}

static void
j_instant (Json       *j,
           const char *key,
           gint64      utc,
           gint32      offset)
{
  g_autofree char *text = md_time_format_iso8601 (utc, offset, FALSE);

  j_str (j, key, text);
}

/* Starts an entry: { "fullUrl": "urn:uuid:…", "resource": { "resourceType": … — closed by
 * end_entry. */
static void
begin_entry (Json       *j,
             const char *type)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *url = g_strconcat ("urn:uuid:", uuid, NULL);

  j_obj (j, NULL);
  j_str (j, "fullUrl", url);
  j_obj (j, "resource");
  j_str (j, "resourceType", type);
}

static void
end_entry (Json *j)
{
  j_end (j);
  j_end (j);
  g_string_append_c (j->s, '\n');
}

/* An Observation of one day, with its code; the caller adds the value and closes it. */
static void
begin_day_observation (Json       *j,
                       const char *patient,
                       gint64      day,
                       const char *loinc,
                       const char *display,
                       const char *text)
{
  begin_entry (j, "Observation");
  j_str (j, "status", "final");
  j_concept (j, "code", loinc, display, text);
  j_reference (j, "subject", patient);
  j_day (j, "effectiveDateTime", day);
}

static void
add_patient (Json             *j,
             const char       *patient,
             const MdFhirInfo *info)
{
  j_obj (j, NULL);
  {
    g_autofree char *url = g_strconcat ("urn:uuid:", patient, NULL);

    j_str (j, "fullUrl", url);
  }
  j_obj (j, "resource");
  j_str (j, "resourceType", "Patient");
  j_bool (j, "active", TRUE);
  if (has_text (info->patient_name))
    {
      j_arr (j, "name");
      j_obj (j, NULL);
      j_str (j, "text", info->patient_name);
      j_end (j);
      j_end_arr (j);
    }
  if (has_text (info->birth_date) && md_time_parse_date (info->birth_date, &(gint64) { 0 }, NULL))
    j_str (j, "birthDate", info->birth_date);
  end_entry (j);
}

static void
add_component_text (Json       *j,
                    const char *code,
                    const char *value)
{
  j_obj (j, NULL);
  j_concept (j, "code", NULL, NULL, code);
  j_str (j, "valueString", value);
  j_end (j);
}

static void
add_component_bool (Json       *j,
                    const char *code)
{
  j_obj (j, NULL);
  j_concept (j, "code", NULL, NULL, code);
  j_bool (j, "valueBoolean", TRUE);
  j_end (j);
}

static void
add_episode (Json            *j,
             const char      *patient,
             const MdEpisode *e)
{
  g_autofree char *ids = md_regions_to_string (e->regions);
  g_auto(GStrv) parts = g_strsplit (ids, ";", -1);
  g_autofree char *regions = g_strjoinv (", ", parts);
  g_autofree char *site = NULL;

  site = g_strdup_printf ("face: %s; side: %s", regions,
                          e->side == MD_SIDE_UNKNOWN ? "not recorded" : md_side_id (e->side));
  begin_entry (j, "Observation");
  j_str (j, "status", "final");
  j_concept (j, "code", NULL, NULL, "Facial twitching episode");
  j_reference (j, "subject", patient);
  if (e->duration_s != MD_UNKNOWN)
    {
      j_obj (j, "effectivePeriod");
      j_instant (j, "start", e->start_utc, e->utc_offset_s);
      j_instant (j, "end", e->start_utc + e->duration_s, e->utc_offset_s);
      j_end (j);
    }
  else
    j_instant (j, "effectiveDateTime", e->start_utc, e->utc_offset_s);
  if (has_text (e->notes))
    {
      j_arr (j, "note");
      j_obj (j, NULL);
      j_str (j, "text", e->notes);
      j_end (j);
      j_end_arr (j);
    }
  j_concept (j, "bodySite", NULL, NULL, site);

  j_arr (j, "component");
  for (guint r = 0; r < MD_N_REGIONS; r++)
    if (e->regions & (1u << r))
      add_component_text (j, "Region", md_region_id (r));
  add_component_text (j, "Side", e->side == MD_SIDE_UNKNOWN ? "not recorded" : md_side_id (e->side));
  if (e->intensity != MD_UNKNOWN)
    {
      j_obj (j, NULL);
      j_concept (j, "code", NULL, NULL, "Intensity (0 to 10)");
      j_int (j, "valueInteger", e->intensity);
      j_end (j);
    }
  if (e->duration_s != MD_UNKNOWN)
    {
      j_obj (j, NULL);
      j_concept (j, "code", NULL, NULL, "Duration");
      j_quantity (j, "valueQuantity", (double) e->duration_s, "s");
      j_end (j);
    }
  for (guint s = 0; s < MD_N_SIGNS; s++)
    if (e->signs & (1u << s))
      {
        g_autofree char *code = g_strconcat ("Sign: ", md_sign_id (s), NULL);

        add_component_bool (j, code);
      }
  for (guint t = 0; t < MD_N_TRIGGERS; t++)
    if (e->triggers & (1u << t))
      {
        g_autofree char *code = g_strconcat ("Possible trigger: ", md_trigger_id (t), NULL);

        add_component_bool (j, code);
      }
  j_end_arr (j);
  end_entry (j);
}

static void
add_day_integer (Json       *j,
                 const char *patient,
                 gint64      day,
                 const char *text,
                 int         value)
{
  if (value == MD_UNKNOWN)
    return;
  begin_day_observation (j, patient, day, NULL, NULL, text);
  j_int (j, "valueInteger", value);
  end_entry (j);
}

static void
add_day_string (Json       *j,
                const char *patient,
                gint64      day,
                const char *text,
                const char *value)
{
  if (!has_text (value))
    return;
  begin_day_observation (j, patient, day, NULL, NULL, text);
  j_str (j, "valueString", value);
  end_entry (j);
}

static void
add_checkin (Json            *j,
             const char      *patient,
             const MdCheckin *c)
{
  if (c->sleep_min != MD_UNKNOWN)
    {
      begin_day_observation (j, patient, c->day, "93832-4", "Sleep duration", "Sleep duration (the night before)");
      j_quantity (j, "valueQuantity", c->sleep_min / 60.0, "h");
      end_entry (j);
    }
  add_day_integer (j, patient, c->day, "Sleep quality (1 very poor to 5 very good)", c->sleep_quality);
  add_day_integer (j, patient, c->day, "Caffeinated drinks (cups)", c->caffeine_cups);
  if (c->caffeine_mg != MD_UNKNOWN)
    {
      begin_day_observation (j, patient, c->day, NULL, NULL, "Caffeine");
      j_quantity (j, "valueQuantity", c->caffeine_mg, "mg");
      end_entry (j);
    }
  add_day_integer (j, patient, c->day, "Water (glasses)", c->water_glasses);
  add_day_integer (j, patient, c->day, "Stress (0 not at all to 10)", c->stress);
  add_day_integer (j, patient, c->day, "Hot flashes and night sweats (count)", c->hot_flashes);
  if (c->bleeding != MD_UNKNOWN)
    add_day_string (j, patient, c->day, "Vaginal bleeding", md_bleeding_id (c->bleeding));
  for (guint i = 0; i < c->n_symptoms; i++)
    {
      g_autofree char *text = g_strdup_printf ("Symptom: %s (0 to 10)", c->symptoms[i].name);

      add_day_integer (j, patient, c->day, text, c->symptoms[i].value);
    }
  if (c->supplements != NULL)
    {
      g_autofree char *list = g_strjoinv ("; ", c->supplements);

      add_day_string (j, patient, c->day, "Supplements taken", list);
    }
  add_day_string (j, patient, c->day, "Medicines started (as written that day)", c->medicines_started);
  add_day_string (j, patient, c->day, "Medicines stopped (as written that day)", c->medicines_stopped);
  add_day_string (j, patient, c->day, "Check-in note", c->note);
}

static void
add_mrs (Json        *j,
         const char  *patient,
         const MdMrs *m)
{
  static const char * const scale_text[MD_MRS_N_SCALES] = {
    "MRS total score (0 to 44)", "MRS somatic subscale (0 to 16)",
    "MRS psychological subscale (0 to 16)", "MRS urogenital subscale (0 to 12)",
  };
  static const char * const item_text[MD_MRS_N_ITEMS] = {
    "MRS 1: hot flushes, sweating", "MRS 2: heart discomfort", "MRS 3: sleep problems",
    "MRS 4: depressive mood", "MRS 5: irritability", "MRS 6: anxiety",
    "MRS 7: physical and mental exhaustion", "MRS 8: sexual problems", "MRS 9: bladder problems",
    "MRS 10: dryness of the vagina", "MRS 11: joint and muscular discomfort",
  };
  int total = md_mrs_score (m, MD_MRS_TOTAL, NULL);

  if (total < 0)
    return;
  begin_entry (j, "Observation");
  j_str (j, "status", "final");
  j_arr (j, "category");
  j_obj (j, NULL);
  j_arr (j, "coding");
  j_obj (j, NULL);
  j_str (j, "system", OBS_CATEGORY);
  j_str (j, "code", "survey");
  j_str (j, "display", "Survey");
  j_end (j);
  j_end_arr (j);
  j_end (j);
  j_end_arr (j);
  j_concept (j, "code", NULL, NULL, "Menopause Rating Scale (MRS), self-rated");
  j_reference (j, "subject", patient);
  j_day (j, "effectiveDateTime", m->day);
  j_int (j, "valueInteger", total);
  j_arr (j, "component");
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    if (m->items[i] != MD_UNKNOWN)
      {
        j_obj (j, NULL);
        j_concept (j, "code", NULL, NULL, item_text[i]);
        j_int (j, "valueInteger", m->items[i]);
        j_end (j);
      }
  for (MdMrsScale s = MD_MRS_SOMATIC; s < MD_MRS_N_SCALES; s++)
    {
      int score = md_mrs_score (m, s, NULL);

      if (score < 0)
        continue;
      j_obj (j, NULL);
      j_concept (j, "code", NULL, NULL, scale_text[s]);
      j_int (j, "valueInteger", score);
      j_end (j);
    }
  (void) scale_text[MD_MRS_TOTAL];
  j_end_arr (j);
  end_entry (j);
}

static void
add_medicine (Json             *j,
              const char       *patient,
              const MdMedicine *m)
{
  g_autofree char *kind = g_strdup_printf ("Kind: %s", md_medicine_kind_id (m->kind));

  begin_entry (j, "MedicationStatement");
  j_str (j, "status", m->stopped == MD_NO_DAY ? "active" : "completed");
  j_concept (j, "medicationCodeableConcept", NULL, NULL, m->name);
  j_reference (j, "subject", patient);
  if (m->started != MD_NO_DAY || m->stopped != MD_NO_DAY)
    {
      j_obj (j, "effectivePeriod");
      if (m->started != MD_NO_DAY)
        j_day (j, "start", m->started);
      if (m->stopped != MD_NO_DAY)
        j_day (j, "end", m->stopped);
      j_end (j);
    }
  j_arr (j, "note");
  j_obj (j, NULL);
  j_str (j, "text", kind);
  j_end (j);
  if (has_text (m->note))
    {
      j_obj (j, NULL);
      j_str (j, "text", m->note);
      j_end (j);
    }
  j_end_arr (j);
  if (has_text (m->dose))
    {
      j_arr (j, "dosage");
      j_obj (j, NULL);
      j_str (j, "text", m->dose);
      j_end (j);
      j_end_arr (j);
    }
  end_entry (j);
}

static void
add_flag (Json         *j,
          const char   *patient,
          const MdFlag *flag)
{
  g_autofree char *text = g_strdup_printf ("%s (Menodiary alert %s, level %s): %s %s", flag->title, flag->rule,
                                           md_level_id (flag->level), flag->message, flag->advice);

  begin_entry (j, "Flag");
  j_str (j, "status", "active");
  j_arr (j, "category");
  j_obj (j, NULL);
  j_arr (j, "coding");
  j_obj (j, NULL);
  j_str (j, "system", FLAG_CATEGORY);
  j_str (j, "code", "clinical");
  j_str (j, "display", "Clinical");
  j_end (j);
  j_end_arr (j);
  j_end (j);
  j_end_arr (j);
  j_concept (j, "code", NULL, NULL, text);
  j_reference (j, "subject", patient);
  j_obj (j, "period");
  j_instant (j, "start", flag->at_utc, md_utc_offset_at (NULL, flag->at_utc));
  j_end (j);
  end_entry (j);
}

static void
add_status (Json             *j,
            const char       *patient,
            const MdFhirInfo *info,
            gint64            today)
{
  gint64 day;

  if (has_text (info->last_period) && md_time_parse_date (info->last_period, &day, NULL))
    {
      begin_day_observation (j, patient, today, "8665-2", "Last menstrual period start date",
                             "First day of the last period");
      j_day (j, "valueDateTime", day);
      end_entry (j);
    }
  if (has_text (info->stage))
    add_day_string (j, patient, today, "Menopause stage (as she describes it)", info->stage);
  if (info->hrt >= 0)
    {
      begin_day_observation (j, patient, today, NULL, NULL, "Uses hormone replacement therapy (HRT)");
      j_bool (j, "valueBoolean", info->hrt > 0);
      end_entry (j);
    }
}

char *
md_fhir_bundle (MdDiary          *diary,
                const MdFhirInfo *info,
                GError          **error)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) mrs = NULL;
  g_autoptr(GPtrArray) medicines = NULL;
  g_autofree char *patient = g_uuid_string_random ();
  GPtrArray *alerts;
  Json j = { g_string_new (NULL), 0, { TRUE } };
  gint64 made = info->made_utc != 0 ? info->made_utc : md_diary_get_now (diary);

  g_return_val_if_fail (MD_IS_DIARY (diary), NULL);

  if ((episodes = md_diary_episodes_between (diary, G_MININT64, G_MAXINT64, error)) == NULL ||
      (checkins = md_diary_checkins_between (diary, G_MININT64, G_MAXINT64, error)) == NULL ||
      (mrs = md_diary_mrs_between (diary, G_MININT64, G_MAXINT64, error)) == NULL ||
      (medicines = md_diary_list_medicines (diary, error)) == NULL)
    {
      g_string_free (j.s, TRUE);
      return NULL;
    }
  /* The alerts as of the diary's clock (the window's and --flags' answer). */
  alerts = md_diary_get_alerts (diary);

  j_obj (&j, NULL);
  j_str (&j, "resourceType", "Bundle");
  j_str (&j, "type", "collection");
  j_instant (&j, "timestamp", made, md_utc_offset_at (NULL, made));
  j_arr (&j, "entry");
  g_string_append_c (j.s, '\n');
  add_patient (&j, patient, info);
  add_status (&j, patient, info, md_diary_get_today (diary));
  for (guint i = 0; i < episodes->len; i++)
    add_episode (&j, patient, g_ptr_array_index (episodes, i));
  for (guint i = 0; i < checkins->len; i++)
    add_checkin (&j, patient, g_ptr_array_index (checkins, i));
  for (guint i = 0; i < mrs->len; i++)
    add_mrs (&j, patient, g_ptr_array_index (mrs, i));
  for (guint i = 0; i < medicines->len; i++)
    add_medicine (&j, patient, g_ptr_array_index (medicines, i));
  for (guint i = 0; i < alerts->len; i++)
    add_flag (&j, patient, g_ptr_array_index (alerts, i));
  j_end_arr (&j);
  j_end (&j);
  g_string_append_c (j.s, '\n');
  g_assert (j.depth == 0);
  return g_string_free (j.s, FALSE);
}

gboolean
md_fhir_export_file (MdDiary          *diary,
                     const MdFhirInfo *info,
                     const char       *path,
                     GError          **error)
{
  g_autofree char *text = md_fhir_bundle (diary, info, error);

  if (text == NULL)
    return FALSE;
  return md_output_write_file (path, text, strlen (text), error);
}
