/* test-csv.c: the episode CSV format: good files, every kind of bad row with its line,
 * exact output bytes, duplicates and the export-import-export round trip through the store. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "md-csv.h"
#include "md-time.h"
#include "md-test-utils.h"

/* 2025-03-31T12:00:00Z */
#define NOW G_GINT64_CONSTANT (1743422400)
#define HEADER MD_CSV_HEADER "\n"

/* Parses @input and returns it in the canonical form (md_csv_format), or NULL with @errors. */
static char *
parse_canonical (const char  *input,
                 gssize       length,
                 GTimeZone   *tz,
                 GPtrArray  **errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) episodes = NULL;

  if (length < 0)
    length = strlen (input);
  episodes = md_csv_parse (input, length, "f.csv", tz, NOW, errors, &error);
  if (episodes == NULL)
    {
      g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
      return NULL;
    }
  g_assert_no_error (error);
  for (guint i = 0; i < episodes->len; i++)
    g_assert_true (md_episode_validate (g_ptr_array_index (episodes, i), NOW, NULL));
  return md_csv_format (episodes);
}

/* Good files. */

typedef struct {
  const char *name;
  const char *tz;        /* NULL = UTC */
  const char *input;
  const char *expected;  /* canonical export of what was read */
} GoodCase;

static const GoodCase good_cases[] = {
  { "all-fields", NULL,
    HEADER "2025-03-01T09:30:15+01:00,cheek;eyelid-upper,left,90,4,pain;dizziness,stress;caffeine,after coffee\n",
    HEADER "2025-03-01T09:30:15+01:00,eyelid-upper;cheek,left,90,4,dizziness;pain,caffeine;stress,after coffee\n" },
  { "minimal-columns", NULL,
    "started_at,regions\n2025-03-01T09:30Z,jaw\n2025-03-02T09:30Z,lips;chin\n",
    HEADER "2025-03-01T09:30:00+00:00,jaw,,,,,,\n2025-03-02T09:30:00+00:00,lips;chin,,,,,,\n" },
  { "any-column-order", NULL,
    "notes,intensity,triggers,regions,duration_s,signs,side,started_at\nhi,0,hot-flash,lips,5,,both,2025-03-01T09:30-04:30\n",
    HEADER "2025-03-01T09:30:00-04:30,lips,both,5,0,,hot-flash,hi\n" },
  { "bom", NULL,
    "\xef\xbb\xbfstarted_at,regions\n2025-03-01T09:30Z,jaw\n",
    HEADER "2025-03-01T09:30:00+00:00,jaw,,,,,,\n" },
  { "crlf", NULL,
    "started_at,regions,notes\r\n2025-03-01T09:30Z,jaw,\"two\r\nlines\"\r\n2025-03-02T09:30Z,chin,x\r\n",
    HEADER "2025-03-01T09:30:00+00:00,jaw,,,,,,\"two\nlines\"\n2025-03-02T09:30:00+00:00,chin,,,,,,x\n" },
  { "bom-and-crlf-no-final-newline", NULL,
    "\xef\xbb\xbfstarted_at,regions\r\n2025-03-01T09:30Z,jaw",
    HEADER "2025-03-01T09:30:00+00:00,jaw,,,,,,\n" },
  { "quoting", NULL,
    "started_at,regions,notes\n2025-03-01T09:30Z,jaw,\"a, b; \"\"c\"\"\nand a new line\"\n",
    HEADER "2025-03-01T09:30:00+00:00,jaw,,,,,,\"a, b; \"\"c\"\"\nand a new line\"\n" },
  { "crlf-inside-quotes-of-lf-file-kept", NULL,
    "started_at,regions,notes\n2025-03-01T09:30Z,jaw,\"a\r\nb\"\n",
    HEADER "2025-03-01T09:30:00+00:00,jaw,,,,,,\"a\r\nb\"\n" },
  { "quoted-header-and-values", NULL,
    "\"started_at\",\"regions\",\"side\"\n\"2025-03-01T09:30Z\",\"jaw\",\"\"\n",
    HEADER "2025-03-01T09:30:00+00:00,jaw,,,,,,\n" },
  { "blank-lines-ignored", NULL,
    "\nstarted_at,regions\n\n2025-03-01T09:30Z,jaw\n\n\n2025-03-02T09:30Z,jaw\n\n",
    HEADER "2025-03-01T09:30:00+00:00,jaw,,,,,,\n2025-03-02T09:30:00+00:00,jaw,,,,,,\n" },
  { "spaces-around-values", NULL,
    "started_at,regions,side,duration_s,intensity,signs,notes\n 2025-03-01T09:30Z , cheek ; jaw , right , 60 , 7 , pain ,  keep  \n",
    HEADER "2025-03-01T09:30:00+00:00,cheek;jaw,right,60,7,pain,,\"  keep  \"\n" },
  { "empty-means-unknown-or-none", NULL,
    HEADER "2025-03-01T09:30Z,jaw,,,,,,\n",
    HEADER "2025-03-01T09:30:00+00:00,jaw,,,,,,\n" },
  { "header-only", NULL, HEADER, HEADER },
  { "limits", NULL,
    HEADER "1900-01-01T00:00Z,jaw,both,2592000,10,,,\n2025-03-31T12:05:00Z,chin,,1,0,,,\n",
    HEADER "1900-01-01T00:00:00+00:00,jaw,both,2592000,10,,,\n2025-03-31T12:05:00+00:00,chin,,1,0,,,\n" },
  { "offsets-kept", NULL,
    "started_at,regions\n2025-03-01T09:30+05:45,jaw\n2025-03-01T09:30+14:00,jaw\n2025-03-01T09:30-12:00,jaw\n",
    HEADER "2025-03-01T09:30:00+05:45,jaw,,,,,,\n2025-03-01T09:30:00+14:00,jaw,,,,,,\n"
    "2025-03-01T09:30:00-12:00,jaw,,,,,,\n" },
  { "local-time-winter-and-summer", "Europe/Paris",
    "started_at,regions\n2025-01-15T08:00,jaw\n2024-07-15T08:00:30,jaw\n2024-07-15T08:00Z,chin\n",
    HEADER "2025-01-15T08:00:00+01:00,jaw,,,,,,\n2024-07-15T08:00:30+02:00,jaw,,,,,,\n"
    "2024-07-15T08:00:00+00:00,chin,,,,,,\n" },
  { "local-time-fixed-offset", "-03:00",
    "started_at,regions\n2025-01-15T08:00,jaw\n",
    HEADER "2025-01-15T08:00:00-03:00,jaw,,,,,,\n" },
  { "local-time-in-dst-gap-moves-to-its-end", "Europe/Paris",
    "started_at,regions\n2025-03-30T02:30,jaw\n",
    HEADER "2025-03-30T03:00:00+02:00,jaw,,,,,,\n" },
  { "utf8-notes", NULL,
    "started_at,regions,notes\n2025-03-01T09:30Z,jaw,Après le café ✓\n",
    HEADER "2025-03-01T09:30:00+00:00,jaw,,,,,,Après le café ✓\n" },
};

static void
test_good (gconstpointer data)
{
  const GoodCase *c = data;
  g_autoptr(GTimeZone) tz = c->tz != NULL ? g_time_zone_new_identifier (c->tz) : g_time_zone_new_utc ();
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *got = NULL;

  g_assert_nonnull (tz);
  got = parse_canonical (c->input, -1, tz, &errors);
  if (errors != NULL)
    for (guint i = 0; i < errors->len; i++)
      g_test_message ("%s", (const char *) g_ptr_array_index (errors, i));
  g_assert_null (errors);
  g_assert_cmpstr (got, ==, c->expected);
}

/* Bad files: every expected error line, in order (a prefix of each reported line). */

typedef struct {
  const char *name;
  const char *input;
  const char *expected[4];
} BadCase;

#define ROW2 "2025-03-01T09:30Z,jaw,left,60,3,,,ok\n"

static const BadCase bad_cases[] = {
  { "bad-time", HEADER ROW2 "2025-02-30T09:30Z,jaw,,,,,,\n",
    { "f.csv:3: started_at: \"2025-02-30T09:30Z\" is not a time" } },
  { "bad-time-text", HEADER "yesterday,jaw,,,,,,\n",
    { "f.csv:2: started_at: \"yesterday\" is not a time" } },
  { "bad-offset", HEADER "2025-03-01T09:30+15:00,jaw,,,,,,\n",
    { "f.csv:2: started_at: \"2025-03-01T09:30+15:00\" is not a time" } },
  { "date-before-1900", HEADER "1899-12-31T23:59Z,jaw,,,,,,\n",
    { "f.csv:2: started_at: \"1899-12-31T23:59Z\" is not a time" } },
  { "empty-start", HEADER ",jaw,,,,,,\n",
    { "f.csv:2: started_at: it is empty" } },
  { "unknown-region", HEADER ROW2 ROW2 "2025-03-01T09:30Z,jaw;nose,,,,,,\n",
    { "f.csv:4: regions: unknown region \"nose\"" } },
  { "empty-regions", HEADER "2025-03-01T09:30Z, ; ,,,,,,\n",
    { "f.csv:2: regions: it is empty" } },
  { "unknown-side", HEADER "2025-03-01T09:30Z,jaw,up,,,,,\n",
    { "f.csv:2: side: \"up\" is not left, right, both or empty" } },
  { "duration-text", HEADER "2025-03-01T09:30Z,jaw,,long,,,,\n",
    { "f.csv:2: duration_s: \"long\" is not a whole number of seconds from 1 to 2592000" } },
  { "duration-zero", HEADER "2025-03-01T09:30Z,jaw,,0,,,,\n",
    { "f.csv:2: duration_s: \"0\" is not a whole number" } },
  { "duration-too-long", HEADER "2025-03-01T09:30Z,jaw,,2592001,,,,\n",
    { "f.csv:2: duration_s: \"2592001\" is not a whole number" } },
  { "duration-negative", HEADER "2025-03-01T09:30Z,jaw,,-5,,,,\n",
    { "f.csv:2: duration_s: \"-5\" is not a whole number" } },
  { "duration-fraction", HEADER "2025-03-01T09:30Z,jaw,,1.5,,,,\n",
    { "f.csv:2: duration_s: \"1.5\" is not a whole number" } },
  { "intensity-12", "started_at,regions,intensity\n2025-03-01T09:30Z,jaw,3\n2025-03-01T09:31Z,jaw,4\n2025-03-01T09:32Z,jaw,12\n",
    { "f.csv:4: intensity: \"12\" is not a whole number from 0 to 10" } },
  { "intensity-negative", HEADER "2025-03-01T09:30Z,jaw,,,-1,,,\n",
    { "f.csv:2: intensity: \"-1\" is not a whole number from 0 to 10" } },
  { "intensity-fraction", HEADER "2025-03-01T09:30Z,jaw,,,2.5,,,\n",
    { "f.csv:2: intensity: \"2.5\" is not a whole number from 0 to 10" } },
  { "unknown-sign", HEADER "2025-03-01T09:30Z,jaw,,,,pain;itching,,\n",
    { "f.csv:2: signs: unknown sign \"itching\"" } },
  { "unknown-trigger", HEADER "2025-03-01T09:30Z,jaw,,,,,caffeine;chocolate,\n",
    { "f.csv:2: triggers: unknown trigger \"chocolate\"" } },
  { "future-start", HEADER "2025-03-31T12:05:01Z,jaw,,,,,,\n",
    { "f.csv:2: started_at: it is in the future" } },
  { "missing-started-at", "regions,side\njaw,left\n",
    { "f.csv:1: header: the required column \"started_at\" is missing" } },
  { "missing-regions", "started_at,side\n2025-03-01T09:30Z,left\n",
    { "f.csv:1: header: the required column \"regions\" is missing" } },
  { "missing-both-after-blank-line", "\nside\nleft\n",
    { "f.csv:2: header: the required column \"started_at\" is missing",
      "f.csv:2: header: the required column \"regions\" is missing" } },
  { "unknown-column", "started_at,regions,mood\n2025-03-01T09:30Z,jaw,fine\n",
    { "f.csv:1: header: unknown column \"mood\"" } },
  { "empty-column-name", "started_at,regions,\n2025-03-01T09:30Z,jaw,\n",
    { "f.csv:1: header: unknown column \"\"" } },
  { "duplicate-column", "started_at,regions,side,regions\n2025-03-01T09:30Z,jaw,left,jaw\n",
    { "f.csv:1: header: column \"regions\" appears more than once" } },
  { "too-many-fields", HEADER ROW2 "2025-03-01T09:31Z,jaw,,,,,,,extra\n",
    { "f.csv:3: this row has 9 fields, but the header has 8 columns" } },
  { "too-few-fields", HEADER "2025-03-01T09:30Z,jaw\n",
    { "f.csv:2: this row has 2 fields, but the header has 8 columns" } },
  { "unterminated-quote", HEADER ROW2 "2025-03-01T09:31Z,jaw,,,,,,\"never\nclosed\n\n",
    { "f.csv:3: a quoted field is not closed" } },
  { "text-after-closing-quote", HEADER "2025-03-01T09:30Z,jaw,,,,,,\"a\"b\n",
    { "f.csv:2: there is text after the closing \"" } },
  { "quote-inside-unquoted-field", HEADER "2025-03-01T09:30Z,jaw,,,,,,say \"hi\"\n",
    { "f.csv:2: a \" inside a field" } },
  { "stray-carriage-return", HEADER "2025-03-01T09:30Z,jaw,,,,,,a\rb\n",
    { "f.csv:2: a carriage return that does not end a line" } },
  { "invalid-utf8-notes", HEADER ROW2 ROW2 ROW2 "2025-03-01T09:30Z,jaw,,,,,,caf\xe9\n",
    { "f.csv:5: notes: the text is not valid UTF-8" } },
  { "invalid-utf8-header", "started_at,regions,not\xff\n2025-03-01T09:30Z,jaw,x\n",
    { "f.csv:1: header: column 3: the text is not valid UTF-8" } },
  { "nul-byte-is-not-text", "started_at,regions,notes\n2025-03-01T09:30Z,jaw,a\\0b\n", { NULL } },
  { "empty-file", "", { "f.csv:1: the file is empty" } },
  { "only-blank-lines", "\n\r\n\n", { "f.csv:1: the file is empty" } },
  { "lines-counted-through-multiline-notes",
    HEADER "2025-03-01T09:30Z,jaw,,,,,,\"one\ntwo\nthree\"\n2025-03-01T09:31Z,jaw,,,,,,\"x\ny\"\n2025-03-01T09:32Z,nose,,,,,,\n",
    { "f.csv:7: regions: unknown region \"nose\"" } },
  { "several-bad-rows-all-reported",
    HEADER "2025-03-01T09:30Z,nose,,,,,,\n" ROW2 "2025-03-01T09:32Z,jaw,,,99,,,\n\n2025-03-01T09:33Z,jaw,,,,,sugar,\n",
    { "f.csv:2: regions: unknown region \"nose\"",
      "f.csv:4: intensity: \"99\" is not a whole number",
      "f.csv:6: triggers: unknown trigger \"sugar\"" } },
  { "every-bad-column-of-a-row", HEADER "2025-13-01T09:30Z,nose,up,0,11,x,y,\n",
    { "f.csv:2: started_at:", "f.csv:2: regions:", "f.csv:2: side:", "f.csv:2: duration_s:" } },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *got = NULL;
  guint n_expected = 0;

  /* The NUL case cannot be written in a C string literal with strlen. */
  if (strcmp (c->name, "nul-byte-is-not-text") == 0)
    {
      const char input[] = "started_at,regions,notes\n2025-03-01T09:30Z,jaw,a\0b\n";

      got = parse_canonical (input, sizeof input - 1, NULL, &errors);
      g_assert_null (got);
      g_assert_cmpuint (errors->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, "f.csv:2: notes: the text is not valid UTF-8");
      return;
    }

  got = parse_canonical (c->input, -1, NULL, &errors);
  g_assert_null (got);
  g_assert_nonnull (errors);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (errors, i));
  while (n_expected < G_N_ELEMENTS (c->expected) && c->expected[n_expected] != NULL)
    n_expected++;
  if (strcmp (c->name, "every-bad-column-of-a-row") == 0)
    {
      /* Seven bad columns, one line each; the first four are checked by prefix. */
      g_assert_cmpuint (errors->len, ==, 7);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 6), "f.csv:2: triggers:"));
    }
  else
    g_assert_cmpuint (errors->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const char *line = g_ptr_array_index (errors, i);

      if (!g_str_has_prefix (line, c->expected[i]))
        g_error ("got “%s”, expected it to start with “%s”", line, c->expected[i]);
    }
}

static void
test_bad_error_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  const char *input = HEADER "x,jaw,,,,,,\n" ROW2 "y,jaw,,,,,,\n";

  episodes = md_csv_parse (input, strlen (input), "diary.csv", NULL, NOW, &errors, &error);
  g_assert_null (episodes);
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
  g_assert_cmpstr (error->message, ==, "2 rows of “diary.csv” have problems; nothing was imported.");
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 0), "diary.csv:2: "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 1), "diary.csv:4: "));

  /* Without a place for the row errors, it still fails. */
  g_clear_error (&error);
  episodes = md_csv_parse (input, strlen (input), "diary.csv", NULL, NOW, NULL, &error);
  g_assert_null (episodes);
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
}

static void
test_notes_too_long (void)
{
  g_autoptr(GString) input = g_string_new (HEADER);
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *got = NULL;

  /* 4000 characters (multi-byte) are fine; 4001 are not. */
  g_string_append (input, ROW2 "2025-03-01T09:31Z,jaw,,,,,,");
  for (guint i = 0; i < MD_NOTES_MAX_CHARS; i++)
    g_string_append (input, "é");
  g_string_append (input, "\n2025-03-01T09:32Z,jaw,,,,,,");
  for (guint i = 0; i <= MD_NOTES_MAX_CHARS; i++)
    g_string_append (input, "é");
  g_string_append (input, "\n");

  got = parse_canonical (input->str, input->len, NULL, &errors);
  g_assert_null (got);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==,
                   "f.csv:4: notes: at most 4000 characters, please shorten them.");
}

/* Output bytes. */

static MdEpisode *
episode (const char *start,
         guint32     regions,
         MdSide      side,
         gint64      duration,
         int         intensity,
         guint32     signs,
         guint32     triggers,
         const char *notes)
{
  MdEpisode *ep = md_episode_new ();

  g_assert_true (md_time_parse_iso8601 (start, NULL, &ep->start_utc, &ep->utc_offset_s, NULL));
  ep->regions = regions;
  ep->side = side;
  ep->duration_s = duration;
  ep->intensity = intensity;
  ep->signs = signs;
  ep->triggers = triggers;
  md_episode_set_notes (ep, notes);
  return ep;
}

static GPtrArray *
sample_episodes (void)
{
  GPtrArray *a = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);

  g_ptr_array_add (a, episode ("2025-01-02T03:04:05Z", MD_REGIONS_ALL, MD_SIDE_BOTH, MD_DURATION_MAX_S, 10,
                               MD_SIGNS_ALL, MD_TRIGGERS_ALL, "plain; with semicolon"));
  g_ptr_array_add (a, episode ("2025-02-01T09:00+05:45", MD_BIT (MD_REGION_CHIN), MD_SIDE_UNKNOWN, MD_UNKNOWN,
                               MD_UNKNOWN, 0, 0, NULL));
  g_ptr_array_add (a, episode ("2025-02-02T23:59:59-03:30", MD_BIT (MD_REGION_LIPS) | MD_BIT (MD_REGION_CHEEK),
                               MD_SIDE_RIGHT, 1, 0, MD_BIT (MD_SIGN_PAIN), MD_BIT (MD_TRIGGER_ALCOHOL),
                               "a, b"));
  g_ptr_array_add (a, episode ("2025-02-03T08:00+01:00", MD_BIT (MD_REGION_JAW), MD_SIDE_LEFT, 30, 5, 0, 0,
                               "say \"hi\""));
  g_ptr_array_add (a, episode ("2025-02-04T08:00+01:00", MD_BIT (MD_REGION_JAW), MD_SIDE_LEFT, 30, 5, 0, 0,
                               "line 1\nline 2\r\nline 3\rend"));
  g_ptr_array_add (a, episode ("2025-02-05T08:00+01:00", MD_BIT (MD_REGION_JAW), MD_SIDE_LEFT, 30, 5, 0, 0,
                               " leading"));
  g_ptr_array_add (a, episode ("2025-02-06T08:00+01:00", MD_BIT (MD_REGION_JAW), MD_SIDE_LEFT, 30, 5, 0, 0,
                               "trailing\t"));
  g_ptr_array_add (a, episode ("2025-02-07T08:00+01:00", MD_BIT (MD_REGION_JAW), MD_SIDE_LEFT, 30, 5, 0, 0,
                               "in the middle is fine ✓"));
  return a;
}

#define SAMPLE_CSV \
  HEADER \
  "2025-01-02T03:04:05+00:00,eyelid-upper;eyelid-lower;around-eye;forehead;cheek;mid-face;lips;mouth-corner;chin;jaw," \
  "both,2592000,10,weakness;drooping;asymmetry;speech-difficulty;vision-change;dizziness;numbness;severe-headache;" \
  "swallowing-difficulty;head-injury;spread-body;pain;eyelid-closure;drooping-eyelid;drooping-face;arm-leg-weakness,caffeine;poor-sleep;stress;dehydration;" \
  "hot-flash;alcohol;screen-time;new-medication;skipped-meal,plain; with semicolon\n" \
  "2025-02-01T09:00:00+05:45,chin,,,,,,\n" \
  "2025-02-02T23:59:59-03:30,cheek;lips,right,1,0,pain,alcohol,\"a, b\"\n" \
  "2025-02-03T08:00:00+01:00,jaw,left,30,5,,,\"say \"\"hi\"\"\"\n" \
  "2025-02-04T08:00:00+01:00,jaw,left,30,5,,,\"line 1\nline 2\r\nline 3\rend\"\n" \
  "2025-02-05T08:00:00+01:00,jaw,left,30,5,,,\" leading\"\n" \
  "2025-02-06T08:00:00+01:00,jaw,left,30,5,,,\"trailing\t\"\n" \
  "2025-02-07T08:00:00+01:00,jaw,left,30,5,,,in the middle is fine ✓\n"

static void
test_format_bytes (void)
{
  g_autoptr(GPtrArray) episodes = sample_episodes ();
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autofree char *text = md_csv_format (episodes);
  g_autofree char *none = md_csv_format (empty);

  g_assert_cmpstr (text, ==, SAMPLE_CSV);
  g_assert_cmpstr (none, ==, HEADER);
}

static void
test_parse_format_fixed_point (void)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *again = parse_canonical (SAMPLE_CSV, -1, NULL, &errors);

  g_assert_null (errors);
  g_assert_cmpstr (again, ==, SAMPLE_CSV);
}

/* Through the store. */

typedef struct {
  char    *dir;
  MdStore *store;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->store = md_test_store_new (&f->dir);
  md_store_set_now (f->store, NOW);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  md_test_rmdir (f->dir);
  g_free (f->dir);
}

static char *
write_temp (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_duplicates_counted (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (f, "d.csv",
                                      HEADER ROW2 "2025-03-01T10:30+01:00,jaw,left,60,9,pain,,other notes\n"
                                      "2025-03-02T09:30Z,jaw,left,60,3,,,\n");
  guint added = 99, skipped = 99;

  /* Row 3 is row 2 again (same instant, regions, side, duration): skipped. */
  g_assert_true (md_csv_import_file (f->store, path, &added, &skipped, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 2);

  g_assert_true (md_csv_import_file (f->store, path, &added, &skipped, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 3);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 2);
}

static void
append_row (GString *s,
            gint64   start,
            guint    duration)
{
  g_autofree char *iso = md_time_format_iso8601 (start, 0, FALSE);

  g_string_append_printf (s, "%s,jaw,left,%u,3,,,\n", iso, duration);
}

static void
import_text (Fixture    *f,
             const char *name,
             const char *text,
             guint       want_added,
             guint       want_skipped)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (f, name, text);
  guint added = 99, skipped = 99;

  g_assert_true (md_csv_import_file (f->store, path, &added, &skipped, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, want_added);
  g_assert_cmpuint (skipped, ==, want_skipped);
}

/* Rows go into the diary as they are read, so a duplicate can be far from its twin: in rows
 * already written, in rows still waiting, before or after, in a file in either time order, or
 * between stored episodes. */
static void
test_duplicates_anywhere (Fixture *f, gconstpointer data)
{
  const gint64 base = NOW - 86400 * 300;
  g_autoptr(GString) up = g_string_new (HEADER);
  g_autoptr(GString) down = g_string_new (HEADER);
  g_autoptr(GString) between = g_string_new (HEADER);

  for (guint i = 0; i < 150; i++)
    append_row (up, base + 3600 * i, 60);
  append_row (up, base + 3600 * 3, 60);      /* row 4 again, long written */
  append_row (up, base + 3600 * 149, 60);    /* the last row again, still waiting */
  append_row (up, base + 3600 * 3, 61);      /* back in time, but another duration: new */
  append_row (up, base + 3600 * 200, 60);    /* after all: new */
  import_text (f, "up.csv", up->str, 152, 2);

  /* Newest first, with its own twins; then the same rows again: all skipped. */
  for (guint i = 150; i > 0; i--)
    append_row (down, base - 3600 * i, 60);
  append_row (down, base - 3600 * 150, 60);
  append_row (down, base - 3600 * 1, 60);
  import_text (f, "down.csv", down->str, 150, 2);
  import_text (f, "down-again.csv", down->str, 0, 152);

  /* Between stored episodes: every other one is stored already. */
  for (guint i = 0; i < 100; i++)
    append_row (between, base + 3600 * i + (i % 2 == 0 ? 0 : 1800), 60);
  import_text (f, "between.csv", between->str, 50, 50);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 152 + 150 + 50);
}

/* A bad row after hundreds of good ones, which were already written inside the import's
 * transaction: nothing is kept. */
static void
test_bad_row_late (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autofree char *path = NULL;
  guint added = 99;

  for (guint i = 0; i < 500; i++)
    append_row (text, NOW - 86400 * 100 + 600 * i, 60);
  g_string_append (text, "2025-03-01T09:32Z,jaw,sideways,,,,,\n");
  for (guint i = 0; i < 10; i++)
    append_row (text, NOW - 86400 * 10 + 600 * i, 60);
  path = write_temp (f, "late.csv", text->str);
  g_assert_false (md_csv_import_file (f->store, path, &added, NULL, &errors, &error));
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (errors, 0), "late.csv:502: side: \"sideways\" is not left, right, both or empty"));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 0);
}

static void
test_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *path = write_temp (f, "bad.csv", HEADER ROW2 ROW2 "2025-03-01T09:31Z,jaw,,,,,,\n"
                                      "2025-03-01T09:32Z,jaw,sideways,,,,,\n");
  guint added = 99, skipped = 99;

  g_assert_false (md_csv_import_file (f->store, path, &added, &skipped, &errors, &error));
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (errors, 0), "bad.csv:5: side: \"sideways\" is not left, right, both or empty"));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (md_store_count_episodes (f->store), ==, 0);
}

static void
test_missing_file (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no-such.csv", NULL);

  g_assert_false (md_csv_import_file (f->store, path, NULL, NULL, &errors, &error));
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such.csv"));
  g_assert_null (errors);
}

static void
test_export_bad_folder (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "missing-folder", "out.csv", NULL);

  g_assert_false (md_csv_export_file (f->store, path, &error));
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_IO);
}

static void
test_round_trip_through_store (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) episodes = sample_episodes ();
  g_autoptr(MdStore) second = NULL;
  g_autofree char *first_path = g_build_filename (f->dir, "first.csv", NULL);
  g_autofree char *second_path = g_build_filename (f->dir, "second.csv", NULL);
  g_autofree char *db2 = g_build_filename (f->dir, "second.db", NULL);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  GStatBuf st;
  guint added, skipped;

  /* Stored newest first, so export has to sort. */
  for (guint i = episodes->len; i > 0; i--)
    g_assert_true (md_store_add_episode (f->store, g_ptr_array_index (episodes, i - 1), &error));
  g_assert_no_error (error);

  /* An existing, world-readable file is replaced by a private one. */
  g_assert_true (g_file_set_contents (first_path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (first_path, 0644), ==, 0);
  g_assert_true (md_csv_export_file (f->store, first_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (first_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  first = md_test_read_file (first_path);
  g_assert_cmpstr (first, ==, SAMPLE_CSV);

  second = md_store_open (db2, &error);
  g_assert_no_error (error);
  md_store_set_now (second, NOW);
  g_assert_true (md_csv_import_file (second, first_path, &added, &skipped, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, episodes->len);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_true (md_csv_export_file (second, second_path, &error));
  g_assert_no_error (error);
  again = md_test_read_file (second_path);
  g_assert_cmpstr (again, ==, first);
}

/* A text larger than the reader's pieces (256 KiB), CRLF line ends, quoted notes with line
 * breaks, quotes and commas falling across the pieces, and bad rows here and there: reading
 * the file a piece at a time finds exactly what parsing the whole text finds. */
static char *
large_text (gboolean with_bad_rows)
{
  GString *s = g_string_new ("\xef\xbb\xbf" MD_CSV_HEADER "\r\n");

  for (guint i = 0; i < 13000; i++)
    {
      g_autofree char *start = md_time_format_iso8601 (1600000000 + (gint64) i * 3700, 3600, FALSE);

      g_string_append_printf (s, "%s,jaw,left,%u,%u,,,", start, 1 + i, with_bad_rows && i % 1999 == 7 ? 12 : i % 11);
      if (i % 3 == 0)
        g_string_append_printf (s, "\"line one, \"\"quoted\"\"\r\nline two of %u\r\n\"\r\n", i);
      else
        g_string_append_printf (s, "plain note %u\r\n", i);
    }
  return g_string_free (s, FALSE);
}

static void
test_streamed_as_whole (Fixture *f, gconstpointer data)
{
  for (guint bad = 0; bad < 2; bad++)
    {
      g_autofree char *text = large_text (bad);
      g_autofree char *path = g_build_filename (f->dir, "large.csv", NULL);
      g_autoptr(GPtrArray) whole_errors = NULL;
      g_autoptr(GPtrArray) file_errors = NULL;
      g_autoptr(GPtrArray) whole = NULL;
      g_autoptr(GError) error = NULL;
      guint added = 0;

      g_assert_cmpuint (strlen (text), >, 3 * 256 * 1024);
      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      whole = md_csv_parse (text, strlen (text), path, NULL, md_time_now (), &whole_errors, NULL);
      md_csv_import_file (f->store, path, &added, NULL, &file_errors, &error);
      if (!bad)
        {
          g_autoptr(GPtrArray) stored = md_store_episodes_between (f->store, G_MININT64, G_MAXINT64, NULL);
          g_autofree char *a = md_csv_format (whole);
          g_autofree char *b = md_csv_format (stored);

          g_assert_no_error (error);
          g_assert_cmpuint (added, ==, 13000);
          g_assert_cmpstr (a, ==, b);
        }
      else
        {
          g_assert_null (whole);
          g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
          g_assert_cmpuint (file_errors->len, ==, whole_errors->len);
          g_assert_cmpuint (file_errors->len, ==, 7);
          for (guint i = 0; i < file_errors->len; i++)
            g_assert_cmpstr (g_ptr_array_index (file_errors, i), ==, g_ptr_array_index (whole_errors, i));
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (good_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/good/%s", good_cases[i].name);

      g_test_add_data_func (path, &good_cases[i], test_good);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  g_test_add_func ("/csv/bad/error-message", test_bad_error_message);
  g_test_add_func ("/csv/bad/notes-too-long", test_notes_too_long);
  g_test_add_func ("/csv/format/bytes", test_format_bytes);
  g_test_add_func ("/csv/format/fixed-point", test_parse_format_fixed_point);
  g_test_add ("/csv/store/duplicates-counted", Fixture, NULL, setup, test_duplicates_counted, teardown);
  g_test_add ("/csv/store/duplicates-anywhere", Fixture, NULL, setup, test_duplicates_anywhere, teardown);
  g_test_add ("/csv/store/bad-row-late", Fixture, NULL, setup, test_bad_row_late, teardown);
  g_test_add ("/csv/store/all-or-nothing", Fixture, NULL, setup, test_all_or_nothing, teardown);
  g_test_add ("/csv/store/missing-file", Fixture, NULL, setup, test_missing_file, teardown);
  g_test_add ("/csv/store/export-bad-folder", Fixture, NULL, setup, test_export_bad_folder, teardown);
  g_test_add ("/csv/store/export-import-export", Fixture, NULL, setup, test_round_trip_through_store, teardown);
  g_test_add ("/csv/store/streamed-as-whole", Fixture, NULL, setup, test_streamed_as_whole, teardown);
  return g_test_run ();
}
