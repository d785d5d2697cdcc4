/* test-cli-chart.c: `menodiary --chart` through the real binary, with no display. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>

#include "md-checkin.h"
#include "md-test-utils.h"

typedef struct {
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(MdStore) store = md_test_store_new (&f->dir);
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) md_episode_free);
  g_autoptr(MdCheckin) c = md_checkin_new (20000);
  g_autoptr(GError) error = NULL;

  /* 2024-10-01 .. 2024-10-05, a few episodes a day. */
  for (int d = 0; d < 5; d++)
    for (int i = 0; i <= d; i++)
      g_ptr_array_add (episodes, md_test_episode ((19997 + d) * 86400 + (8 + i) * 3600));
  g_assert_true (md_store_add_episodes (store, episodes, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  c->stress = 8;
  g_assert_true (md_store_put_checkin (store, c, &error));
  f->db = g_build_filename (f->dir, "diary.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static int
run (Fixture *f, const char *kind, const char *output, const char * const *extra, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  if (kind != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--chart");
      g_ptr_array_add (argv, (gpointer) kind);
    }
  if (output != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--output");
      g_ptr_array_add (argv, (gpointer) output);
    }
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra[i]);
  g_ptr_array_add (argv, NULL);
  return md_test_run_cli ((const char * const *) argv->pdata, "", NULL, err);
}

static void
test_png_size (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->dir, "freq.png", NULL);
  g_autofree char *def = g_build_filename (f->dir, "default.png", NULL);
  const char *size[] = { "--from", "2024-09-20", "--to", "2024-10-10", "--width", "640", "--height", "360", NULL };
  cairo_surface_t *s;

  g_assert_cmpint (run (f, "frequency", png, size, NULL), ==, 0);
  s = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, 640);
  {
    GStatBuf st;

    /* Health data: the picture is private to her too. */
    g_assert_cmpint (g_stat (png, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, 360);
  cairo_surface_destroy (s);

  /* Defaults: 800 x 450 (last 90 days up to today: nothing logged there, still a picture). */
  g_assert_cmpint (run (f, "time-of-day", def, NULL, NULL), ==, 0);
  s = cairo_image_surface_create_from_png (def);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, 450);
  cairo_surface_destroy (s);
}

static void
test_every_kind_and_format (Fixture *f, gconstpointer data)
{
  static const char *kinds[] = { "frequency", "duration", "face", "sides", "regions", "time-of-day", "triggers" };
  static const char *exts[] = { "png", "svg", "pdf" };
  const char *range[] = { "--from", "2024-09-01", "--to", "2024-10-05", NULL };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint e = 0; e < G_N_ELEMENTS (exts); e++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", kinds[k], exts[e]);
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        g_autofree char *head = NULL;
        g_autofree char *err = NULL;
        gsize len = 0;

        g_assert_cmpint (run (f, kinds[k], path, range, &err), ==, 0);
        g_assert_true (err == NULL || *err == '\0');
        g_assert_true (g_file_get_contents (path, &head, &len, NULL));
        g_assert_cmpuint (len, >, 100);
        if (e == 0)
          g_assert_true (memcmp (head, "\x89PNG", 4) == 0);
        else if (e == 1)
          g_assert_nonnull (strstr (head, "<svg"));
        else
          g_assert_true (g_str_has_prefix (head, "%PDF"));
      }
}

static void
test_usage_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->dir, "x.png", NULL);
  g_autofree char *jpg = g_build_filename (f->dir, "x.jpg", NULL);
  const char *bad_date[] = { "--from", "2024-13-01", NULL };
  const char *reversed[] = { "--from", "2024-10-05", "--to", "2024-10-01", NULL };
  const char *narrow[] = { "--width", "199", NULL };
  const char *huge[] = { "--height", "4001", NULL };
  const char *edge[] = { "--width", "200", "--height", "4000", NULL };
  const char *no_chart[] = { "--width", "300", NULL };
  const char *two[] = { "--flags", NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (run (f, "pie", png, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Unknown chart kind"));
  g_assert_cmpint (run (f, "frequency", jpg, NULL, NULL), ==, 2);
  g_assert_cmpint (run (f, "frequency", NULL, NULL, NULL), ==, 2);
  g_assert_cmpint (run (f, "frequency", png, bad_date, NULL), ==, 2);
  g_assert_cmpint (run (f, "frequency", png, reversed, NULL), ==, 2);
  g_assert_cmpint (run (f, "frequency", png, narrow, NULL), ==, 2);
  g_assert_cmpint (run (f, "frequency", png, huge, NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, png, no_chart, NULL), ==, 2);
  g_assert_cmpint (run (f, "frequency", png, two, NULL), ==, 2);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (f, "frequency", png, edge, NULL), ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_unusable_diary (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->dir, "x.png", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autofree char *err = NULL;
  const char *argv[] = { "--db", junk, "--chart", "frequency", "--output", png, NULL };

  g_assert_true (g_file_set_contents (junk, "this is not a database, not at all, really not", -1, NULL));
  g_assert_cmpint (md_test_run_cli (argv, "", NULL, &err), ==, 1);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_face_hook (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->dir, "face.png", NULL);
  g_autofree char *err = NULL;
  const char *size[] = { "--width", "500", "--height", "420", "--from", "2024-09-01", "--to", "2024-10-05", NULL };
  cairo_surface_t *s;

  g_assert_cmpint (run (f, "face", png, size, &err), ==, 0);
  s = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, 500);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, 420);
  cairo_surface_destroy (s);
}

static void
test_file_has_title (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "titled.pdf", NULL);
  const char *range[] = { "--from", "2024-09-01", "--to", "2024-10-05", NULL };
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *tool = g_find_program_in_path ("pdftotext");

  /* A saved chart says what it shows and for which days. */
  g_assert_cmpint (run (f, "frequency", pdf, range, NULL), ==, 0);
  if (tool == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "How often, 2024-09-01 to 2024-10-05"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-chart/png-size", Fixture, NULL, fixture_set_up, test_png_size, fixture_tear_down);
  g_test_add ("/cli-chart/file-has-title", Fixture, NULL, fixture_set_up, test_file_has_title, fixture_tear_down);
  g_test_add ("/cli-chart/every-kind-and-format", Fixture, NULL, fixture_set_up, test_every_kind_and_format, fixture_tear_down);
  g_test_add ("/cli-chart/usage-errors", Fixture, NULL, fixture_set_up, test_usage_errors, fixture_tear_down);
  g_test_add ("/cli-chart/unusable-diary", Fixture, NULL, fixture_set_up, test_unusable_diary, fixture_tear_down);
  g_test_add ("/cli-chart/face-hook", Fixture, NULL, fixture_set_up, test_face_hook, fixture_tear_down);
  return g_test_run ();
}
