/* test-checkin-csv.c: the check-in CSV format: good files, every bad value with its line,
 * repeated days and columns, exact output bytes, the sleep-hours round trip for every whole
 * minute, kind detection, and import/export through a store (replaced days counted). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "md-checkin-csv.h"
#include "md-time.h"
#include "md-test-utils.h"

#define HEADER MD_CHECKIN_CSV_HEADER "\n"
/* The header before schema 4 (no bleeding, no symptoms): such files still import. */
#define OLD_HEADER "day,sleep_hours,sleep_quality,caffeine_cups,caffeine_mg,water_glasses,stress,hot_flashes," \
  "supplements,medicines_started,medicines_stopped,note\n"

static gint64
day_of (const char *text)
{
  gint64 day;

  g_assert_true (md_time_parse_date (text, &day, NULL));
  return day;
}

/* Parses @input and returns it in the canonical form, or NULL with @errors. */
static char *
parse_canonical (const char  *input,
                 GPtrArray  **errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checkins = md_checkin_csv_parse (input, strlen (input), "c.csv", errors, &error);

  if (checkins == NULL)
    {
      g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
      return NULL;
    }
  g_assert_no_error (error);
  for (guint i = 0; i < checkins->len; i++)
    g_assert_true (md_checkin_validate (g_ptr_array_index (checkins, i), NULL));
  return md_checkin_csv_format (checkins);
}

/* Good files. */

typedef struct {
  const char *name;
  const char *input;
  const char *expected;  /* canonical export of what was read */
} GoodCase;

static const GoodCase good_cases[] = {
  { "all-columns",
    OLD_HEADER "2025-03-01,6.5,3,2,180,6,7,4,magnesium;vitamin D,sertraline 50 mg,,\"slept badly, woke at 4\"\n",
    HEADER "2025-03-01,6.5,3,2,180,6,7,4,magnesium;vitamin D,sertraline 50 mg,,\"slept badly, woke at 4\",,\n" },
  { "day-only",
    "day\n2025-03-02\n2025-03-01\n",
    HEADER "2025-03-02,,,,,,,,,,,,,\n2025-03-01,,,,,,,,,,,,,\n" },
  { "any-column-order",
    "note,stress,day,sleep_hours\nhello,0,2025-03-01,8\n",
    HEADER "2025-03-01,8,,,,,0,,,,,hello,,\n" },
  { "empty-means-not-answered",
    OLD_HEADER "2025-03-01,,,,,,,,,,,\n",
    HEADER "2025-03-01,,,,,,,,,,,,,\n" },
  { "zeros-are-answers",
    OLD_HEADER "2025-03-01,0,1,0,0,0,0,0,,,,\n",
    HEADER "2025-03-01,0,1,0,0,0,0,0,,,,,,\n" },
  { "maxima",
    OLD_HEADER "2025-03-01,24,5,30,3000,40,10,100,,,,\n",
    HEADER "2025-03-01,24,5,30,3000,40,10,100,,,,,,\n" },
  { "bom-crlf-no-final-newline",
    "\xef\xbb\xbf" "day,note\r\n2025-03-01,\"two\r\nlines\"\r\n2025-03-02,x",
    HEADER "2025-03-01,,,,,,,,,,,\"two\nlines\",,\n2025-03-02,,,,,,,,,,,x,,\n" },
  { "spaces-around-values",
    "day,sleep_hours,stress,supplements,note\n 2025-03-01 , 7.25 , 3 , a ;  b ; , keep me \n",
    HEADER "2025-03-01,7.25,,,,,3,,a;b,,,\" keep me \",,\n" },
  { "supplements-repeats-and-empties",
    "day,supplements\n2025-03-01,\"fish oil;;fish oil;b12;\"\n",
    HEADER "2025-03-01,,,,,,,,fish oil;b12,,,,,\n" },
  { "sleep-rounding",
    "day,sleep_hours\n2025-03-01,6.51\n2025-03-02,0.004\n2025-03-03,7.50\n2025-03-04,24.004\n2025-03-05,0.0084\n2025-03-06,0.0083\n",
    HEADER "2025-03-01,6.52,,,,,,,,,,,,\n2025-03-02,0,,,,,,,,,,,,\n2025-03-03,7.5,,,,,,,,,,,,\n"
    "2025-03-04,24,,,,,,,,,,,,\n2025-03-05,0.02,,,,,,,,,,,,\n2025-03-06,0,,,,,,,,,,,,\n" },
  { "quoted-header-and-blank-lines",
    "\n\"day\",\"medicines_stopped\"\n\n2025-03-01,\"said \"\"stop\"\"\"\n\n",
    HEADER "2025-03-01,,,,,,,,,,\"said \"\"stop\"\"\",,,\n" },
  { "bleeding-and-symptoms",
    "day,symptoms,bleeding\n2025-03-01, brain fog = 3 ;hot flushes=0;,spotting\n2025-03-02,,\n2025-03-03,\"a,b=10\",none\n",
    HEADER "2025-03-01,,,,,,,,,,,,spotting,brain fog=3;hot flushes=0\n2025-03-02,,,,,,,,,,,,,\n"
    "2025-03-03,,,,,,,,,,,,none,\"a,b=10\"\n" },
};

static void
test_good (gconstpointer data)
{
  const GoodCase *c = data;
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *got = parse_canonical (c->input, &errors);

  if (got == NULL)
    for (guint i = 0; i < errors->len; i++)
      g_test_message ("%s", (const char *) g_ptr_array_index (errors, i));
  g_assert_cmpstr (got, ==, c->expected);
}

static void
test_values (void)
{
  const char *input = "day,sleep_hours,sleep_quality,supplements,note,hot_flashes\n"
                      "2025-03-01,6.5,4,magnesium;b12,  ,\n";
  g_autoptr(GPtrArray) checkins = md_checkin_csv_parse (input, strlen (input), "c.csv", NULL, NULL);
  const MdCheckin *c;

  g_assert_nonnull (checkins);
  g_assert_cmpuint (checkins->len, ==, 1);
  c = g_ptr_array_index (checkins, 0);
  g_assert_cmpint (c->day, ==, day_of ("2025-03-01"));
  g_assert_cmpint (c->sleep_min, ==, 390);
  g_assert_cmpint (c->sleep_quality, ==, 4);
  g_assert_cmpint (c->caffeine_cups, ==, MD_UNKNOWN);
  g_assert_cmpint (c->caffeine_mg, ==, MD_UNKNOWN);
  g_assert_cmpint (c->water_glasses, ==, MD_UNKNOWN);
  g_assert_cmpint (c->stress, ==, MD_UNKNOWN);
  g_assert_cmpint (c->hot_flashes, ==, MD_UNKNOWN);
  g_assert_cmpuint (g_strv_length (c->supplements), ==, 2);
  g_assert_true (md_checkin_took (c, "magnesium"));
  g_assert_true (md_checkin_took (c, "b12"));
  g_assert_cmpstr (c->note, ==, "  ");
  g_assert_null (c->medicines_started);
}

/* Bad values: each alone on line 3 (line 2 is good), with the exact message. */

typedef struct {
  const char *name;
  const char *header;
  const char *row;
  const char *message;  /* after "c.csv:3: " */
} BadCase;

static const BadCase bad_cases[] = {
  { "bleeding-unknown", "day,bleeding", "2025-03-02,lots",
    "bleeding: \"lots\" is not one of none, spotting, light, medium or heavy" },
  { "bleeding-case", "day,bleeding", "2025-03-02,Heavy",
    "bleeding: \"Heavy\" is not one of none, spotting, light, medium or heavy" },
  { "symptom-above-10", "day,symptoms", "2025-03-02,a=11",
    "symptoms: a: “11” is not a whole number from 0 to 10" },
  { "symptom-negative", "day,symptoms", "2025-03-02,a=-1",
    "symptoms: a: “-1” is not a whole number from 0 to 10" },
  { "symptom-no-value", "day,symptoms", "2025-03-02,a=",
    "symptoms: a: “” is not a whole number from 0 to 10" },
  { "symptom-no-equals", "day,symptoms", "2025-03-02,brain fog",
    "symptoms: “brain fog” is not of the form name=value, such as brain fog=3" },
  { "symptom-twice", "day,symptoms", "2025-03-02,a=1;a=2",
    "symptoms: “a” is given twice" },
  { "symptom-no-name", "day,symptoms", "2025-03-02,=2",
    "symptoms: “” is not a symptom name (1 to 60 characters, without “;” or “=”)" },
  { "day-empty", "day,stress", ",3", "day: it is empty; give the day as YYYY-MM-DD" },
  { "day-not-a-date", "day", "1/3/2025", "day: \"1/3/2025\" is not a date of the form YYYY-MM-DD" },
  { "day-impossible", "day", "2025-02-30", "day: \"2025-02-30\" is not a date of the form YYYY-MM-DD" },
  { "day-with-time", "day", "2025-03-02T10:00", "day: \"2025-03-02T10:00\" is not a date of the form YYYY-MM-DD" },
  { "day-before-1900", "day", "1899-12-31", "day: \"1899-12-31\" is not a date of the form YYYY-MM-DD" },
  { "sleep-too-much", "day,sleep_hours", "2025-03-02,24.01",
    "sleep_hours: \"24.01\" is not a number of hours from 0 to 24, such as 7 or 6.5" },
  { "sleep-negative", "day,sleep_hours", "2025-03-02,-1",
    "sleep_hours: \"-1\" is not a number of hours from 0 to 24, such as 7 or 6.5" },
  { "sleep-comma", "day,sleep_hours", "2025-03-02,\"6,5\"",
    "sleep_hours: \"6,5\" is not a number of hours from 0 to 24, such as 7 or 6.5" },
  { "sleep-text", "day,sleep_hours", "2025-03-02,7h",
    "sleep_hours: \"7h\" is not a number of hours from 0 to 24, such as 7 or 6.5" },
  { "sleep-exponent", "day,sleep_hours", "2025-03-02,1e1",
    "sleep_hours: \"1e1\" is not a number of hours from 0 to 24, such as 7 or 6.5" },
  { "sleep-trailing-dot", "day,sleep_hours", "2025-03-02,7.",
    "sleep_hours: \"7.\" is not a number of hours from 0 to 24, such as 7 or 6.5" },
  { "sleep-huge", "day,sleep_hours", "2025-03-02,99999999999999999999999",
    "sleep_hours: \"99999999999999999999999\" is not a number of hours from 0 to 24, such as 7 or 6.5" },
  { "quality-zero", "day,sleep_quality", "2025-03-02,0", "sleep_quality: \"0\" is not a whole number from 1 to 5" },
  { "quality-six", "day,sleep_quality", "2025-03-02,6", "sleep_quality: \"6\" is not a whole number from 1 to 5" },
  { "quality-decimal", "day,sleep_quality", "2025-03-02,3.5", "sleep_quality: \"3.5\" is not a whole number from 1 to 5" },
  { "cups", "day,caffeine_cups", "2025-03-02,31", "caffeine_cups: \"31\" is not a whole number from 0 to 30" },
  { "mg", "day,caffeine_mg", "2025-03-02,3001", "caffeine_mg: \"3001\" is not a whole number from 0 to 3000" },
  { "water", "day,water_glasses", "2025-03-02,-2", "water_glasses: \"-2\" is not a whole number from 0 to 40" },
  { "stress", "day,stress", "2025-03-02,11", "stress: \"11\" is not a whole number from 0 to 10" },
  { "stress-plus", "day,stress", "2025-03-02,+3", "stress: \"+3\" is not a whole number from 0 to 10" },
  { "hot-flashes", "day,hot_flashes", "2025-03-02,101", "hot_flashes: \"101\" is not a whole number from 0 to 100" },
  { "too-many-fields", "day,stress", "2025-03-02,1,2", "this row has 3 fields, but the header has 2 columns" },
  { "too-few-fields", "day,stress", "2025-03-02", "this row has 1 field, but the header has 2 columns" },
  { "stray-quote", "day,note", "2025-03-02,a\"b",
    "a \" inside a field: put the field in quotes and double the \" (\"\")" },
  { "not-utf8", "day,note", "2025-03-02,caf\xe9", "note: the text is not valid UTF-8" },
  { "duplicate-day", "day", "2025-03-01", "day: 2025-03-01 is already on line 2; give each day once" },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_auto(GStrv) columns = g_strsplit (c->header, ",", -1);
  g_autofree char *commas = g_strnfill (g_strv_length (columns) - 1, ',');
  /* Every header starts with day; line 2 is a good row with only the day. */
  g_autofree char *input = g_strdup_printf ("%s\n2025-03-01%s\n%s\n", c->header, commas, c->row);
  g_autofree char *expected = g_strdup_printf ("c.csv:3: %s", c->message);
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *got = NULL;

  got = parse_canonical (input, &errors);
  g_assert_null (got);
  g_assert_nonnull (errors);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (errors, i));
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, expected);
}

static void
test_bad_many_rows (void)
{
  const char *input =
    "day,sleep_hours,stress,note\n"           /* 1 */
    "2025-03-01,7,2,fine\n"                   /* 2 */
    "2025-03-02,25,12,\"two\nlines\"\n"       /* 3, 4 */
    "\n"                                      /* 5 */
    "2025-03-01,6,,again\n"                   /* 6 */
    "2025-03-03,6,3,\n"                       /* 7 */
    "2025-03-02,,,\n";                        /* 8: a repeat of a bad row's day */
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) checkins = md_checkin_csv_parse (input, strlen (input), "c.csv", &errors, &error);

  g_assert_null (checkins);
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
  g_assert_cmpstr (error->message, ==, "3 rows of “c.csv” have problems; nothing was imported.");
  g_assert_cmpuint (errors->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==,
                   "c.csv:3: sleep_hours: \"25\" is not a number of hours from 0 to 24, such as 7 or 6.5");
  g_assert_cmpstr (g_ptr_array_index (errors, 1), ==, "c.csv:3: stress: \"12\" is not a whole number from 0 to 10");
  g_assert_cmpstr (g_ptr_array_index (errors, 2), ==, "c.csv:6: day: 2025-03-01 is already on line 2; give each day once");
  g_assert_cmpstr (g_ptr_array_index (errors, 3), ==, "c.csv:8: day: 2025-03-02 is already on line 3; give each day once");
}

static void
test_text_too_long (void)
{
  g_autoptr(GString) input = g_string_new ("day,note,supplements\n2025-03-01,");
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *ok = NULL;

  for (guint i = 0; i < MD_CHECKIN_TEXT_MAX_CHARS; i++)
    g_string_append (input, "é");
  g_string_append (input, ",\n");
  ok = parse_canonical (input->str, NULL);
  g_assert_nonnull (ok);

  g_string_truncate (input, input->len - 2);
  g_string_append (input, "x,\n2025-03-02,,");
  for (guint i = 0; i <= MD_CHECKIN_TEXT_MAX_CHARS; i++)
    g_string_append_c (input, 'a');
  g_string_append_c (input, '\n');
  g_assert_null (parse_canonical (input->str, &errors));
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, "c.csv:2: note: it has more than 2000 characters");
  g_assert_cmpstr (g_ptr_array_index (errors, 1), ==, "c.csv:3: supplements: a name has more than 2000 characters");
}

/* Header problems. */

typedef struct {
  const char *name;
  const char *input;
  const char *first_error;
} HeaderCase;

static const HeaderCase header_cases[] = {
  { "unknown-column", "day,sleep,note\n2025-03-01,7,\n",
    "c.csv:1: header: unknown column \"sleep\" (the columns are day, sleep_hours, sleep_quality, caffeine_cups, "
    "caffeine_mg, water_glasses, stress, hot_flashes, supplements, medicines_started, medicines_stopped, note, bleeding, symptoms)" },
  { "duplicate-column", "day,stress,stress\n2025-03-01,1,2\n", "c.csv:1: header: column \"stress\" appears more than once" },
  { "missing-day", "note,stress\nx,1\n", "c.csv:1: header: the required column \"day\" is missing" },
  { "case-matters", "Day\n2025-03-01\n", "c.csv:1: header: unknown column \"Day\" (the columns are day, sleep_hours, "
    "sleep_quality, caffeine_cups, caffeine_mg, water_glasses, stress, hot_flashes, supplements, medicines_started, "
    "medicines_stopped, note, bleeding, symptoms)" },
  { "empty-file", "", "c.csv:1: the file is empty; the first line must be the header " MD_CHECKIN_CSV_HEADER },
  { "blank-lines-only", "\n\n\r\n", "c.csv:1: the file is empty; the first line must be the header " MD_CHECKIN_CSV_HEADER },
  { "unclosed-quote-in-header", "day,\"note\n", "c.csv:1: header: a quoted field is not closed: a \" is missing" },
};

static void
test_header (gconstpointer data)
{
  const HeaderCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) checkins = md_checkin_csv_parse (c->input, strlen (c->input), "c.csv", &errors, &error);

  g_assert_null (checkins);
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
  g_assert_cmpstr (error->message, ==, "“c.csv” is not a Menodiary check-in file; nothing was imported.");
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, c->first_error);
}

/* Output bytes and the round trip. */

static void
test_format_bytes (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) md_checkin_free);
  MdCheckin *a = md_checkin_new (day_of ("2024-12-31"));
  MdCheckin *b = md_checkin_new (day_of ("2025-01-01"));
  g_autofree char *text = NULL;
  const char *supplements[] = { "vitamin D, 1000 IU", "magnesium", NULL };

  a->sleep_min = 421;  /* 7.0166… hours */
  a->caffeine_mg = 95;
  a->supplements = g_strdupv ((char **) supplements);
  a->note = g_strdup ("\"quoted\"\nand more");
  b->sleep_min = 0;
  b->medicines_started = g_strdup (" HRT patch ");
  b->bleeding = MD_BLEEDING_SPOTTING;
  md_checkin_set_symptom (b, "brain fog", 4);
  md_checkin_set_symptom (b, "itch, skin", 0);
  md_checkin_set_symptom (b, "gone", 2);
  md_checkin_set_symptom (b, "gone", MD_UNKNOWN);
  g_ptr_array_add (list, a);
  g_ptr_array_add (list, b);
  text = md_checkin_csv_format (list);
  g_assert_cmpstr (text, ==,
                   HEADER
                   "2024-12-31,7.02,,,95,,,,\"vitamin D, 1000 IU;magnesium\",,,\"\"\"quoted\"\"\nand more\",,\n"
                   "2025-01-01,0,,,,,,,,\" HRT patch \",,,spotting,\"brain fog=4;itch, skin=0\"\n");
}

static void
test_sleep_minutes_round_trip (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) md_checkin_free);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gint64 first = day_of ("2020-01-01");

  for (int m = 0; m <= MD_CHECKIN_SLEEP_MAX_MIN; m++)
    {
      MdCheckin *c = md_checkin_new (first + m);

      c->sleep_min = m;
      g_ptr_array_add (list, c);
    }
  text = md_checkin_csv_format (list);
  again = md_checkin_csv_parse (text, strlen (text), "c.csv", NULL, NULL);
  g_assert_nonnull (again);
  g_assert_cmpuint (again->len, ==, MD_CHECKIN_SLEEP_MAX_MIN + 1);
  for (int m = 0; m <= MD_CHECKIN_SLEEP_MAX_MIN; m++)
    {
      const MdCheckin *c = g_ptr_array_index (again, m);

      g_assert_cmpint (c->day, ==, first + m);
      g_assert_cmpint (c->sleep_min, ==, m);
    }
  text_again = md_checkin_csv_format (again);
  g_assert_cmpstr (text_again, ==, text);
  /* Spot checks of the written hours. */
  g_assert_nonnull (strstr (text, "\n2020-01-01,0,"));
  g_assert_nonnull (strstr (text, "\n2020-01-02,0.02,"));
  g_assert_nonnull (strstr (text, "\n2020-01-31,0.5,"));
  g_assert_nonnull (strstr (text, "\n2020-03-01,1,"));
  g_assert_nonnull (strstr (text, ",24,"));
}

/* Kind detection. */

typedef struct {
  const char *input;
  MdCsvKind   kind;
} KindCase;

static const KindCase kind_cases[] = {
  { "day\n2025-03-01\n", MD_CSV_KIND_CHECKINS },
  { "\xef\xbb\xbf\r\nnote,\"day\"\r\n", MD_CSV_KIND_CHECKINS },
  { "\n\nstress,day,foo\n", MD_CSV_KIND_CHECKINS },
  { MD_CSV_HEADER "\n", MD_CSV_KIND_EPISODES },
  { "started_at,regions\n", MD_CSV_KIND_EPISODES },
  { "day,started_at\n", MD_CSV_KIND_EPISODES },
  { "", MD_CSV_KIND_EPISODES },
  { "note,stress\n", MD_CSV_KIND_EPISODES },
  { "days\n2025-03-01\n", MD_CSV_KIND_EPISODES },
};

static void
test_detect_kind (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_cases); i++)
    g_assert_cmpint (md_csv_detect_kind (kind_cases[i].input, strlen (kind_cases[i].input)), ==, kind_cases[i].kind);
}

/* Through a store. */

typedef struct {
  char    *dir;
  MdStore *store;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static void
put (MdStore    *store,
     const char *day,
     int         stress)
{
  g_autoptr(MdCheckin) c = md_checkin_new (day_of (day));
  g_autoptr(GError) error = NULL;

  c->stress = stress;
  md_store_put_checkin (store, c, &error);
  g_assert_no_error (error);
}

static void
test_replace_counted (Fixture *f, gconstpointer data)
{
  const char *input = "day,stress,sleep_hours\n2025-03-04,9,\n2025-03-02,8,7.5\n2025-03-03,,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(MdCheckin) two = NULL;
  guint imported = 99, replaced = 99;

  put (f->store, "2025-03-01", 1);
  put (f->store, "2025-03-02", 2);
  put (f->store, "2025-03-05", 5);

  g_assert_true (md_checkin_csv_import_data (f->store, input, strlen (input), "c.csv",
                                             &imported, &replaced, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 3);
  g_assert_cmpuint (replaced, ==, 1);

  all = md_store_checkins_between (f->store, G_MININT64, G_MAXINT64, NULL);
  g_assert_cmpuint (all->len, ==, 5);
  two = md_store_get_checkin (f->store, day_of ("2025-03-02"), NULL);
  g_assert_cmpint (two->stress, ==, 8);
  g_assert_cmpint (two->sleep_min, ==, 450);

  /* The same file again replaces all three. */
  g_assert_true (md_checkin_csv_import_data (f->store, input, strlen (input), "c.csv",
                                             &imported, &replaced, NULL, &error));
  g_assert_cmpuint (imported, ==, 3);
  g_assert_cmpuint (replaced, ==, 3);
}

static void
test_all_or_nothing (Fixture *f, gconstpointer data)
{
  const char *input = "day,stress\n2025-03-01,9\n2025-03-02,99\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(MdCheckin) one = NULL;
  guint imported = 99, replaced = 99;

  put (f->store, "2025-03-01", 1);
  g_assert_false (md_checkin_csv_import_data (f->store, input, strlen (input), "c.csv",
                                              &imported, &replaced, &errors, &error));
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (replaced, ==, 0);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, "c.csv:3: stress: \"99\" is not a whole number from 0 to 10");
  one = md_store_get_checkin (f->store, day_of ("2025-03-01"), NULL);
  g_assert_cmpint (one->stress, ==, 1);
  g_assert_null (md_store_get_checkin (f->store, day_of ("2025-03-02"), NULL));
}

static void
test_export_import_export (Fixture *f, gconstpointer data)
{
  const char *input =
    "note,day,supplements,sleep_hours,medicines_stopped,caffeine_cups,symptoms,bleeding\n"
    "\" spaced \",2025-03-02,b;a,6.25,\"x, y\",1,fog=2;ache=0,heavy\n"
    ",2025-02-28,,8,,,,\n"
    "\"multi\nline\",2025-03-01,,0.5,,0,,none\n";
  g_autofree char *path1 = g_build_filename (f->dir, "one.csv", NULL);
  g_autofree char *path2 = g_build_filename (f->dir, "two.csv", NULL);
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) fresh = NULL;
  g_autofree char *fresh_dir = NULL;
  GStatBuf st;

  g_assert_true (md_checkin_csv_import_data (f->store, input, strlen (input), "in.csv", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (md_checkin_csv_export_file (f->store, path1, &error));
  g_assert_no_error (error);
  text1 = md_test_read_file (path1);
  g_assert_cmpstr (text1, ==,
                   HEADER
                   "2025-02-28,8,,,,,,,,,,,,\n"
                   "2025-03-01,0.5,,0,,,,,,,,\"multi\nline\",none,\n"
                   "2025-03-02,6.25,,1,,,,,b;a,,\"x, y\",\" spaced \",heavy,fog=2;ache=0\n");
  g_assert_cmpint (g_stat (path1, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  fresh = md_test_store_new (&fresh_dir);
  g_assert_true (md_checkin_csv_import_data (fresh, text1, strlen (text1), "one.csv", NULL, NULL, NULL, &error));
  g_assert_true (md_checkin_csv_export_file (fresh, path2, &error));
  g_assert_no_error (error);
  text2 = md_test_read_file (path2);
  g_assert_cmpstr (text2, ==, text1);
  md_test_rmdir (fresh_dir);
}

static void
test_export_bad_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "c.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (md_checkin_csv_export_file (f->store, path, &error));
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_IO);
}

static void
test_import_any_file (Fixture *f, gconstpointer data)
{
  g_autofree char *checkins = g_build_filename (f->dir, "c.csv", NULL);
  g_autofree char *episodes = g_build_filename (f->dir, "e.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_autoptr(GError) error = NULL;
  MdCsvKind kind;
  guint n = 0, other = 0;

  g_assert_true (g_file_set_contents (checkins, "day,stress\n2025-03-01,3\n2025-03-02,4\n", -1, NULL));
  g_assert_true (g_file_set_contents (episodes, "started_at,regions\n2025-03-01T09:00Z,jaw\n", -1, NULL));

  g_assert_true (md_csv_import_any_file (f->store, checkins, &kind, &n, &other, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, MD_CSV_KIND_CHECKINS);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (other, ==, 0);

  g_assert_true (md_csv_import_any_file (f->store, episodes, &kind, &n, &other, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, MD_CSV_KIND_EPISODES);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 1);

  g_assert_true (md_csv_import_any_file (f->store, episodes, &kind, &n, &other, NULL, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (other, ==, 1);

  g_assert_false (md_csv_import_any_file (f->store, missing, &kind, &n, &other, NULL, &error));
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_IO);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (good_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checkin-csv/good/%s", good_cases[i].name);

      g_test_add_data_func (path, &good_cases[i], test_good);
    }
  g_test_add_func ("/checkin-csv/good/values", test_values);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checkin-csv/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  g_test_add_func ("/checkin-csv/bad/many-rows", test_bad_many_rows);
  g_test_add_func ("/checkin-csv/bad/text-too-long", test_text_too_long);
  for (guint i = 0; i < G_N_ELEMENTS (header_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checkin-csv/header/%s", header_cases[i].name);

      g_test_add_data_func (path, &header_cases[i], test_header);
    }
  g_test_add_func ("/checkin-csv/format/bytes", test_format_bytes);
  g_test_add_func ("/checkin-csv/format/sleep-minutes-round-trip", test_sleep_minutes_round_trip);
  g_test_add_func ("/checkin-csv/detect-kind", test_detect_kind);
  g_test_add ("/checkin-csv/store/replace-counted", Fixture, NULL, setup, test_replace_counted, teardown);
  g_test_add ("/checkin-csv/store/all-or-nothing", Fixture, NULL, setup, test_all_or_nothing, teardown);
  g_test_add ("/checkin-csv/store/export-import-export", Fixture, NULL, setup, test_export_import_export, teardown);
  g_test_add ("/checkin-csv/store/export-bad-folder", Fixture, NULL, setup, test_export_bad_folder, teardown);
  g_test_add ("/checkin-csv/store/import-any-file", Fixture, NULL, setup, test_import_any_file, teardown);
  return g_test_run ();
}
