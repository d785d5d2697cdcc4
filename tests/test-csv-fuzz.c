/* test-csv-fuzz.c: a small deterministic fuzz test of md_csv_parse and md_checkin_csv_parse.
 *
 * Valid files are mutated at random (a fixed seed, so a failure can be replayed; set
 * MD_FUZZ_SEED to try others). For every input the parser must either return episodes that
 * validate and survive format → parse → format unchanged, or fail with BAD_DATA and a list of
 * "fuzz.csv:LINE: …" messages whose lines exist in the input and come in file order.
 * The check-in parser gets the same treatment (valid check-ins, stable export, or ordered
 * "FILE:LINE: " messages), and md_csv_detect_kind must never fail on any input.
 * tests/fuzz/fuzz-csv.c is the same check as a libFuzzer entry point. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "md-checkin-csv.h"
#include "md-medicine-csv.h"
#include "md-mrs-csv.h"
#include "md-csv.h"

#define NOW        G_GINT64_CONSTANT (1743422400)
#define ITERATIONS 20000
#define TIME_LIMIT (20 * G_USEC_PER_SEC)

static const char * const seeds[] = {
  MD_CSV_HEADER "\n"
  "2025-01-02T03:04:05+00:00,eyelid-upper;cheek,both,90,10,pain;dizziness,caffeine;stress,plain\n"
  "2025-02-02T23:59:59-03:30,lips,right,1,0,,alcohol,\"a, b \"\"c\"\"\nd\"\n"
  "2025-02-03T08:00:00+01:00,jaw,,,,,,\n",

  "\xef\xbb\xbfnotes,regions,started_at\r\n\"two\r\nlines\",chin,2025-03-01T09:30Z\r\n,jaw,2025-03-01T09:31\r\n",

  "started_at,regions\n2025-03-01T09:30+05:45,jaw\n\n2025-03-02T09:30Z,mouth-corner;around-eye\n",
};

static const char * const checkin_seeds[] = {
  "day,sleep_hours,sleep_quality,caffeine_cups,caffeine_mg,water_glasses,stress,hot_flashes,"
  "supplements,medicines_started,medicines_stopped,note\n"
  "2025-03-01,6.5,3,2,180,6,7,4,magnesium;vitamin D,sertraline,,\"slept badly, \"\"again\"\"\nyes\"\n"
  "2025-03-02,0,,,,,,,,,,\n",

  "\xef\xbb\xbfnote,day,sleep_hours\r\n\"two\r\nlines\",2025-03-03,7.25\r\n,2025-03-04,24\r\n",

  "day,stress,supplements\n2025-03-05,10,a;b;\n\n2025-03-06,, c \n",
};

static const char * const tokens[] = {
  ",", "\"", "\"\"", "\n", "\r\n", "\r", ";", " ", "\xff", "\xc3", "\xc3\xa9", "\xef\xbb\xbf",
  "0", "12", "-1", "2592001", "Z", "+14:00", "T", ":", "jaw", "nose", "left", "pain",
  "started_at", "regions", "notes", "2025-03-01T09:30Z", "2099-01-01T00:00Z",
  "day", "sleep_hours", "supplements", "note", "2025-03-01", "2025-02-30", "6.5", "24.01", ".", "1e3",
  "bleeding", "symptoms", "spotting", "=", "fog=3", "a=11", "name", "kind", "hrt", "as-needed", "started",
  "stopped", "hot_flushes", "anxiety", "4", "5",
};

static const char * const medicine_seeds[] = {
  "name,kind,dose,started,stopped,note\n"
  "Estradiol gel,hrt,\" 1 pump \",2025-01-10,,\"from the GP, \"\"low\"\"\"\n"
  "Magnesium,supplement,300 mg,2024-12-01,2025-02-01,\n",

  "\xef\xbb\xbfkind,name,note\r\nother,Zinc,\"two\r\nlines\"\r\nas-needed,Ibuprofen,\r\n",
};

static const char * const mrs_seeds[] = {
  "day,hot_flushes,heart_discomfort,sleep_problems,depressive_mood,irritability,anxiety,exhaustion,"
  "sexual_problems,bladder_problems,vaginal_dryness,joint_muscle_discomfort\n"
  "2025-03-01,4,3,2,1,0,,1,2,3,4,0\n2025-03-08,,,,,,,,,,,\n",

  "anxiety,day\r\n1,2025-03-01\r\n\r\n 4 , 2025-03-02 \r\n",
};

static guint
count_lines (const char *data,
             gsize       length)
{
  guint n = 1;

  for (gsize i = 0; i < length; i++)
    n += data[i] == '\n';
  return n;
}

static void
mutate (GRand   *rand,
        GString *s)
{
  guint pos = s->len > 0 ? g_rand_int_range (rand, 0, s->len + 1) : 0;

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:  /* Replace a byte by any byte. */
      if (pos < s->len)
        s->str[pos] = (char) g_rand_int_range (rand, 0, 256);
      break;
    case 1:  /* Insert a token. */
      g_string_insert (s, pos, tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))]);
      break;
    case 2:  /* Delete a few bytes. */
      if (pos < s->len)
        {
          guint n = g_rand_int_range (rand, 1, 8);

          g_string_erase (s, pos, MIN (n, s->len - pos));
        }
      break;
    case 3:  /* Duplicate a slice somewhere else. */
      if (pos < s->len)
        {
          guint want = g_rand_int_range (rand, 1, 40);
          guint n = MIN (want, s->len - pos);
          g_autofree char *slice = g_strndup (s->str + pos, n);

          g_string_insert_len (s, g_rand_int_range (rand, 0, s->len + 1), slice, n);
        }
      break;
    case 4:  /* Cut the end off. */
      g_string_truncate (s, pos);
      break;
    default: /* Insert a NUL byte. */
      g_string_insert_len (s, pos, "\0", 1);
      break;
    }
}

static void
check_one (const char *data,
           gsize       length,
           GTimeZone  *tz)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) episodes = md_csv_parse (data, length, "fuzz.csv", tz, NOW, &errors, &error);

  if (episodes != NULL)
    {
      g_autoptr(GPtrArray) again = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_again = NULL;

      g_assert_no_error (error);
      g_assert_null (errors);
      for (guint i = 0; i < episodes->len; i++)
        g_assert_true (md_episode_validate (g_ptr_array_index (episodes, i), NOW, NULL));

      text = md_csv_format (episodes);
      again = md_csv_parse (text, strlen (text), "again.csv", tz, NOW, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (again);
      g_assert_cmpuint (again->len, ==, episodes->len);
      text_again = md_csv_format (again);
      g_assert_cmpstr (text_again, ==, text);
    }
  else
    {
      guint max_line = count_lines (data, length);
      guint64 previous = 0;

      g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
      g_assert_nonnull (errors);
      g_assert_cmpuint (errors->len, >, 0);
      for (guint i = 0; i < errors->len; i++)
        {
          const char *line = g_ptr_array_index (errors, i);
          char *end = NULL;
          guint64 n;

          g_assert_true (g_str_has_prefix (line, "fuzz.csv:"));
          n = g_ascii_strtoull (line + strlen ("fuzz.csv:"), &end, 10);
          g_assert_true (g_str_has_prefix (end, ": "));
          g_assert_cmpuint (n, >=, 1);
          g_assert_cmpuint (n, <=, max_line);
          g_assert_cmpuint (n, >=, previous);
          g_assert_true (g_utf8_validate (line, -1, NULL));
          previous = n;
        }
    }
}

static void
check_errors (GPtrArray  *errors,
              const char *data,
              gsize       length)
{
  guint max_line = count_lines (data, length);
  guint64 previous = 0;

  g_assert_nonnull (errors);
  g_assert_cmpuint (errors->len, >, 0);
  for (guint i = 0; i < errors->len; i++)
    {
      const char *line = g_ptr_array_index (errors, i);
      char *end = NULL;
      guint64 n;

      g_assert_true (g_str_has_prefix (line, "fuzz.csv:"));
      n = g_ascii_strtoull (line + strlen ("fuzz.csv:"), &end, 10);
      g_assert_true (g_str_has_prefix (end, ": "));
      g_assert_cmpuint (n, >=, 1);
      g_assert_cmpuint (n, <=, max_line);
      g_assert_cmpuint (n, >=, previous);
      g_assert_true (g_utf8_validate (line, -1, NULL));
      previous = n;
    }
}

/* Returns whether the input was accepted. */
static gboolean
check_one_checkins (const char *data,
                    gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) checkins = md_checkin_csv_parse (data, length, "fuzz.csv", &errors, &error);
  MdCsvKind kind = md_csv_detect_kind (data, length);

  if (checkins != NULL)
    {
      g_autoptr(GPtrArray) again = NULL;
      g_autoptr(GHashTable) days = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autofree char *text = NULL;
      g_autofree char *text_again = NULL;

      g_assert_no_error (error);
      g_assert_null (errors);
      /* An accepted file has a day column, so it is detected as check-ins unless it also has
       * started_at (which the check-in parser rejects as unknown). */
      g_assert_cmpint (kind, ==, MD_CSV_KIND_CHECKINS);
      for (guint i = 0; i < checkins->len; i++)
        {
          MdCheckin *c = g_ptr_array_index (checkins, i);

          g_assert_true (md_checkin_validate (c, NULL));
          g_assert_false (g_hash_table_contains (days, &c->day));
          g_hash_table_add (days, &c->day);
        }

      text = md_checkin_csv_format (checkins);
      again = md_checkin_csv_parse (text, strlen (text), "again.csv", NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (again);
      g_assert_cmpuint (again->len, ==, checkins->len);
      text_again = md_checkin_csv_format (again);
      g_assert_cmpstr (text_again, ==, text);
      return TRUE;
    }
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
  check_errors (errors, data, length);
  return FALSE;
}

/* The medicines and rating scale readers: an accepted file formats, reads back and formats
 * the same; a refused one has well-formed FILE:LINE: messages. */
typedef GPtrArray *(*ParseFunc)  (const char *, gsize, const char *, GPtrArray **, GError **);
typedef char      *(*FormatFunc) (GPtrArray *);

static gboolean
check_one_kind (const char *data,
                gsize       length,
                ParseFunc   parse,
                FormatFunc  format,
                MdCsvKind   kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) rows = parse (data, length, "fuzz.csv", &errors, &error);

  if (rows != NULL)
    {
      g_autoptr(GPtrArray) again = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_again = NULL;

      g_assert_no_error (error);
      g_assert_null (errors);
      /* A rating scale file with no item column left (only "day") reads as check-ins. */
      if (kind != MD_CSV_KIND_MRS || md_csv_detect_kind (data, length) != MD_CSV_KIND_CHECKINS)
        g_assert_cmpint (md_csv_detect_kind (data, length), ==, kind);
      text = format (rows);
      again = parse (text, strlen (text), "again.csv", NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (again);
      g_assert_cmpuint (again->len, ==, rows->len);
      text_again = format (again);
      g_assert_cmpstr (text_again, ==, text);
      return TRUE;
    }
  g_assert_error (error, MD_CSV_ERROR, MD_CSV_ERROR_BAD_DATA);
  check_errors (errors, data, length);
  return FALSE;
}

static void
fuzz_kind (const char * const *kind_seeds,
           guint               n_seeds,
           guint32             seed,
           ParseFunc           parse,
           FormatFunc          format,
           MdCsvKind           kind)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 start = g_get_monotonic_time ();
  guint accepted = 0, rejected = 0;
  guint i;

  for (i = 0; i < n_seeds; i++)
    g_assert_true (check_one_kind (kind_seeds[i], strlen (kind_seeds[i]), parse, format, kind));
  for (i = 0; i < ITERATIONS && g_get_monotonic_time () - start < TIME_LIMIT; i++)
    {
      g_autoptr(GString) s = g_string_new (kind_seeds[g_rand_int_range (rand, 0, n_seeds)]);
      guint n = g_rand_int_range (rand, 1, 5);

      for (guint k = 0; k < n; k++)
        mutate (rand, s);
      if (check_one_kind (s->str, s->len, parse, format, kind))
        accepted++;
      else
        rejected++;
    }
  g_test_message ("%u inputs: %u accepted, %u rejected", i, accepted, rejected);
  g_assert_cmpuint (i, >=, 500);
  g_assert_cmpuint (accepted, >, 0);
  g_assert_cmpuint (rejected, >, 0);
}

static void
test_medicine_mutations (void)
{
  fuzz_kind (medicine_seeds, G_N_ELEMENTS (medicine_seeds), 20250401, md_medicine_csv_parse,
             md_medicine_csv_format, MD_CSV_KIND_MEDICINES);
}

static void
test_mrs_mutations (void)
{
  fuzz_kind (mrs_seeds, G_N_ELEMENTS (mrs_seeds), 20250402, md_mrs_csv_parse, md_mrs_csv_format, MD_CSV_KIND_MRS);
}

static guint32
fuzz_seed (void)
{
  const char *env = g_getenv ("MD_FUZZ_SEED");

  return env != NULL ? (guint32) strtoul (env, NULL, 10) : 20250331;
}

static void
test_seeds_are_valid (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(GPtrArray) episodes = md_csv_parse (seeds[i], strlen (seeds[i]), "seed.csv", tz, NOW, NULL, NULL);

      g_assert_nonnull (episodes);
      g_assert_cmpuint (episodes->len, >, 0);
    }
}

static void
test_mutations (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GRand) rand = g_rand_new_with_seed (fuzz_seed ());
  gint64 start = g_get_monotonic_time ();
  guint accepted = 0, rejected = 0;
  guint i;

  for (i = 0; i < ITERATIONS && g_get_monotonic_time () - start < TIME_LIMIT; i++)
    {
      g_autoptr(GString) s = g_string_new (seeds[g_rand_int_range (rand, 0, G_N_ELEMENTS (seeds))]);
      guint n = g_rand_int_range (rand, 1, 5);
      g_autoptr(GError) error = NULL;

      for (guint k = 0; k < n; k++)
        mutate (rand, s);
      check_one (s->str, s->len, tz);

      /* Tally which way it went (parsing again is cheap). */
      {
        g_autoptr(GPtrArray) e = md_csv_parse (s->str, s->len, "fuzz.csv", tz, NOW, NULL, &error);

        if (e != NULL)
          accepted++;
        else
          rejected++;
      }
    }
  g_test_message ("%u inputs: %u accepted, %u rejected", i, accepted, rejected);
  g_assert_cmpuint (i, >=, 500);
  /* Both outcomes must have been exercised, or the mutations are too weak or too strong. */
  g_assert_cmpuint (accepted, >, 0);
  g_assert_cmpuint (rejected, >, 0);
}

static void
test_checkin_seeds_are_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (checkin_seeds); i++)
    {
      g_autoptr(GPtrArray) checkins = md_checkin_csv_parse (checkin_seeds[i], strlen (checkin_seeds[i]),
                                                            "seed.csv", NULL, NULL);

      g_assert_nonnull (checkins);
      g_assert_cmpuint (checkins->len, >, 0);
    }
}

static void
test_checkin_mutations (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (fuzz_seed () + 2);
  gint64 start = g_get_monotonic_time ();
  guint accepted = 0, rejected = 0;
  guint i;

  for (i = 0; i < ITERATIONS && g_get_monotonic_time () - start < TIME_LIMIT; i++)
    {
      g_autoptr(GString) s = g_string_new (checkin_seeds[g_rand_int_range (rand, 0, G_N_ELEMENTS (checkin_seeds))]);
      guint n = g_rand_int_range (rand, 1, 5);

      for (guint k = 0; k < n; k++)
        mutate (rand, s);
      if (check_one_checkins (s->str, s->len))
        accepted++;
      else
        rejected++;
    }
  g_test_message ("%u check-in inputs: %u accepted, %u rejected", i, accepted, rejected);
  g_assert_cmpuint (i, >=, 500);
  g_assert_cmpuint (accepted, >, 0);
  g_assert_cmpuint (rejected, >, 0);
}

static void
test_checkin_token_soup (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (fuzz_seed () + 3);

  for (guint i = 0; i < ITERATIONS / 2; i++)
    {
      g_autoptr(GString) s = g_string_new (g_rand_boolean (rand) ? "day,sleep_hours,supplements,note\n" : NULL);
      guint n = g_rand_int_range (rand, 0, 30);

      for (guint k = 0; k < n; k++)
        g_string_append (s, tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))]);
      check_one_checkins (s->str, s->len);
    }
}

static void
test_token_soup (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (fuzz_seed () + 1);

  for (guint i = 0; i < ITERATIONS / 2; i++)
    {
      g_autoptr(GString) s = g_string_new (g_rand_boolean (rand) ? "started_at,regions,notes\n" : NULL);
      guint n = g_rand_int_range (rand, 0, 30);

      for (guint k = 0; k < n; k++)
        g_string_append (s, tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))]);
      check_one (s->str, s->len, tz);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-fuzz/seeds-are-valid", test_seeds_are_valid);
  g_test_add_func ("/csv-fuzz/mutations", test_mutations);
  g_test_add_func ("/csv-fuzz/token-soup", test_token_soup);
  g_test_add_func ("/csv-fuzz/checkins/seeds-are-valid", test_checkin_seeds_are_valid);
  g_test_add_func ("/csv-fuzz/checkins/mutations", test_checkin_mutations);
  g_test_add_func ("/csv-fuzz/checkins/token-soup", test_checkin_token_soup);
  g_test_add_func ("/csv-fuzz/medicines/mutations", test_medicine_mutations);
  g_test_add_func ("/csv-fuzz/mrs/mutations", test_mrs_mutations);
  return g_test_run ();
}
