/* test-cli-report.c: `menodiary --report` through the real binary, with no display. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "md-test-utils.h"

typedef struct {
  char *dir;
  char *db;
  char *pdf;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(MdStore) store = md_test_store_new (&f->dir);
  g_autoptr(GPtrArray) eps = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);

  /* 2025-03-01 .. 2025-03-10, one episode a day, the last one with pain. */
  for (int d = 0; d < 10; d++)
    {
      MdEpisode *ep = md_test_episode ((20148 + d) * 86400 + 9 * 3600);
      if (d == 9)
        ep->signs = MD_BIT (MD_SIGN_PAIN);
      g_ptr_array_add (eps, ep);
    }
  g_assert_true (md_store_add_episodes (store, eps, FALSE, NULL, NULL, NULL));
  f->db = g_build_filename (f->dir, "diary.db", NULL);
  f->pdf = g_build_filename (f->dir, "summary.pdf", NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->pdf);
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
test_writes_pdf (Fixture *f, gconstpointer data)
{
  const char *argv[] = { "--db", f->db, "--report", f->pdf, "--from", "2025-03-01", "--to", "2025-03-31",
                         "--paper", "letter", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_cmpint (md_test_run_cli (argv, "", &out, &err), ==, 0);
  g_assert_cmpint (g_stat (f->pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  text = pdf_text (f->pdf);
  g_assert_nonnull (strstr (text, "Period 2025-03-01 to 2025-03-31 (31 days)"));
  g_assert_nonnull (strstr (text, "Pain with the twitching"));
  g_assert_nonnull (strstr (text, "Twitching on 10 of the 31 days from 2025-03-01 to"));
}

static void
test_empty_period_is_not_an_error (Fixture *f, gconstpointer data)
{
  const char *argv[] = { "--db", f->db, "--report", f->pdf, "--from", "2024-01-01", "--to", "2024-01-31", NULL };
  g_autofree char *text = NULL;

  g_assert_cmpint (md_test_run_cli (argv, "", NULL, NULL), ==, 0);
  text = pdf_text (f->pdf);
  g_assert_nonnull (strstr (text, "No twitching was logged in this period"));
}

typedef struct {
  const char *path;
  const char *args[8];
  int         status;
} UsageCase;

static const UsageCase usage_cases[] = {
  { "/cli-report/usage/not-pdf", { "--report", "PDF:summary.txt", NULL }, 2 },
  { "/cli-report/usage/bad-paper", { "--report", "PDF:s.pdf", "--paper", "a5", NULL }, 2 },
  { "/cli-report/usage/from-after-to", { "--report", "PDF:s.pdf", "--from", "2025-03-10", "--to", "2025-03-01", NULL }, 2 },
  { "/cli-report/usage/bad-date", { "--report", "PDF:s.pdf", "--from", "2025-02-30", NULL }, 2 },
  { "/cli-report/usage/paper-without-report", { "--paper", "a4", NULL }, 2 },
  { "/cli-report/usage/with-output", { "--report", "PDF:s.pdf", "--output", "x.png", NULL }, 2 },
  { "/cli-report/usage/with-flags", { "--report", "PDF:s.pdf", "--flags", NULL }, 2 },
  { "/cli-report/usage/folder-missing", { "--report", "/nonexistent-folder/s.pdf", NULL }, 1 },
  { "/cli/usage/extra-argument", { "--flags", "stray", NULL }, 2 },
  { "/cli/usage/extra-argument-alone", { "stray", NULL }, 2 },
  { "/cli/usage/width-zero", { "--chart", "frequency", "--output", "PDF:x.png", "--width", "0", NULL }, 2 },
  { "/cli/usage/width-not-a-number", { "--chart", "frequency", "--output", "PDF:x.png", "--height", "20x", NULL }, 2 },
  { "/cli/usage/from-alone", { "--from", "2025-01-01", NULL }, 2 },
};

static void
test_usage (Fixture *f, gconstpointer data)
{
  const UsageCase *c = data;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (f->db));
  for (guint i = 0; c->args[i] != NULL; i++)
    g_ptr_array_add (argv, g_str_has_prefix (c->args[i], "PDF:") ?
                           g_build_filename (f->dir, c->args[i] + 4, NULL) : g_strdup (c->args[i]));
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (md_test_run_cli ((const char * const *) argv->pdata, "", NULL, &err), ==, c->status);
  g_assert_nonnull (err);
  g_assert_true (g_str_has_prefix (err, "menodiary: "));
}

static void
test_corrupt_diary (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = g_build_filename (f->dir, "bad.db", NULL);
  const char *argv[] = { "--db", bad, "--report", f->pdf, NULL };

  g_assert_true (g_file_set_contents (bad, "not a database at all, just some text\n", -1, NULL));
  g_assert_cmpint (md_test_run_cli (argv, "", NULL, NULL), ==, 1);
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-report/writes-pdf", Fixture, NULL, setup, test_writes_pdf, teardown);
  g_test_add ("/cli-report/empty-period", Fixture, NULL, setup, test_empty_period_is_not_an_error, teardown);
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    g_test_add (usage_cases[i].path, Fixture, &usage_cases[i], setup, test_usage, teardown);
  g_test_add ("/cli-report/corrupt-diary", Fixture, NULL, setup, test_corrupt_diary, teardown);
  return g_test_run ();
}
