/* test-output.c: the one writer of her files (md-output): private from the first byte, whole or
 * absent, never through a planted link, never a device replaced. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "md-output.h"
#include "md-test-utils.h"

typedef struct {
  char *dir;
  char *target;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = md_test_mkdtemp ();
  f->target = g_build_filename (f->dir, "out.csv", NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  md_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->target);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static mode_t
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  return st.st_mode;
}

/* Whatever the umask, the file is 0600 and there is nothing else in the folder. */
static void
test_private_and_whole (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;
  mode_t old = umask (0);

  g_assert_true (md_output_write_file (f->target, "a,b\n", 4, &error));
  umask (old);
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (f->target) & 07777, ==, 0600);
  back = md_test_read_file (f->target);
  g_assert_cmpstr (back, ==, "a,b\n");
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
}

/* The temporary file is 0600 from the first byte, in the target's folder, under a fresh name. */
static void
test_temp_file (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  MdOutput *out = md_output_new (f->target, &error);
  const char *temp;
  g_autofree char *temp_dir = NULL;

  g_assert_no_error (error);
  temp = md_output_get_temp_path (out);
  g_assert_nonnull (temp);
  temp_dir = g_path_get_dirname (temp);
  g_assert_cmpstr (temp_dir, ==, f->dir);
  g_assert_cmpint (mode_of (temp) & 07777, ==, 0600);
  g_assert_false (g_file_test (f->target, G_FILE_TEST_EXISTS));
  g_assert_true (md_output_write (out, "x", 1, &error));
  md_output_abort (out);
  g_assert_cmpuint (count_entries (f->dir), ==, 0);
}

/* A link planted at the target is replaced, its target left alone. */
static void
test_symlink_target (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *victim = g_build_filename (f->dir, "victim.txt", NULL);
  g_autofree char *kept = NULL;

  g_assert_true (g_file_set_contents (victim, "precious", -1, NULL));
  g_assert_cmpint (symlink (victim, f->target), ==, 0);
  g_assert_true (md_output_write_file (f->target, "data", 4, &error));
  g_assert_no_error (error);
  kept = md_test_read_file (victim);
  g_assert_cmpstr (kept, ==, "precious");
  g_assert_true (S_ISREG (mode_of (f->target)));
  g_assert_cmpint (mode_of (f->target) & 07777, ==, 0600);
}

/* A file already at the target, readable by all, is replaced by a fresh private one (a new
 * inode: whoever held the old one open does not receive her data). */
static void
test_existing_file_replaced (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  struct stat before, after;

  g_assert_true (g_file_set_contents (f->target, "old", -1, NULL));
  g_assert_cmpint (chmod (f->target, 0666), ==, 0);
  g_assert_cmpint (stat (f->target, &before), ==, 0);
  g_assert_true (md_output_write_file (f->target, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (f->target, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_assert_cmpint (after.st_mode & 07777, ==, 0600);
}

/* A FIFO at the target is written into, not replaced. */
static void
test_fifo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  char buf[16] = { 0 };
  pid_t pid;
  int fd, status;

  g_assert_cmpint (mkfifo (f->target, 0600), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (md_output_write_file (f->target, "fifo!", 5, NULL) ? 0 : 1);
  fd = open (f->target, O_RDONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (read (fd, buf, sizeof buf - 1), ==, 5);
  close (fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpstr (buf, ==, "fifo!");
  g_assert_true (S_ISFIFO (mode_of (f->target)));
  g_assert_no_error (error);
}

static void
test_missing_folder (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nope", "out.csv", NULL);

  g_assert_false (md_output_write_file (path, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (count_entries (f->dir), ==, 0);
}

static void
test_folder_target (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (f->target, 0700), ==, 0);
  g_assert_false (md_output_write_file (f->target, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

/* A write that fails (the file-size limit stands in for a full disk) leaves the old target as it
 * was and no temporary file behind. */
static void
test_write_error (Fixture *f, gconstpointer data)
{
  pid_t pid;
  int status;
  g_autofree char *kept = NULL;

  g_assert_true (g_file_set_contents (f->target, "the old export", -1, NULL));
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit lim = { 4096, 4096 };
      g_autofree char *big = g_malloc0 (100000);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &lim);
      ok = md_output_write_file (f->target, big, 100000, &error);
      _exit (!ok && error != NULL && strstr (error->message, f->target) != NULL ? 0 : 1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  kept = md_test_read_file (f->target);
  g_assert_cmpstr (kept, ==, "the old export");
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
}

/* A process killed mid-write leaves its temporary file; the next write removes it, but never
 * the temporary file of a process that is still running, nor a file that is not ours. */
static void
test_clean_stale (Fixture *f, gconstpointer data)
{
  g_autofree char *dead = NULL, *alive = NULL, *other = NULL;
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  dead = g_strdup_printf ("%s/.out.csv.%d.abcDEF.md-tmp", f->dir, (int) pid);
  alive = g_strdup_printf ("%s/.out.csv.%d.abcDEF.md-tmp", f->dir, (int) getppid ());
  other = g_strdup_printf ("%s/.out.csv.%d.abcDEF.tmp", f->dir, (int) pid);
  g_assert_true (g_file_set_contents (dead, "half", -1, NULL));
  g_assert_true (g_file_set_contents (alive, "busy", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
  g_assert_true (md_output_write_file (f->target, "x", 1, NULL));
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (alive, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/output/private-and-whole", test_private_and_whole);
  ADD ("/output/temp-file", test_temp_file);
  ADD ("/output/symlink-target", test_symlink_target);
  ADD ("/output/existing-file-replaced", test_existing_file_replaced);
  ADD ("/output/fifo", test_fifo);
  ADD ("/output/missing-folder", test_missing_folder);
  ADD ("/output/folder-target", test_folder_target);
  ADD ("/output/write-error", test_write_error);
  ADD ("/output/clean-stale", test_clean_stale);
#undef ADD

  return g_test_run ();
}
