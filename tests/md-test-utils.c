/* md-test-utils.c: helpers shared by the test programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <grp.h>
#include <string.h>
#include <unistd.h>

#include "md-test-utils.h"

char *
md_test_mkdtemp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("menodiary-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
md_test_rmdir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    return;
  d = g_dir_open (dir, 0, NULL);
  if (d != NULL)
    {
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            md_test_rmdir (path);
          else
            g_unlink (path);
        }
    }
  g_rmdir (dir);
}

MdStore *
md_test_store_new (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = md_test_mkdtemp ();
  g_autofree char *path = g_build_filename (tmp, "diary.db", NULL);
  MdStore *store = md_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (dir != NULL)
    *dir = g_steal_pointer (&tmp);
  return store;
}

void
md_test_create_diary (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) store = md_store_open (path, &error);

  g_assert_no_error (error);
}

MdEpisode *
md_test_episode (gint64 start_utc)
{
  MdEpisode *ep = md_episode_new ();

  ep->start_utc = start_utc;
  ep->utc_offset_s = 0;
  ep->regions = MD_BIT (MD_REGION_EYELID_LOWER);
  ep->side = MD_SIDE_LEFT;
  ep->duration_s = 60;
  ep->intensity = 3;
  return ep;
}

int
md_test_run_cli (const char * const *argv,
                 const char         *stdin_text,
                 char              **out,
                 char              **err)
{
  return md_test_run_cli_full (argv, NULL, stdin_text, NULL, NULL, out, err);
}

int
md_test_run_cli_env (const char * const *argv,
                     const char * const *env,
                     const char         *stdin_text,
                     char              **out,
                     char              **err)
{
  return md_test_run_cli_full (argv, env, stdin_text, NULL, NULL, out, err);
}

int
md_test_run_cli_setup (const char * const  *argv,
                       const char          *stdin_text,
                       GSpawnChildSetupFunc setup,
                       gpointer             setup_data,
                       char               **out,
                       char               **err)
{
  return md_test_run_cli_full (argv, NULL, stdin_text, setup, setup_data, out, err);
}

guint
md_test_unprivileged_uid (void)
{
  return getuid () == 0 ? 65534 : getuid ();
}

void
md_test_drop_privileges_cb (gpointer data)
{
  if (getuid () != 0)
    return;
  if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
    _exit (99);
}

guint
md_test_count_episodes (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdStore) store = md_store_open_full (db, MD_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return md_store_count_episodes (store);
}

int
md_test_run_cli_full (const char * const  *argv,
                      const char * const  *env,
                      const char          *stdin_text,
                      GSpawnChildSetupFunc setup,
                      gpointer             setup_data,
                      char               **out,
                      char               **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) in_bytes = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  const char *bin = g_getenv ("MENODIARY_BIN");

  g_assert_nonnull (bin);
  g_ptr_array_add (args, (gpointer) bin);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Headless commands must work with no display at all. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL && env[i + 1] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  if (setup != NULL)
    g_subprocess_launcher_set_child_setup (launcher, setup, setup_data, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);

  /* With a stdin pipe, communicate needs a buffer even when there is nothing to send. */
  in_bytes = g_bytes_new (stdin_text != NULL ? stdin_text : "", stdin_text != NULL ? strlen (stdin_text) : 0);
  g_subprocess_communicate (proc, in_bytes, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);

  if (out != NULL)
    *out = g_strndup (g_bytes_get_data (out_bytes, NULL), g_bytes_get_size (out_bytes));
  if (err != NULL)
    *err = g_strndup (g_bytes_get_data (err_bytes, NULL), g_bytes_get_size (err_bytes));

  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

char *
md_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}
