/* test-cli-examples.c: every example of ../shared/rules-reference.md, end to end through the
 * real binary: a CSV file imported with --import, then --flags --json --as-of. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "md-test-utils.h"
#include "md-time.h"

#define NOW  G_GINT64_CONSTANT (1743422400)   /* 2025-03-31T12:00:00Z */
#define DAY  G_GINT64_CONSTANT (86400)
#define HOUR G_GINT64_CONSTANT (3600)
#define D(n) (NOW - (n) * DAY - 3 * HOUR)     /* dN: N days before, at 09:00Z */

typedef struct {
  gint64      start;
  const char *side;       /* NULL = left */
  int         duration;   /* 0 = 60 */
  const char *signs;
} Row;

typedef struct {
  const char *path;
  Row         rows[16];
  const char *expected;   /* rule ids, sorted, comma-separated; "" = none */
} Example;

static const Example examples[] = {
  { "/examples/1-one-episode", { { D (0) } }, "" },
  { "/examples/2-every-day-d13-d0",
    { { D (13), "both" }, { D (12), "both" }, { D (11), "both" }, { D (10), "both" }, { D (9), "both" },
      { D (8), "both" }, { D (7), "both" }, { D (6), "both" }, { D (5), "both" }, { D (4), "both" },
      { D (3), "both" }, { D (2), "both" }, { D (1), "both" }, { D (0), "both" } }, "over-a-week" },
  { "/examples/3-every-second-day-d14-d0",
    { { D (14), "both" }, { D (12), "both" }, { D (10), "both" }, { D (8), "both" }, { D (6), "both" },
      { D (4), "both" }, { D (2), "both" }, { D (0), "both" } }, "persistent" },
  { "/examples/4-gap-of-eight-days",
    { { D (14), "both" }, { D (13), "both" }, { D (12), "both" }, { D (11), "both" }, { D (3), "both" },
      { D (2), "both" }, { D (1), "both" }, { D (0), "both" } }, "" },
  { "/examples/5a-drooping-23h", { { NOW - 23 * HOUR, NULL, 0, "drooping" } }, "face-weakness-now" },
  { "/examples/5b-drooping-25h", { { NOW - 25 * HOUR, NULL, 0, "drooping" } }, "face-weakness-recent" },
  { "/examples/5c-drooping-d31", { { D (31), NULL, 0, "drooping" } }, "" },
  { "/examples/6a-vision-change", { { NOW - 2 * HOUR, NULL, 0, "vision-change" } }, "neuro-sign-now" },
  { "/examples/6b-vision-and-dizziness", { { NOW - 2 * HOUR, NULL, 0, "vision-change;dizziness" } }, "neuro-signs-now" },
  { "/examples/7a-head-injury", { { NOW - 5 * HOUR, NULL, 0, "head-injury" } }, "head-injury" },
  { "/examples/7b-head-injury-and-headache", { { NOW - 5 * HOUR, NULL, 0, "head-injury;severe-headache" } },
    "head-injury-signs,neuro-sign-now" },
  { "/examples/8a-left-eyelid-five", { { D (9) }, { D (7) }, { D (5) }, { D (2) }, { D (0) } }, "one-sided,over-a-week" },
  { "/examples/8b-left-eyelid-four", { { D (9) }, { D (7) }, { D (5) }, { D (2) } }, "over-a-week" },
  { "/examples/9a-six-hours", { { D (1), NULL, 6 * 3600 } }, "long-episode" },
  { "/examples/9b-five-hours-59", { { D (1), NULL, 5 * 3600 + 59 * 60 } }, "" },
  { "/examples/10-spread-body-and-pain", { { D (3), NULL, 0, "spread-body;pain" } }, "pain,spread-body" },
};

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
test_example (gconstpointer data)
{
  const Example *ex = data;
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *db = g_build_filename (dir, "diary.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "example.csv", NULL);
  g_autoptr(GString) text = g_string_new ("started_at,regions,side,duration_s,intensity,signs\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *got = NULL;
  JsonArray *flags;
  const char *import_argv[] = { "--db", db, "--import", csv, NULL };
  const char *flags_argv[] = { "--db", db, "--flags", "--json", "--as-of", "2025-03-31T12:00:00Z", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (ex->rows) && ex->rows[i].start != 0; i++)
    {
      g_autofree char *when = md_time_format_iso8601 (ex->rows[i].start, 0, TRUE);

      g_string_append_printf (text, "%s,eyelid-lower,%s,%d,3,%s\n", when, ex->rows[i].side ? ex->rows[i].side : "left",
                              ex->rows[i].duration ? ex->rows[i].duration : 60, ex->rows[i].signs ? ex->rows[i].signs : "");
    }
  g_assert_true (g_file_set_contents (csv, text->str, -1, NULL));

  /* The binary's clock is the real one (2026 or later), so nothing here is "in the future". */
  g_assert_cmpint (md_test_run_cli (import_argv, "", &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (md_test_run_cli (flags_argv, "", &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  flags = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "flags");
  for (guint i = 0; i < json_array_get_length (flags); i++)
    g_ptr_array_add (rules, g_strdup (json_object_get_string_member (json_array_get_object_element (flags, i), "rule")));
  g_ptr_array_sort (rules, compare_strings);
  g_ptr_array_add (rules, NULL);
  got = g_strjoinv (",", (char **) rules->pdata);
  g_assert_cmpstr (got, ==, ex->expected);
  md_test_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    g_test_add_data_func (examples[i].path, &examples[i], test_example);
  return g_test_run ();
}
