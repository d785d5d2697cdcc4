/* md-output.h: the one way Menodiary writes a file of hers (CSV, PDF, PNG, SVG, backups).
 *
 * Private from the first byte and never half-written: the data goes to a fresh temporary file
 * in the target's folder (created with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600), every write,
 * the fsync and the close are checked, and only then is it renamed over the target. On any
 * failure the temporary file is removed and the target is left as it was. A symlink planted at
 * the target is replaced, never followed; a device or FIFO at the target (or "-", standard
 * output) is written into directly, never replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _MdOutput MdOutput;

/* Starts writing @path ("-" for standard output). Fails (naming @path) when its folder is
 * missing, it is a folder, or the temporary file cannot be created. */
MdOutput   *md_output_new        (const char  *path,
                                  GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Writes all of @data. After a failure every later write fails too, with the first error. */
gboolean    md_output_write      (MdOutput    *self,
                                  const void  *data,
                                  gsize        length,
                                  GError     **error);
/* FALSE, with the first error, once a write has failed. */
gboolean    md_output_check      (MdOutput    *self,
                                  GError     **error);
/* Flushes, syncs, closes and renames; frees @self. On failure the target is untouched. */
gboolean    md_output_commit     (MdOutput    *self,
                                  GError     **error);
/* Removes the temporary file and frees @self (NULL is fine). */
void        md_output_abort      (MdOutput    *self);

/* The temporary file being written (NULL when writing into a device, FIFO or standard
 * output). A writer that must fill the file itself by name, such as SQLite's backup, writes
 * there and then calls md_output_commit(). */
const char *md_output_get_temp_path (MdOutput *self);

/* Writes @length bytes of @data to @path in one go, through the steps above. */
gboolean    md_output_write_file (const char  *path,
                                  const void  *data,
                                  gsize        length,
                                  GError     **error);

/* Removes temporary files of ours left in @dir by a process that was killed (only regular
 * files owned by this user, named as md_output names them, whose process is gone). */
void        md_output_clean_stale (const char *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdOutput, md_output_abort)

G_END_DECLS
