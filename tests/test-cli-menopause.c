/* test-cli-menopause.c: the medicines and Menopause Rating Scale CSV kinds and the check-in's
 * bleeding and symptoms columns through the real binary: import (the header tells the kind, all
 * or nothing, FILE:LINE: column: message, exit codes), export to a file (0600) or standard
 * output, and byte-identical export → import → export for all four kinds. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "md-checkin-csv.h"
#include "md-csv.h"
#include "md-medicine-csv.h"
#include "md-mrs-csv.h"
#include "md-test-utils.h"

#define MEDICINES \
  "name,kind,dose,started,stopped,note\n" \
  "Estradiol gel,hrt,\" 1 pump \",2025-01-10,,\"from the GP, \"\"low\"\" dose\"\n" \
  "Magnesium,supplement,300 mg,2024-12-01,2025-02-01,\n" \
  "Ibuprofen,as-needed,,,,\n"
#define MEDICINES_EXPORT \
  "name,kind,dose,started,stopped,note\n" \
  "Ibuprofen,as-needed,,,,\n" \
  "Magnesium,supplement,300 mg,2024-12-01,2025-02-01,\n" \
  "Estradiol gel,hrt,\" 1 pump \",2025-01-10,,\"from the GP, \"\"low\"\" dose\"\n"

#define MRS \
  "exhaustion,day,hot_flushes\n" \
  "2,2025-03-08,3\n" \
  ",2025-03-01,4\n"
#define MRS_EXPORT \
  MD_MRS_CSV_HEADER "\n" \
  "2025-03-01,4,,,,,,,,,,\n" \
  "2025-03-08,3,,,,,,2,,,,\n"

#define CHECKINS \
  "day,stress,bleeding,symptoms\n" \
  "2025-03-01,4,spotting,brain fog=3;itchy skin=0\n"

typedef struct {
  char *dir;
  char *db;
} Fixture;

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = md_test_mkdtemp ();
  f->db = g_build_filename (f->dir, "diary.db", NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static int
run_db (const char  *db,
        const char  *stdin_text,
        char       **out,
        char       **err,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return md_test_run_cli ((const char * const *) argv->pdata, stdin_text, out, err);
}

static char *
export_of (const char *db,
           const char *option)
{
  char *out = NULL;

  g_assert_cmpint (run_db (db, NULL, &out, NULL, option, "-", NULL), ==, 0);
  return out;
}

static void
test_medicines_import_export (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "m.csv", MEDICINES);
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *exported = NULL;

  g_assert_cmpint (run_db (f->db, NULL, &out, NULL, "--import", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 3 medicines, replaced 0\n");
  exported = export_of (f->db, "--export-medicines");
  g_assert_cmpstr (exported, ==, MEDICINES_EXPORT);
  /* The same file again replaces each one (same name and start) and adds nothing. */
  g_assert_cmpint (run_db (f->db, NULL, &again, NULL, "--import", path, NULL), ==, 0);
  g_assert_cmpstr (again, ==, "imported 3 medicines, replaced 3\n");
  g_clear_pointer (&exported, g_free);
  exported = export_of (f->db, "--export-medicines");
  g_assert_cmpstr (exported, ==, MEDICINES_EXPORT);
}

static void
test_mrs_import_export (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *kept = NULL;

  g_assert_cmpint (run_db (f->db, MRS, &out, NULL, "--import", "-", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 2 MRS days, replaced 0\n");
  exported = export_of (f->db, "--export-mrs");
  g_assert_cmpstr (exported, ==, MRS_EXPORT);
  /* A file with fewer columns keeps the stored answers of the others. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_db (f->db, "day,anxiety\n2025-03-08,1\n", &out, NULL, "--import", "-", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 1 MRS day, replaced 1\n");
  kept = export_of (f->db, "--export-mrs");
  g_assert_cmpstr (kept, ==, MD_MRS_CSV_HEADER "\n2025-03-01,4,,,,,,,,,,\n2025-03-08,3,,,,,1,2,,,,\n");
}

static void
test_checkins_bleeding_symptoms (Fixture *f, gconstpointer data)
{
  g_autofree char *exported = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (run_db (f->db, CHECKINS, NULL, NULL, "--import", "-", NULL), ==, 0);
  exported = export_of (f->db, "--export-checkins");
  g_assert_cmpstr (exported, ==, MD_CHECKIN_CSV_HEADER "\n2025-03-01,,,,,,4,,,,,,spotting,brain fog=3;itchy skin=0\n");
  /* A file without the two columns (an older export) keeps them. */
  g_assert_cmpint (run_db (f->db,
                           "day,sleep_hours,sleep_quality,caffeine_cups,caffeine_mg,water_glasses,stress,hot_flashes,"
                           "supplements,medicines_started,medicines_stopped,note\n2025-03-01,7,,,,,5,,,,,\n",
                           NULL, NULL, "--import", "-", NULL), ==, 0);
  after = export_of (f->db, "--export-checkins");
  g_assert_cmpstr (after, ==, MD_CHECKIN_CSV_HEADER "\n2025-03-01,7,,,,,5,,,,,,spotting,brain fog=3;itchy skin=0\n");
}

/* Every kind: export, import into an empty diary, export again: the same bytes. */
static void
test_round_trip_all_kinds (Fixture *f, gconstpointer data)
{
  static const char * const options[] = { "--export", "--export-checkins", "--export-medicines", "--export-mrs" };
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *episodes = write_file (f, "e.csv",
                                          "started_at,regions,side,duration_s,intensity,signs,triggers,notes\n"
                                          "2025-03-01T09:30:00+01:00,eyelid-lower,left,90,4,,caffeine,\"a, b\"\n");

  g_assert_cmpint (run_db (f->db, NULL, NULL, NULL, "--import", episodes, NULL), ==, 0);
  g_assert_cmpint (run_db (f->db, CHECKINS, NULL, NULL, "--import", "-", NULL), ==, 0);
  g_assert_cmpint (run_db (f->db, MEDICINES, NULL, NULL, "--import", "-", NULL), ==, 0);
  g_assert_cmpint (run_db (f->db, MRS, NULL, NULL, "--import", "-", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *name = g_strdup_printf ("export-%u.csv", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      GStatBuf st;

      g_assert_cmpint (run_db (f->db, NULL, NULL, NULL, options[i], path, NULL), ==, 0);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      first = md_test_read_file (path);
      g_assert_cmpint (run_db (fresh, NULL, NULL, NULL, "--import", path, NULL), ==, 0);
      second = export_of (fresh, options[i]);
      g_assert_cmpstr (second, ==, first);
    }
}

typedef struct {
  const char *name;
  const char *csv;
  const char *errors;   /* stderr up to the closing line */
} BadCase;

static const BadCase bad_cases[] = {
  { "medicine-kind",
    "name,kind,started\nA,hrt,2025-01-01\nB,pill,2025-01-02\n",
    "(standard input):3: kind: \"pill\" is not one of hrt, preventive, as-needed, supplement or other\n" },
  { "medicine-stopped-before-started",
    "name,kind,started,stopped\nA,hrt,2025-01-05,2025-01-01\n",
    "(standard input):2: stopped: the day it was stopped cannot be before the day it was started.\n" },
  { "medicine-twice",
    "name,kind,started\nA,hrt,2025-01-01\nA,other,2025-01-01\n",
    "(standard input):3: name: \"A\" with the same start is already on line 2; give each medicine once\n" },
  { "medicine-bad-date",
    "kind,name,started\nhrt,A,2025-13-01\n",
    "(standard input):2: started: \"2025-13-01\" is not a date of the form YYYY-MM-DD\n" },
  { "medicine-no-kind-column",
    "name,dose\nA,1 mg\n",
    "(standard input):1: header: the required column \"kind\" is missing\n" },
  { "mrs-above-4",
    "day,hot_flushes\n2025-03-01,5\n2025-03-02,x\n",
    "(standard input):2: hot_flushes: \"5\" is not a whole number from 0 (none) to 4 (very severe)\n"
    "(standard input):3: hot_flushes: \"x\" is not a whole number from 0 (none) to 4 (very severe)\n" },
  { "mrs-day-twice",
    "day,anxiety\n2025-03-01,1\n2025-03-01,2\n",
    "(standard input):3: day: 2025-03-01 is already on line 2; give each day once\n" },
  { "mrs-unknown-column",
    "day,anxiety,hot_flashes\n2025-03-01,1,2\n",
    NULL },
};

/* Nothing is imported, every problem is listed, exit 1. */
static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *db = g_build_filename (dir, "diary.db", NULL);
  g_autofree char *err = NULL;
  g_autofree char *meds = NULL;
  g_autofree char *mrs = NULL;

  g_assert_cmpint (run_db (db, c->csv, NULL, &err, "--import", "-", NULL), ==, 1);
  if (c->errors != NULL)
    g_assert_true (g_str_has_prefix (err, c->errors));
  else
    g_assert_nonnull (strstr (err, "unknown column \"hot_flashes\""));
  meds = export_of (db, "--export-medicines");
  mrs = export_of (db, "--export-mrs");
  g_assert_cmpstr (meds, ==, MD_MEDICINE_CSV_HEADER "\n");
  g_assert_cmpstr (mrs, ==, MD_MRS_CSV_HEADER "\n");
  md_test_rmdir (dir);
}

typedef struct {
  const char *name;
  const char *header;
  MdCsvKind   kind;
} KindCase;

static const KindCase kind_cases[] = {
  { "episodes", "started_at,regions", MD_CSV_KIND_EPISODES },
  { "episodes-with-day-and-name", "name,day,started_at", MD_CSV_KIND_EPISODES },
  { "checkins", "day,stress", MD_CSV_KIND_CHECKINS },
  { "checkins-day-only", "day", MD_CSV_KIND_CHECKINS },
  { "checkins-new-columns", "day,bleeding,symptoms", MD_CSV_KIND_CHECKINS },
  { "mrs", MD_MRS_CSV_HEADER, MD_CSV_KIND_MRS },
  { "mrs-one-item", "joint_muscle_discomfort,day", MD_CSV_KIND_MRS },
  { "medicines", MD_MEDICINE_CSV_HEADER, MD_CSV_KIND_MEDICINES },
  { "medicines-reordered", "kind,name", MD_CSV_KIND_MEDICINES },
  { "empty", "", MD_CSV_KIND_EPISODES },
};

static void
test_detect_kind (gconstpointer data)
{
  const KindCase *c = data;
  g_autofree char *text = g_strconcat ("\xef\xbb\xbf", c->header, "\r\n", NULL);

  g_assert_cmpint (md_csv_detect_kind (text, strlen (text)), ==, c->kind);
}

static void
test_usage (void)
{
  const char *argv1[] = { "--export-medicines", "a.csv", "--export-mrs", "b.csv", NULL };
  const char *argv2[] = { "--export-fhir", "", NULL };
  const char *argv3[] = { "--help", NULL };
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *help = NULL;

  g_assert_cmpint (md_test_run_cli (argv1, NULL, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "one command at a time"));
  g_assert_cmpint (md_test_run_cli (argv2, NULL, NULL, &err2), ==, 2);
  g_assert_cmpint (md_test_run_cli (argv3, NULL, &help, NULL), ==, 0);
  g_assert_nonnull (strstr (help, "--export-medicines"));
  g_assert_nonnull (strstr (help, "--export-mrs"));
  g_assert_nonnull (strstr (help, "--export-fhir"));
}

/* A reading command on a missing diary creates nothing. */
static void
test_export_missing_diary (Fixture *f, gconstpointer data)
{
  static const char * const options[] = { "--export-medicines", "--export-mrs", "--export-fhir" };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_db (f->db, NULL, NULL, &err, options[i], "-", NULL), ==, 1);
      g_assert_true (g_str_has_prefix (err, "menodiary: "));
      g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
    }
}

/* --chart mrs draws like the other kinds; --report names the rating scale with its latest total
 * and the medicines with their start dates. */
static void
test_chart_and_report (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->dir, "mrs.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "summary.pdf", NULL);
  g_autofree char *head = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  g_assert_cmpint (run_db (f->db, MRS, NULL, NULL, "--import", "-", NULL), ==, 0);
  g_assert_cmpint (run_db (f->db, MEDICINES, NULL, NULL, "--import", "-", NULL), ==, 0);
  g_assert_cmpint (run_db (f->db, NULL, NULL, NULL, "--chart", "mrs", "--from", "2025-01-01", "--to", "2025-03-31",
                           "--output", png, NULL), ==, 0);
  head = md_test_read_file (png);
  g_assert_true (memcmp (head, "\x89PNG", 4) == 0);
  g_assert_cmpint (run_db (f->db, NULL, NULL, NULL, "--report", pdf, "--from", "2025-01-01", "--to", "2025-03-31", NULL), ==, 0);
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, pdf, "-", NULL };
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, NULL, NULL));
      flat = g_strdelimit (g_strdup (text), "\n", ' ');
      g_assert_nonnull (strstr (flat, "Menopause Rating Scale"));
      g_assert_nonnull (strstr (flat, "latest total 5 of 44 on 2025-03-08"));
      g_assert_nonnull (strstr (flat, "since 2025-01-10"));
      g_assert_nonnull (strstr (flat, "from 2024-12-01 to 2025-02-01"));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-menopause/medicines/import-export", Fixture, NULL, setup, test_medicines_import_export, teardown);
  g_test_add ("/cli-menopause/mrs/import-export", Fixture, NULL, setup, test_mrs_import_export, teardown);
  g_test_add ("/cli-menopause/checkins/bleeding-symptoms", Fixture, NULL, setup, test_checkins_bleeding_symptoms, teardown);
  g_test_add ("/cli-menopause/round-trip/all-kinds", Fixture, NULL, setup, test_round_trip_all_kinds, teardown);
  g_test_add ("/cli-menopause/chart-and-report", Fixture, NULL, setup, test_chart_and_report, teardown);
  g_test_add ("/cli-menopause/export/missing-diary", Fixture, NULL, setup, test_export_missing_diary, teardown);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-menopause/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kind_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-menopause/detect/%s", kind_cases[i].name);

      g_test_add_data_func (path, &kind_cases[i], test_detect_kind);
    }
  g_test_add_func ("/cli-menopause/usage", test_usage);
  return g_test_run ();
}
