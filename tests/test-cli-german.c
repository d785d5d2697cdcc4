/* test-cli-german.c: the real binary in German (LANGUAGE=de, LC_ALL=de_DE.UTF-8) with the
 * translations built in the build folder (MENODIARY_LOCALEDIR): texts for people are German,
 * while what programs read (--flags --json, CSV) stays byte for byte the English output. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "md-test-utils.h"

static const char *german_env[] = { "LANGUAGE", "de", "LC_ALL", "de_DE.UTF-8", NULL };
static const char *english_env[] = { "LANGUAGE", "", "LC_ALL", "C.UTF-8", NULL };

/* Two episodes on the left, one long and spreading to the cheek, one with pain. */
static const char episodes_csv[] =
  "started_at,regions,side,duration_s,intensity,signs\n"
  "2025-03-01T09:00:00+01:00,eyelid-lower,left,60,5,pain\n"
  "2025-03-02T09:00:00+01:00,eyelid-lower;cheek,left,25000,9,\n";

typedef struct {
  char *dir;
  char *db;
} Fixture;

static gboolean
have_german (void)
{
  g_autofree char *mo = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (locale-gen de_DE.UTF-8)");
      return FALSE;
    }
  setlocale (LC_ALL, "C.UTF-8");
  mo = g_build_filename (g_getenv ("MENODIARY_LOCALEDIR"), "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  return TRUE;
}

static void
setup (Fixture *f, gconstpointer data)
{
  const char *argv[5];
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = md_test_mkdtemp ();
  f->db = g_build_filename (f->dir, "diary.db", NULL);
  argv[0] = "--db"; argv[1] = f->db; argv[2] = "--import"; argv[3] = "-"; argv[4] = NULL;
  g_assert_cmpint (md_test_run_cli_env (argv, english_env, episodes_csv, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "imported 2, skipped 0\n");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autofree char *db = g_build_filename (f->dir, "zweites.db", NULL);
  const char *argv[] = { "--db", db, "--import", "-", NULL };
  g_autofree char *out = NULL;

  if (!have_german ())
    return;
  /* The summary line is for people: German. */
  g_assert_cmpint (md_test_run_cli_env (argv, german_env, episodes_csv, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "2 importiert, 0 übersprungen\n");
}

static void
test_flags_text (Fixture *f, gconstpointer data)
{
  const char *argv[] = { "--db", f->db, "--flags", "--as-of", "2025-03-03T12:00:00Z", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_german ())
    return;
  g_assert_cmpint (md_test_run_cli_env (argv, german_env, NULL, &out, &err), ==, 0);
  g_assert_true (err == NULL || *err == '\0');
  /* Titles, messages with plurals and dates in the German form, advice in the Sie-Form. */
  g_assert_nonnull (strstr (out, "Schmerzen beim Zucken: Schmerzen wurden bei 1 Episode in den letzten 30 Tagen "
                                 "angegeben, zuletzt am 01.03.2025, 09:00 (vor 2 Tagen)."));
  g_assert_nonnull (strstr (out, "Vereinbaren Sie einen Termin in Ihrer Arztpraxis."));
  g_assert_nonnull (strstr (out, "Zucken in mehr als einem Gesichtsbereich"));
  g_assert_nonnull (strstr (out, "(2 Episoden)"));
  /* Levels and rule ids are identifiers, never translated. */
  g_assert_nonnull (strstr (out, "soon  pain  "));
  g_assert_true (g_str_has_suffix (out, "level: soon\n"));
  g_assert_null (strstr (out, "Book an appointment"));
}

static void
test_flags_json_is_english (Fixture *f, gconstpointer data)
{
  const char *argv[] = { "--db", f->db, "--flags", "--json", "--as-of", "2025-03-03T12:00:00Z", NULL };
  g_autofree char *de = NULL;
  g_autofree char *en = NULL;
  g_autofree char *err = NULL;

  if (!have_german ())
    return;
  g_assert_cmpint (md_test_run_cli_env (argv, german_env, NULL, &de, &err), ==, 0);
  g_assert_cmpint (md_test_run_cli_env (argv, english_env, NULL, &en, NULL), ==, 0);
  g_assert_true (err == NULL || *err == '\0');
  g_assert_nonnull (strstr (en, "\"title\": \"Pain with the twitching\""));
  g_assert_cmpstr (de, ==, en);
}

static void
test_export_is_english (Fixture *f, gconstpointer data)
{
  const char *argv[] = { "--db", f->db, "--export", "-", NULL };
  g_autofree char *de = NULL;
  g_autofree char *en = NULL;

  if (!have_german ())
    return;
  g_assert_cmpint (md_test_run_cli_env (argv, german_env, NULL, &de, NULL), ==, 0);
  g_assert_cmpint (md_test_run_cli_env (argv, english_env, NULL, &en, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (en, "started_at,"));
  g_assert_cmpstr (de, ==, en);
}

static void
test_usage_error (Fixture *f, gconstpointer data)
{
  const char *argv[] = { "--db", f->db, "--flags", "--paper", "a4", NULL };
  g_autofree char *err = NULL;

  if (!have_german ())
    return;
  /* Exit codes do not change with the language. */
  g_assert_cmpint (md_test_run_cli_env (argv, german_env, NULL, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "menodiary: --paper gehört zu --report."));
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, NULL, NULL));
  return out;
}

static void
test_report (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "zusammenfassung.pdf", NULL);
  const char *argv[] = { "--db", f->db, "--report", pdf, "--from", "2025-02-01", "--to", "2025-03-03",
                         "--paper", "a4", NULL };
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  if (!have_german ())
    return;
  g_assert_cmpint (md_test_run_cli_env (argv, german_env, NULL, NULL, NULL), ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (text);
  /* pdftotext breaks lines where the PDF does: compare with single spaces. */
  {
    g_auto(GStrv) lines = g_strsplit_set (text, "\n", -1);

    flat = g_strjoinv (" ", lines);
  }
  g_assert_nonnull (strstr (flat, "Zusammenfassung"));
  g_assert_nonnull (strstr (flat, "Zeitraum 01.02.2025 bis 03.03.2025 (31 Tage)"));
  g_assert_nonnull (strstr (flat, "Wichtigste Befunde"));
  g_assert_nonnull (strstr (flat, "Seite: nur links (alle 2 Episoden mit angegebener Seite)."));
  g_assert_nonnull (strstr (flat, "Hinweise, die ernstesten zuerst"));
  g_assert_nonnull (strstr (flat, "Grundlage: 01.03.2025 Unterlid, links."));
  g_assert_null (strstr (flat, "Key findings"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-german/import", Fixture, NULL, setup, test_import, teardown);
  g_test_add ("/cli-german/flags-text", Fixture, NULL, setup, test_flags_text, teardown);
  g_test_add ("/cli-german/flags-json-is-english", Fixture, NULL, setup, test_flags_json_is_english, teardown);
  g_test_add ("/cli-german/export-is-english", Fixture, NULL, setup, test_export_is_english, teardown);
  g_test_add ("/cli-german/usage-error", Fixture, NULL, setup, test_usage_error, teardown);
  g_test_add ("/cli-german/report", Fixture, NULL, setup, test_report, teardown);
  return g_test_run ();
}
