/* test-cli-flags.c: `menodiary --flags` through the real binary, with no display. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "md-flag-acks.h"
#include "md-rules.h"
#include "md-store.h"
#include "md-test-utils.h"
#include "md-time.h"

#define NOW G_GINT64_CONSTANT (1743422400)   /* 2025-03-31T12:00:00Z */
#define DAY G_GINT64_CONSTANT (86400)

typedef struct {
  char    *dir;
  char    *path;
  MdStore *store;
  GArray  *ids;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  f->path = g_strdup (md_store_get_path (f->store));
  f->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_array_unref (f->ids);
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
add (Fixture *f, gint64 start, MdSide side, guint32 signs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_test_episode (start);

  ep->side = side;
  ep->signs = signs;
  g_assert_true (md_store_add_episode (f->store, ep, &error));
  g_assert_no_error (error);
  g_array_append_val (f->ids, ep->id);
}

/* Reference example 3: side both, every second day d14..d0, at 09:00Z. */
static void
add_example_3 (Fixture *f)
{
  for (int d = 14; d >= 0; d -= 2)
    add (f, NOW - d * DAY - 3 * 3600, MD_SIDE_BOTH, 0);
}

static int
run (Fixture *f, const char *a1, const char *a2, const char *a3, char **out, char **err)
{
  const char *argv[] = { "--db", f->path, "--flags", a1, a2, a3, NULL };

  /* "" rather than NULL: GLib 2.74 asserts on a stdin pipe with no data. */
  return md_test_run_cli (argv, "", out, err);
}

static JsonObject *
parse_object (const char *text, JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_true (g_str_has_suffix (text, "}\n"));
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

static void
assert_keys (JsonObject *obj, const char *expected)
{
  g_autoptr(GList) members = json_object_get_members (obj);
  GString *keys = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (keys, "%s%s", keys->len > 0 ? "," : "", (const char *) l->data);
  text = g_string_free (keys, FALSE);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_plain (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  add_example_3 (f);
  g_assert_cmpint (run (f, "--as-of", "2025-03-31T12:00:00Z", NULL, &out, &err), ==, 0);
  g_test_message ("%s", out);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "soon  persistent  Twitching on and off for more than two weeks: "
                                             "Twitching was logged on 8 separate days across 15 days, most recently on 2025-03-31"));
  g_assert_cmpstr (lines[1], ==, "level: soon");
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_true (err == NULL || *err == '\0');   /* empty output comes back as NULL */
}

static void
test_json (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *obj, *flag;
  JsonArray *flags, *episodes;

  add_example_3 (f);
  /* The same instant given with an offset comes back in UTC. */
  g_assert_cmpint (run (f, "--json", "--as-of", "2025-03-31T14:00:00+02:00", &out, NULL), ==, 0);
  obj = parse_object (out, parser);
  assert_keys (obj, "as_of,level,flags");
  g_assert_cmpstr (json_object_get_string_member (obj, "as_of"), ==, "2025-03-31T12:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (obj, "level"), ==, "soon");
  flags = json_object_get_array_member (obj, "flags");
  g_assert_cmpuint (json_array_get_length (flags), ==, 1);
  flag = json_array_get_object_element (flags, 0);
  assert_keys (flag, "rule,level,title,message,episodes,advice");
  g_assert_cmpstr (json_object_get_string_member (flag, "rule"), ==, "persistent");
  g_assert_cmpstr (json_object_get_string_member (flag, "level"), ==, "soon");
  g_assert_cmpstr (json_object_get_string_member (flag, "title"), ==, "Twitching on and off for more than two weeks");
  g_assert_cmpstr (json_object_get_string_member (flag, "advice"), ==,
                   "Book an appointment with your doctor: twitching that keeps coming back for more than two weeks is worth having checked. "
                   "If it is around the eye, an eye doctor can check it too.");
  g_assert_nonnull (strstr (json_object_get_string_member (flag, "message"), "on 8 separate days across 15 days"));
  episodes = json_object_get_array_member (flag, "episodes");
  g_assert_cmpuint (json_array_get_length (episodes), ==, f->ids->len);
  for (guint i = 0; i < f->ids->len; i++)
    {
      JsonNode *n = json_array_get_element (episodes, i);

      g_assert_cmpint (json_node_get_value_type (n), ==, G_TYPE_INT64);
      g_assert_cmpint (json_node_get_int (n), ==, g_array_index (f->ids, gint64, i));
    }
}

static void
test_default_now (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  gint64 before = md_time_now (), as_of;
  gint32 offset;
  JsonObject *obj;
  JsonArray *flags;

  add (f, before - 3600, MD_SIDE_LEFT, MD_BIT (MD_SIGN_DROOPING));
  /* Exit 0 even at the emergency level. */
  g_assert_cmpint (run (f, "--json", NULL, NULL, &out, NULL), ==, 0);
  obj = parse_object (out, parser);
  g_assert_cmpstr (json_object_get_string_member (obj, "level"), ==, "emergency");
  g_assert_true (md_time_parse_iso8601 (json_object_get_string_member (obj, "as_of"), NULL, &as_of, &offset, NULL));
  g_assert_cmpint (offset, ==, 0);
  g_assert_cmpint (as_of, >=, before);
  g_assert_cmpint (as_of, <=, md_time_now ());
  flags = json_object_get_array_member (obj, "flags");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (flags, 0), "rule"), ==,
                   "face-weakness-now");

  /* Two hours earlier the episode had not happened yet. */
  {
    g_autofree char *earlier = md_time_format_iso8601 (before - 7200, 0, TRUE);

    g_assert_cmpint (run (f, "--json", "--as-of", earlier, &out2, NULL), ==, 0);
    obj = parse_object (out2, parser2);
    g_assert_cmpstr (json_object_get_string_member (obj, "level"), ==, "none");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "flags")), ==, 0);
  }
}

static void
test_bad_as_of (Fixture *f, gconstpointer data)
{
  const char *bad[] = { "yesterday", "2025-13-01T00:00:00Z", "", "2025-03-31T12:00:00+25:00" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (f, "--as-of", bad[i], NULL, &out, &err), ==, 2);
      g_assert_true (out == NULL || *out == '\0');
      g_assert_nonnull (strstr (err, "menodiary: "));
    }
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  JsonObject *obj;

  g_assert_cmpint (run (f, "--as-of", "2025-03-31T12:00:00Z", NULL, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No warning pattern was found in what has been logged"));
  g_assert_true (g_str_has_suffix (out, "\nlevel: none\n"));

  g_assert_cmpint (run (f, "--json", "--as-of", "2025-03-31T12:00:00Z", &json, NULL), ==, 0);
  obj = parse_object (json, parser);
  assert_keys (obj, "as_of,level,flags");
  g_assert_cmpstr (json_object_get_string_member (obj, "level"), ==, "none");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "flags")), ==, 0);
}

static void
test_levels_order_and_ack (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) eps = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) lines = NULL;
  MdLevel overall;
  JsonArray *arr;

  add (f, NOW - 3 * DAY, MD_SIDE_UNKNOWN, MD_BIT (MD_SIGN_PAIN));
  add (f, NOW - 2 * 3600, MD_SIDE_UNKNOWN, MD_BIT (MD_SIGN_VISION_CHANGE));
  /* Acknowledge the pain flag as the app would. */
  eps = md_store_episodes_between (f->store, G_MININT64, G_MAXINT64, &error);
  flags = md_rules_evaluate ((MdEpisode * const *) eps->pdata, eps->len, NOW, &overall);
  g_assert_cmpstr (((MdFlag *) flags->pdata[1])->rule, ==, "pain");
  g_assert_true (md_flag_ack (f->store, flags->pdata[1], &error));
  g_assert_no_error (error);

  g_assert_cmpint (run (f, "--as-of", "2025-03-31T12:00:00Z", NULL, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "urgent  neuro-sign-now  "));
  g_assert_false (g_str_has_suffix (lines[0], "(discussed with doctor)"));
  g_assert_true (g_str_has_prefix (lines[1], "soon  pain  "));
  g_assert_true (g_str_has_suffix (lines[1], "(discussed with doctor)"));
  g_assert_cmpstr (lines[2], ==, "level: urgent");

  /* JSON keeps the exact shape; an acknowledged flag still counts. */
  g_assert_cmpint (run (f, "--json", "--as-of", "2025-03-31T12:00:00Z", &json, NULL), ==, 0);
  arr = json_object_get_array_member (parse_object (json, parser), "flags");
  g_assert_cmpuint (json_array_get_length (arr), ==, 2);
  assert_keys (json_array_get_object_element (arr, 1), "rule,level,title,message,episodes,advice");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (arr, 0), "level"), ==, "urgent");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (arr, 1), "rule"), ==, "pain");
}


/* Adds an episode at @start with @regions, @side and @signs. */
static void
add_at (Fixture *f, gint64 start, guint32 regions, MdSide side, guint32 signs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdEpisode) ep = md_test_episode (start);

  ep->regions = regions;
  ep->side = side;
  ep->signs = signs;
  g_assert_true (md_store_add_episode (f->store, ep, &error));
  g_assert_no_error (error);
  g_array_append_val (f->ids, ep->id);
}

/* The lines of `--flags` at NOW, plain text; with @number, her number comes from the settings
 * (a keyfile in the test's folder), else from the C locale (112). */
static GStrv
flag_lines (Fixture *f, const char *number)
{
  const char *argv[] = { "--db", f->path, "--flags", "--as-of", "2025-03-31T12:00:00Z", NULL };
  g_autofree char *config = g_build_filename (f->dir, "config", NULL);
  g_autofree char *folder = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (folder, "keyfile", NULL);
  g_autofree char *contents = g_strdup_printf ("[io/github/menodiary/Menodiary]\nemergency-number='%s'\n",
                                               number ? number : "");
  const char *env[] = { "GSETTINGS_BACKEND", number ? "keyfile" : "memory", "XDG_CONFIG_HOME", config,
                        "LC_ALL", "C.UTF-8", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, contents, -1, NULL));
  g_assert_cmpint (md_test_run_cli_env (argv, env, "", &out, NULL), ==, 0);
  g_test_message ("%s", out);
  return g_strsplit (out, "\n", -1);
}

static const char *
line_of (GStrv lines, const char *prefix)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return lines[i];
  g_error ("no line starts with “%s”", prefix);
  return NULL;
}

static JsonObject *
json_flag (Fixture *f, JsonParser *parser, char **out, const char *rule)
{
  JsonArray *arr;

  g_assert_cmpint (run (f, "--json", "--as-of", "2025-03-31T12:00:00Z", out, NULL), ==, 0);
  arr = json_object_get_array_member (parse_object (*out, parser), "flags");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);

      if (g_str_equal (json_object_get_string_member (o, "rule"), rule))
        return o;
    }
  g_error ("no flag %s", rule);
  return NULL;
}

/* Safety 6: an emergency leads with the call to her own number, then what was logged. */
static void
test_emergency_leads_with_call (Fixture *f, gconstpointer data)
{
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) lines_c = NULL;

  add_at (f, NOW - 2 * 3600, MD_BIT (MD_REGION_MOUTH_CORNER), MD_SIDE_LEFT, MD_BIT (MD_SIGN_DROOPING_FACE));
  lines = flag_lines (f, "999");
  g_assert_cmpstr (lines[0], ==, "emergency  face-weakness-now  Face, arm or speech signs in the last day: "
                   "Call 999 now, even if the signs have passed. "
                   "Drooping face: logged with 1 episode in the last 24 hours, the latest on 31 March 2025, 10:00 (2 hours ago). "
                   "This app cannot tell what causes these signs; a doctor needs to see you quickly.");
  lines_c = flag_lines (f, NULL);
  g_assert_true (g_str_has_prefix (lines_c[0], "emergency  face-weakness-now  Face, arm or speech signs in the last day: "
                                               "Call 112 now, even if the signs have passed. Drooping face: "));
}

/* Safety 1 and 5: arm or leg weakness and the two drooping signs rank as the old sign did. */
static void
test_new_signs_levels (Fixture *f, gconstpointer data)
{
  g_auto(GStrv) lines = NULL;

  add_at (f, NOW - 3600, MD_BIT (MD_REGION_CHEEK), MD_SIDE_LEFT, MD_BIT (MD_SIGN_ARM_LEG_WEAKNESS));
  add_at (f, NOW - 25 * 3600, MD_BIT (MD_REGION_EYELID_UPPER), MD_SIDE_LEFT, MD_BIT (MD_SIGN_DROOPING_EYELID));
  lines = flag_lines (f, NULL);
  g_assert_true (g_str_has_prefix (line_of (lines, "emergency  face-weakness-now  "),
                                   "emergency  face-weakness-now  Face, arm or speech signs in the last day: "
                                   "Call 112 now, even if the signs have passed. Arm or leg weak: logged with 1 episode"));
  g_assert_true (g_str_has_prefix (line_of (lines, "urgent  face-weakness-recent  "),
                                   "urgent  face-weakness-recent  Face, arm or speech signs in the last 30 days: "
                                   "Drooping eyelid: logged with 1 episode in the last 30 days"));
}

/* Safety 3: every emergency says "even if the signs have passed"; a lower alert about the
 * same episode defers to it. */
static void
test_head_injury_defers (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_auto(GStrv) lines = NULL;

  add_at (f, NOW - 5 * 3600, MD_BIT (MD_REGION_EYELID_LOWER), MD_SIDE_LEFT,
          MD_BIT (MD_SIGN_HEAD_INJURY) | MD_BIT (MD_SIGN_SEVERE_HEADACHE));
  lines = flag_lines (f, NULL);
  g_assert_cmpstr (lines[0], ==, "emergency  head-injury-signs  Head injury with other signs in the last day: "
                   "Call 112 now, even if the signs have passed. "
                   "A head injury together with severe headache: logged with 1 episode in the last 24 hours, "
                   "the latest on 31 March 2025, 07:00 (5 hours ago). New signs after a head injury need to be checked straight away.");
  g_assert_true (g_str_has_suffix (line_of (lines, "urgent  neuro-sign-now  "),
                                   "(5 hours ago). Follow the emergency advice above, and tell the doctor about this too."));
  g_assert_cmpstr (json_object_get_string_member (json_flag (f, parser, &out, "head-injury-signs"), "advice"), ==,
                   "Call the emergency number now, even if the signs have passed. "
                   "New signs after a head injury need to be checked straight away.");
  g_assert_cmpstr (json_object_get_string_member (json_flag (f, parser2, &out2, "neuro-sign-now"), "advice"), ==,
                   "Follow the emergency advice above, and tell the doctor about this too.");
}

/* Safety 2: one nerve-related sign says which sudden signs mean calling now; an older one
 * that came suddenly and was never checked means advice today. */
static void
test_neuro_sign_sudden (Fixture *f, gconstpointer data)
{
  g_auto(GStrv) lines = NULL;

  add_at (f, NOW - 2 * 3600, MD_BIT (MD_REGION_EYELID_LOWER), MD_SIDE_LEFT, MD_BIT (MD_SIGN_VISION_CHANGE));
  add_at (f, NOW - 3 * DAY, MD_BIT (MD_REGION_EYELID_LOWER), MD_SIDE_LEFT, MD_BIT (MD_SIGN_NUMBNESS));
  lines = flag_lines (f, NULL);
  g_assert_true (g_str_has_suffix (line_of (lines, "urgent  neuro-sign-now  "),
                                   "Get medical advice today. A sudden loss of sight, a sudden loss of balance, numbness down one "
                                   "side of the body or a sudden, very bad headache means calling the emergency number now, even if "
                                   "it has passed. Call too if more signs appear or the face or speech changes."));
  g_assert_true (g_str_has_suffix (line_of (lines, "soon  neuro-sign-recent  "),
                                   "If it came on suddenly and no doctor has checked it yet, get medical advice today. "
                                   "Otherwise book an appointment with your doctor and show them these entries."));
}

/* Safety 4: the eyelid reassurance only when every episode was in an eyelid. */
static void
test_one_sided_reassurance (Fixture *f, gconstpointer data)
{
  static const struct { guint32 regions; guint32 signs; gboolean reassured; } cases[] = {
    { MD_BIT (MD_REGION_EYELID_LOWER), 0, TRUE },
    { MD_BIT (MD_REGION_MOUTH_CORNER), 0, FALSE },
    { MD_BIT (MD_REGION_EYELID_UPPER), MD_BIT (MD_SIGN_EYELID_CLOSURE), FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(GStrv) lines = NULL;
      const char *line;

      teardown (f, NULL);
      setup (f, NULL);
      for (int d = 9; d >= 0; d -= 2)
        add_at (f, NOW - d * DAY, cases[c].regions, MD_SIDE_LEFT, cases[c].signs);
      lines = flag_lines (f, NULL);
      line = line_of (lines, "note  one-sided  ");
      if (cases[c].reassured)
        g_assert_true (g_str_has_suffix (line, "(100%). Twitching of one eyelid on its own is usually harmless. Mention it at "
                                               "your next visit, and book an appointment sooner if it spreads, lasts for hours "
                                               "or goes on for more than two weeks."));
      else
        g_assert_true (g_str_has_suffix (line, "(100%). Mention it at your next visit, and book an appointment sooner if it "
                                               "spreads, lasts for hours or goes on for more than two weeks."));
      if (!cases[c].reassured)
        g_assert_null (strstr (line, "harmless"));
    }
}

/* Titles say what happened: on and off, with the separate days. */
static void
test_persistent_title (Fixture *f, gconstpointer data)
{
  g_auto(GStrv) lines = NULL;
  const int days[] = { 16, 10, 5, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    add_at (f, NOW - days[i] * DAY, MD_BIT (MD_REGION_EYELID_LOWER), MD_SIDE_BOTH, 0);
  lines = flag_lines (f, NULL);
  g_assert_true (g_str_has_prefix (lines[0], "soon  persistent  Twitching on and off for more than two weeks: "
                                             "Twitching was logged on 4 separate days across 17 days, most recently on "
                                             "2025-03-31, with no gap longer than a week."));
}

static void
test_json_needs_flags (Fixture *f, gconstpointer data)
{
  const char *argv[] = { "--db", f->path, "--json", NULL };

  g_assert_cmpint (md_test_run_cli (argv, "", NULL, NULL), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-flags/plain", Fixture, NULL, setup, test_plain, teardown);
  g_test_add ("/cli-flags/json", Fixture, NULL, setup, test_json, teardown);
  g_test_add ("/cli-flags/default-now", Fixture, NULL, setup, test_default_now, teardown);
  g_test_add ("/cli-flags/bad-as-of", Fixture, NULL, setup, test_bad_as_of, teardown);
  g_test_add ("/cli-flags/empty", Fixture, NULL, setup, test_empty, teardown);
  g_test_add ("/cli-flags/levels-order-and-ack", Fixture, NULL, setup, test_levels_order_and_ack, teardown);
  g_test_add ("/cli-flags/json-needs-flags", Fixture, NULL, setup, test_json_needs_flags, teardown);
  g_test_add ("/cli-flags/emergency-leads-with-call", Fixture, NULL, setup, test_emergency_leads_with_call, teardown);
  g_test_add ("/cli-flags/new-signs-levels", Fixture, NULL, setup, test_new_signs_levels, teardown);
  g_test_add ("/cli-flags/head-injury-defers", Fixture, NULL, setup, test_head_injury_defers, teardown);
  g_test_add ("/cli-flags/neuro-sign-sudden", Fixture, NULL, setup, test_neuro_sign_sudden, teardown);
  g_test_add ("/cli-flags/one-sided-reassurance", Fixture, NULL, setup, test_one_sided_reassurance, teardown);
  g_test_add ("/cli-flags/persistent-title", Fixture, NULL, setup, test_persistent_title, teardown);
  return g_test_run ();
}
