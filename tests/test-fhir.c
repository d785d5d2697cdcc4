/* test-fhir.c: the FHIR R4 export checked against the structure rules of the resources it
 * uses: the properties each may have (no unexpected one), required elements, cardinalities,
 * the value sets of the status and type codes, fullUrl and reference forms, and the formats of
 * dates, dateTimes and instants. The JSON is parsed with json-glib (the writer is by hand). */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "md-fhir.h"
#include "md-time.h"
#include "md-test-utils.h"

#define NOW 1743422400  /* 2025-03-31T12:00:00Z */

typedef struct {
  GHashTable *full_urls;   /* fullUrl -> resourceType */
  GHashTable *counts;      /* resourceType -> count */
  GPtrArray  *references;  /* char* */
} Check;

/* Each type: its properties ("name" or "name!" when required, "name*" when an array), and for
 * properties of another type, the type after ":". */
typedef struct {
  const char *type;
  const char *props[24];
} Shape;

static const Shape shapes[] = {
  { "Bundle", { "resourceType!", "type!", "timestamp:instant", "entry*:Entry", NULL } },
  { "Entry", { "fullUrl!:uuid", "resource!:Resource", NULL } },
  { "Patient", { "resourceType!", "active:boolean", "name*:HumanName", "birthDate:date", NULL } },
  { "Observation", { "resourceType!", "status!:obs-status", "category*:CodeableConcept", "code!:CodeableConcept",
                     "subject:Reference", "effectiveDateTime:dateTime", "effectivePeriod:Period",
                     "valueQuantity:Quantity", "valueInteger:integer", "valueString:string",
                     "valueBoolean:boolean", "valueDateTime:dateTime", "note*:Annotation",
                     "bodySite:CodeableConcept", "component*:Component", NULL } },
  { "Component", { "code!:CodeableConcept", "valueQuantity:Quantity", "valueInteger:integer",
                   "valueString:string", "valueBoolean:boolean", NULL } },
  { "MedicationStatement", { "resourceType!", "status!:ms-status", "medicationCodeableConcept!:CodeableConcept",
                             "subject!:Reference", "effectivePeriod:Period", "note*:Annotation",
                             "dosage*:Dosage", NULL } },
  { "Flag", { "resourceType!", "status!:flag-status", "category*:CodeableConcept", "code!:CodeableConcept",
              "subject!:Reference", "period:Period", NULL } },
  { "CodeableConcept", { "coding*:Coding", "text:string", NULL } },
  { "Coding", { "system:uri", "code:code", "display:string", NULL } },
  { "Quantity", { "value:decimal", "unit:string", "system:uri", "code:code", NULL } },
  { "Reference", { "reference:reference", NULL } },
  { "Period", { "start:dateTime", "end:dateTime", NULL } },
  { "Annotation", { "text!:string", NULL } },
  { "Dosage", { "text:string", NULL } },
  { "HumanName", { "text:string", NULL } },
};

static const char * const obs_status[] = { "registered", "preliminary", "final", "amended", "corrected",
                                           "cancelled", "entered-in-error", "unknown", NULL };
static const char * const ms_status[] = { "active", "completed", "entered-in-error", "intended", "stopped",
                                          "on-hold", "unknown", "not-taken", NULL };
static const char * const flag_status[] = { "active", "inactive", "entered-in-error", NULL };

#define DATE_RE "([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
#define TIME_RE "T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))"

static void check_value (Check *c, const char *type, JsonNode *node, const char *where);

static const Shape *
shape_of (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    if (strcmp (shapes[i].type, type) == 0)
      return &shapes[i];
  return NULL;
}

static void
check_string (JsonNode   *node,
              const char *where,
              const char *pattern)
{
  const char *s;

  if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("%s: not a string", where);
  s = json_node_get_string (node);
  if (*s == '\0')
    g_error ("%s: an empty string", where);
  for (const char *p = s; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      g_error ("%s: a control character", where);
  if (pattern != NULL && !g_regex_match_simple (pattern, s, 0, 0))
    g_error ("%s: “%s” does not match %s", where, s, pattern);
}

static void
check_in_set (JsonNode           *node,
              const char         *where,
              const char * const *set)
{
  check_string (node, where, NULL);
  if (!g_strv_contains (set, json_node_get_string (node)))
    g_error ("%s: “%s” is not in the value set", where, json_node_get_string (node));
}

static void
check_object (Check      *c,
              const char *type,
              JsonObject *obj,
              const char *where)
{
  const Shape *shape = shape_of (type);
  g_autoptr(GList) members = json_object_get_members (obj);
  guint n_effective = 0, n_value = 0;

  g_assert_nonnull (shape);
  if (json_object_get_size (obj) == 0)
    g_error ("%s: an empty object", where);
  /* No unexpected property. */
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      gboolean known = FALSE;

      for (guint i = 0; shape->props[i] != NULL && !known; i++)
        {
          gsize len = strcspn (shape->props[i], "!*:");

          known = strlen (name) == len && strncmp (name, shape->props[i], len) == 0;
        }
      if (!known)
        g_error ("%s: unexpected property “%s” in %s", where, name, type);
      n_effective += g_str_has_prefix (name, "effective");
      n_value += g_str_has_prefix (name, "value");
    }
  if (n_effective > 1 || n_value > 1)
    g_error ("%s: more than one effective[x] or value[x]", where);
  for (guint i = 0; shape->props[i] != NULL; i++)
    {
      const char *spec = shape->props[i];
      gsize len = strcspn (spec, "!*:");
      g_autofree char *name = g_strndup (spec, len);
      const char *colon = strchr (spec, ':');
      gboolean required = strchr (spec, '!') != NULL;
      gboolean array = strchr (spec, '*') != NULL;
      g_autofree char *at = g_strdup_printf ("%s.%s", where, name);
      JsonNode *node = json_object_get_member (obj, name);

      if (node == NULL)
        {
          if (required)
            g_error ("%s: required, missing", at);
          continue;
        }
      if (array)
        {
          JsonArray *arr;

          if (!JSON_NODE_HOLDS_ARRAY (node))
            g_error ("%s: not an array", at);
          arr = json_node_get_array (node);
          if (json_array_get_length (arr) == 0)
            g_error ("%s: an empty array", at);
          for (guint k = 0; k < json_array_get_length (arr); k++)
            {
              g_autofree char *item = g_strdup_printf ("%s[%u]", at, k);

              check_value (c, colon + 1, json_array_get_element (arr, k), item);
            }
        }
      else if (colon != NULL)
        check_value (c, colon + 1, node, at);
      else
        check_string (node, at, NULL);
    }
}

static void
check_value (Check      *c,
             const char *type,
             JsonNode   *node,
             const char *where)
{
  if (strcmp (type, "string") == 0 || strcmp (type, "code") == 0)
    check_string (node, where, strcmp (type, "code") == 0 ? "^[^\\s]+( [^\\s]+)*$" : NULL);
  else if (strcmp (type, "uri") == 0)
    check_string (node, where, "^(https?|urn):\\S+$");
  else if (strcmp (type, "uuid") == 0)
    check_string (node, where, "^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  else if (strcmp (type, "reference") == 0)
    {
      check_string (node, where, "^urn:uuid:");
      g_ptr_array_add (c->references, g_strdup (json_node_get_string (node)));
    }
  else if (strcmp (type, "date") == 0)
    check_string (node, where, "^" DATE_RE "$");
  else if (strcmp (type, "dateTime") == 0)
    check_string (node, where, "^" DATE_RE "(" TIME_RE ")?$");
  else if (strcmp (type, "instant") == 0)
    check_string (node, where, "^" DATE_RE TIME_RE "$");
  else if (strcmp (type, "boolean") == 0)
    g_assert_true (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN);
  else if (strcmp (type, "integer") == 0)
    g_assert_true (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64);
  else if (strcmp (type, "decimal") == 0)
    g_assert_true (JSON_NODE_HOLDS_VALUE (node) && (json_node_get_value_type (node) == G_TYPE_INT64 ||
                                                    json_node_get_value_type (node) == G_TYPE_DOUBLE));
  else if (strcmp (type, "obs-status") == 0)
    check_in_set (node, where, obs_status);
  else if (strcmp (type, "ms-status") == 0)
    check_in_set (node, where, ms_status);
  else if (strcmp (type, "flag-status") == 0)
    check_in_set (node, where, flag_status);
  else if (strcmp (type, "Resource") == 0)
    {
      JsonObject *obj;
      const char *rt;

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      obj = json_node_get_object (node);
      rt = json_object_get_string_member_with_default (obj, "resourceType", "");
      if (shape_of (rt) == NULL || !g_ascii_isupper (rt[0]) || strcmp (rt, "Bundle") == 0 ||
          strcmp (rt, "Entry") == 0 || strcmp (rt, "Component") == 0)
        g_error ("%s: unexpected resourceType “%s”", where, rt);
      g_hash_table_insert (c->counts, g_strdup (rt),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (c->counts, rt)) + 1));
      check_object (c, rt, obj, where);
    }
  else
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        g_error ("%s: not an object", where);
      check_object (c, type, json_node_get_object (node), where);
    }
}

/* Checks @text as a whole bundle; returns the parsed root for more checks. */
static JsonNode *
check_bundle (const char *text,
              Check      *c)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *entries;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "resourceType"), ==, "Bundle");
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "collection");
  c->full_urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->references = g_ptr_array_new_with_free_func (g_free);
  check_object (c, "Bundle", root, "Bundle");
  entries = json_object_get_array_member (root, "entry");
  /* bdl-7: every fullUrl is unique; every reference resolves inside the bundle. */
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *e = json_array_get_object_element (entries, i);
      const char *url = json_object_get_string_member (e, "fullUrl");

      g_assert_false (g_hash_table_contains (c->full_urls, url));
      g_hash_table_insert (c->full_urls, g_strdup (url),
                           g_strdup (json_object_get_string_member (json_object_get_object_member (e, "resource"),
                                                                    "resourceType")));
    }
  for (guint i = 0; i < c->references->len; i++)
    g_assert_cmpstr (g_hash_table_lookup (c->full_urls, c->references->pdata[i]), ==, "Patient");
  return json_node_copy (json_parser_get_root (parser));
}

static void
check_clear (Check *c)
{
  g_clear_pointer (&c->full_urls, g_hash_table_unref);
  g_clear_pointer (&c->counts, g_hash_table_unref);
  g_clear_pointer (&c->references, g_ptr_array_unref);
}

static guint
count (Check      *c,
       const char *type)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (c->counts, type));
}

/* A diary with something of every kind. */
static MdDiary *
make_diary (char **dir)
{
  g_autoptr(MdStore) store = md_test_store_new (dir);
  MdDiary *diary = md_diary_new (store);
  g_autoptr(MdEpisode) a = md_test_episode (NOW - 3600);
  g_autoptr(MdEpisode) b = md_test_episode (NOW - 5 * 86400);
  g_autoptr(MdCheckin) ci = md_checkin_new (md_time_day_of (NOW) - 1);
  g_autoptr(MdMrs) mrs = md_mrs_new (md_time_day_of (NOW) - 2);
  g_autoptr(MdMrs) empty = md_mrs_new (md_time_day_of (NOW) - 9);
  g_autoptr(MdMedicine) hrt = md_medicine_new ("Estradiol \"gel\"", MD_MEDICINE_HRT);
  g_autoptr(MdMedicine) old = md_medicine_new ("Magnesium", MD_MEDICINE_SUPPLEMENT);
  const char *supplements[] = { "magnesium", "vitamin D", NULL };
  g_autoptr(GError) error = NULL;

  md_diary_set_now (diary, NOW);
  a->signs = MD_BIT (MD_SIGN_DROOPING_FACE) | MD_BIT (MD_SIGN_PAIN);
  a->triggers = MD_BIT (MD_TRIGGER_CAFFEINE);
  a->regions = MD_BIT (MD_REGION_EYELID_LOWER) | MD_BIT (MD_REGION_CHEEK);
  a->utc_offset_s = 3600;
  a->notes = g_strdup ("tab\there, \"quotes\", back\\slash, bell\a, é, line\nbreak");
  b->duration_s = MD_UNKNOWN;
  b->intensity = MD_UNKNOWN;
  b->side = MD_SIDE_UNKNOWN;
  g_assert_true (md_diary_add_episode (diary, a, &error));
  g_assert_true (md_diary_add_episode (diary, b, &error));
  ci->sleep_min = 390;
  ci->sleep_quality = 2;
  ci->caffeine_cups = 3;
  ci->caffeine_mg = 250;
  ci->water_glasses = 5;
  ci->stress = 7;
  ci->hot_flashes = 4;
  ci->bleeding = MD_BLEEDING_LIGHT;
  ci->supplements = g_strdupv ((char **) supplements);
  ci->medicines_started = g_strdup ("sertraline");
  ci->note = g_strdup ("long day");
  md_checkin_set_symptom (ci, "brain fog", 6);
  md_checkin_set_symptom (ci, "joint pain", 0);
  g_assert_true (md_diary_put_checkin (diary, ci, &error));
  for (guint i = 0; i < MD_MRS_N_ITEMS; i++)
    mrs->items[i] = i == 7 ? MD_UNKNOWN : (int) (i % 5);
  g_assert_true (md_diary_put_mrs (diary, mrs, &error));
  g_assert_true (md_diary_put_mrs (diary, empty, &error));
  hrt->started = md_time_day_of (NOW) - 20;
  hrt->dose = g_strdup ("2 pumps");
  hrt->note = g_strdup ("from the clinic");
  old->started = md_time_day_of (NOW) - 200;
  old->stopped = md_time_day_of (NOW) - 100;
  g_assert_true (md_diary_add_medicine (diary, hrt, &error));
  g_assert_true (md_diary_add_medicine (diary, old, &error));
  g_assert_no_error (error);
  return diary;
}

static void
test_structure (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MdDiary) diary = make_diary (&dir);
  MdFhirInfo info = { "Anna \"A\" Example", "1970-05-06", NOW, "perimenopause", "2025-02-20", 1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = md_fhir_bundle (diary, &info, &error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) all = NULL;
  Check c = { 0 };

  g_assert_no_error (error);
  if (g_getenv ("MD_FHIR_DUMP") != NULL)
    g_file_set_contents (g_getenv ("MD_FHIR_DUMP"), text, -1, NULL);
  root = check_bundle (text, &c);
  g_assert_cmpuint (count (&c, "Patient"), ==, 1);
  g_assert_cmpuint (count (&c, "MedicationStatement"), ==, 2);
  g_assert_cmpuint (count (&c, "Flag"), >=, 1);
  /* 2 episodes, 13 check-in values (sleep, quality, cups, mg, water, stress, hot flashes,
   * bleeding, 2 symptoms, supplements, started, note), 1 rating scale day (the empty one is
   * left out), last period, stage, HRT. */
  g_assert_cmpuint (count (&c, "Observation"), ==, 2 + 13 + 1 + 3);
  /* The words that matter are there, escaped as JSON. */
  g_assert_nonnull (strstr (text, "\"system\":\"http://loinc.org\",\"code\":\"93832-4\""));
  g_assert_nonnull (strstr (text, "\"code\":\"8665-2\""));
  g_assert_nonnull (strstr (text, "\"valueQuantity\":{\"value\":6.5,\"unit\":\"h\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"h\"}"));
  g_assert_nonnull (strstr (text, "\"bodySite\":{\"text\":\"face: eyelid-lower, cheek; side: left\"}"));
  g_assert_nonnull (strstr (text, "\"effectivePeriod\":{\"start\":\"2025-03-31T12:00:00+01:00\",\"end\":\"2025-03-31T12:01:00+01:00\"}"));
  g_assert_nonnull (strstr (text, "\"effectiveDateTime\":\"2025-03-26T12:00:00+00:00\""));
  g_assert_nonnull (strstr (text, "\"Sign: drooping-face\"},\"valueBoolean\":true"));
  g_assert_nonnull (strstr (text, "\"Intensity (0 to 10)\"},\"valueInteger\":3"));
  g_assert_nonnull (strstr (text, "tab\\there, \\\"quotes\\\", back\\\\slash, bell , é, line\\nbreak"));
  g_assert_nonnull (strstr (text, "\"medicationCodeableConcept\":{\"text\":\"Estradiol \\\"gel\\\"\"}"));
  g_assert_nonnull (strstr (text, "\"status\":\"completed\""));
  g_assert_nonnull (strstr (text, "\"effectivePeriod\":{\"start\":\"2025-03-11\"}"));
  g_assert_nonnull (strstr (text, "\"Menopause Rating Scale (MRS), self-rated\""));
  g_assert_nonnull (strstr (text, "\"Symptom: joint pain (0 to 10)\"},\"subject\""));
  g_assert_nonnull (strstr (text, "\"name\":[{\"text\":\"Anna \\\"A\\\" Example\"}],\"birthDate\":\"1970-05-06\""));
  check_clear (&c);
  md_test_rmdir (dir);
}

/* An empty diary is a bundle with the Patient alone. */
static void
test_empty (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MdStore) store = md_test_store_new (&dir);
  g_autoptr(MdDiary) diary = md_diary_new (store);
  MdFhirInfo info = { NULL, "not a date", NOW, NULL, NULL, -1 };
  g_autofree char *text = md_fhir_bundle (diary, &info, NULL);
  g_autoptr(JsonNode) root = NULL;
  Check c = { 0 };

  root = check_bundle (text, &c);
  g_assert_cmpuint (count (&c, "Patient"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (c.full_urls), ==, 1);
  g_assert_null (strstr (text, "birthDate"));
  check_clear (&c);
  md_test_rmdir (dir);
}

/* Through the binary: a file of mode 0600, or standard output; the same rules hold. */
static void
test_cli (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *db = g_build_filename (dir, "diary.db", NULL);
  g_autofree char *out = g_build_filename (dir, "diary.fhir.json", NULL);
  const char *import[] = { "--db", db, "--import", "-", NULL };
  const char *to_file[] = { "--db", db, "--export-fhir", out, NULL };
  const char *to_stdout[] = { "--db", db, "--export-fhir", "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *printed = NULL;
  g_autoptr(JsonNode) r1 = NULL;
  g_autoptr(JsonNode) r2 = NULL;
  Check c = { 0 };
  GStatBuf st;

  g_assert_cmpint (md_test_run_cli (import, "started_at,regions,side,signs\n2025-03-01T09:30:00+01:00,jaw,right,pain\n",
                                    NULL, NULL), ==, 0);
  g_assert_cmpint (md_test_run_cli (import, "name,kind,started\nHRT patch,hrt,2025-02-01\n", NULL, NULL), ==, 0);
  g_assert_cmpint (md_test_run_cli (to_file, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  text = md_test_read_file (out);
  r1 = check_bundle (text, &c);
  g_assert_cmpuint (count (&c, "Observation"), ==, 1);
  g_assert_cmpuint (count (&c, "MedicationStatement"), ==, 1);
  check_clear (&c);
  g_assert_cmpint (md_test_run_cli (to_stdout, NULL, &printed, NULL), ==, 0);
  r2 = check_bundle (printed, &c);
  check_clear (&c);
  md_test_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fhir/structure", test_structure);
  g_test_add_func ("/fhir/empty", test_empty);
  g_test_add_func ("/fhir/cli", test_cli);
  return g_test_run ();
}
