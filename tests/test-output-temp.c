/* test-output-temp.c: md-output in-process, where a test can know the temporary name in advance
 * (the random part comes from GLib's global generator, which the test seeds). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "md-output.h"
#include "md-test-utils.h"

/* The name md-output will try first after g_random_set_seed (@seed). */
static char *
first_temp_name (const char *dir,
                 const char *base,
                 guint32     seed)
{
  static const char alnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char rand_part[7];
  g_autofree char *name = NULL;

  g_random_set_seed (seed);
  for (guint i = 0; i < 6; i++)
    rand_part[i] = alnum[g_random_int_range (0, sizeof alnum - 1)];
  rand_part[6] = '\0';
  name = g_strdup_printf (".%s.%ld.%s.md-tmp", base, (long) getpid (), rand_part);
  return g_build_filename (dir, name, NULL);
}

/* A symlink planted at the temporary name (by someone who guessed it) is never followed. */
static void
test_symlink_at_temp_name (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *target = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *victim = g_build_filename (dir, "victim", NULL);
  g_autofree char *planted = first_temp_name (dir, "export.csv", 42);
  g_autofree char *kept = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  MdOutput *out;
  GStatBuf st;

  g_assert_true (g_file_set_contents (victim, "VICTIM", -1, NULL));
  g_assert_cmpint (symlink (victim, planted), ==, 0);

  g_random_set_seed (42);
  out = md_output_new (target, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_output_get_temp_path (out), !=, planted);
  g_assert_true (md_output_write (out, "data\n", 5, &error));
  g_assert_true (md_output_commit (out, &error));
  g_assert_no_error (error);

  kept = md_test_read_file (victim);
  g_assert_cmpstr (kept, ==, "VICTIM");
  written = md_test_read_file (target);
  g_assert_cmpstr (written, ==, "data\n");
  g_assert_cmpint (g_lstat (planted, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  md_test_rmdir (dir);
}

/* A failed write leaves neither the target nor a temporary, and keeps an older target. */
static void
test_abort_keeps_old (void)
{
  g_autofree char *dir = md_test_mkdtemp ();
  g_autofree char *target = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  MdOutput *out;
  guint n = 0;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  out = md_output_new (target, &error);
  g_assert_no_error (error);
  g_assert_true (md_output_write (out, "half", 4, &error));
  md_output_abort (out);
  kept = md_test_read_file (target);
  g_assert_cmpstr (kept, ==, "old");
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
  md_test_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/output/symlink-at-temp-name", test_symlink_at_temp_name);
  g_test_add_func ("/output/abort-keeps-old", test_abort_keeps_old);
  return g_test_run ();
}
