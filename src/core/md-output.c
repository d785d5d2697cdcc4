/* md-output.c: private, whole-or-nothing file writing (see md-output.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "md-output.h"

#define TEMP_SUFFIX ".md-tmp"
#define TEMP_BASE_MAX 80

/* SQLite's side files of a temporary it fills (VACUUM INTO keeps a rollback journal). */
static const char * const side_suffixes[] = { "-journal", "-wal", "-shm" };

struct _MdOutput
{
  char     *path;
  char     *temp_path;   /* NULL when writing straight into a device, FIFO or stdout */
  int       fd;
  gboolean  owns_fd;
  GError   *error;       /* the first failure, sticky */
};

static void
set_errno_error (MdOutput   *self,
                 int         saved)
{
  if (self->error != NULL)
    return;
  if (saved == ENOSPC || saved == EDQUOT)
    g_set_error (&self->error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not write “%s”: the disk is full. Nothing was written."), self->path);
  else
    g_set_error (&self->error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not write “%s”: %s. Nothing was written."), self->path, g_strerror (saved));
}

static gboolean
propagate (MdOutput  *self,
           GError   **error)
{
  if (self->error == NULL)
    return TRUE;
  if (error != NULL)
    *error = g_error_copy (self->error);
  return FALSE;
}

static char *
temp_name_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;
  static const char alnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char rand_part[7];

  if (strlen (base) > TEMP_BASE_MAX)
    base[TEMP_BASE_MAX] = '\0';
  for (guint i = 0; i < 6; i++)
    rand_part[i] = alnum[g_random_int_range (0, sizeof alnum - 1)];
  rand_part[6] = '\0';
  name = g_strdup_printf (".%s.%ld.%s" TEMP_SUFFIX, base, (long) getpid (), rand_part);
  return g_build_filename (dir, name, NULL);
}

MdOutput *
md_output_new (const char  *path,
               GError     **error)
{
  MdOutput *self;
  g_autofree char *dir = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (MdOutput, 1);
  self->path = g_strdup (path);
  self->fd = -1;

  if (strcmp (path, "-") == 0)
    {
      fflush (stdout);
      self->fd = STDOUT_FILENO;
      return self;
    }

  dir = g_path_get_dirname (path);
  if (stat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not write “%s”: the folder “%s” does not exist."), path, dir);
      md_output_abort (self);
      return NULL;
    }

  /* A device or FIFO (reached directly or through a link, like /dev/stdout) is written into. */
  if (stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("Could not write “%s”: it is a folder."), path);
          md_output_abort (self);
          return NULL;
        }
      if (S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode) || S_ISSOCK (st.st_mode))
        {
          self->fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);
          if (self->fd < 0)
            {
              set_errno_error (self, errno);
              propagate (self, error);
              md_output_abort (self);
              return NULL;
            }
          self->owns_fd = TRUE;
          return self;
        }
    }

  md_output_clean_stale (dir);
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_free (self->temp_path);
      self->temp_path = temp_name_for (path);
      /* Private from the first byte; never through a link planted at the temporary name. */
      self->fd = g_open (self->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (self->fd >= 0 || errno != EEXIST)
        break;
    }
  if (self->fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&self->temp_path, g_free);
      set_errno_error (self, saved);
      propagate (self, error);
      md_output_abort (self);
      return NULL;
    }
  self->owns_fd = TRUE;
  /* A umask never widens 0600, but an odd ACL default could: make sure. */
  if (fchmod (self->fd, 0600) != 0)
    set_errno_error (self, errno);
  return self;
}

gboolean
md_output_write (MdOutput    *self,
                 const void  *data,
                 gsize        length,
                 GError     **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);

  while (self->error == NULL && length > 0)
    {
      gssize n = write (self->fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          set_errno_error (self, errno);
          break;
        }
      if (n == 0)
        {
          set_errno_error (self, ENOSPC);
          break;
        }
      p += n;
      length -= (gsize) n;
    }
  return propagate (self, error);
}

gboolean
md_output_check (MdOutput  *self,
                 GError   **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return propagate (self, error);
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
md_output_commit (MdOutput  *self,
                  GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->temp_path != NULL)
    {
      if (self->error == NULL && fsync (self->fd) != 0)
        set_errno_error (self, errno);
    }
  if (self->owns_fd)
    {
      if (close (self->fd) != 0 && errno != EINTR)
        set_errno_error (self, errno);
      self->owns_fd = FALSE;
      self->fd = -1;
    }
  if (self->temp_path != NULL && self->error == NULL)
    {
      if (g_rename (self->temp_path, self->path) != 0)
        set_errno_error (self, errno);
      else
        {
          g_clear_pointer (&self->temp_path, g_free);
          sync_folder (self->path);
        }
    }
  ok = propagate (self, error);
  md_output_abort (self);
  return ok;
}

void
md_output_abort (MdOutput *self)
{
  if (self == NULL)
    return;
  if (self->owns_fd && self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL)
    {
      g_unlink (self->temp_path);
      for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
        {
          g_autofree char *side = g_strconcat (self->temp_path, side_suffixes[i], NULL);

          g_unlink (side);
        }
    }
  g_free (self->temp_path);
  g_free (self->path);
  g_clear_error (&self->error);
  g_free (self);
}

const char *
md_output_get_temp_path (MdOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp_path;
}

gboolean
md_output_write_file (const char  *path,
                      const void  *data,
                      gsize        length,
                      GError     **error)
{
  MdOutput *out = md_output_new (path, error);

  if (out == NULL)
    return FALSE;
  if (!md_output_write (out, data, length, error))
    {
      md_output_abort (out);
      return FALSE;
    }
  return md_output_commit (out, error);
}

/* ".NAME.PID.XXXXXX.md-tmp" (or that name with a SQLite side-file suffix) -> PID, or 0 when
 * @name is not one of ours. */
static pid_t
temp_owner_pid (const char *name)
{
  const char *end, *p;
  g_autofree char *pid_text = NULL;
  g_autofree char *base = g_strdup (name);
  guint64 pid;

  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    if (g_str_has_suffix (base, side_suffixes[i]))
      base[strlen (base) - strlen (side_suffixes[i])] = '\0';
  name = base;
  if (name[0] != '.' || !g_str_has_suffix (name, TEMP_SUFFIX))
    return 0;
  end = name + strlen (name) - strlen (TEMP_SUFFIX);     /* at ".md-tmp" */
  if (end - name < 10 || end[-7] != '.')
    return 0;
  for (p = end - 6; p < end; p++)
    if (!g_ascii_isalnum (*p))
      return 0;
  end -= 7;                                               /* at ".XXXXXX" */
  p = end;
  while (p > name && g_ascii_isdigit (p[-1]))
    p--;
  if (p == end || p - 1 <= name || p[-1] != '.')
    return 0;
  pid_text = g_strndup (p, end - p);
  if (!g_ascii_string_to_unsigned (pid_text, 10, 1, G_MAXINT32, &pid, NULL))
    return 0;
  return (pid_t) pid;
}

void
md_output_clean_stale (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      pid_t pid = temp_owner_pid (name);
      g_autofree char *full = NULL;
      struct stat st;

      if (pid == 0 || pid == getpid ())
        continue;
      if (kill (pid, 0) == 0 || errno != ESRCH)
        continue;
      full = g_build_filename (dir, name, NULL);
      if (lstat (full, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid ())
        g_unlink (full);
    }
}
