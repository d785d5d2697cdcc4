/* md-test-utils.h: helpers shared by the test programs. */
#pragma once

#include <glib.h>

#include "md-episode.h"
#include "md-store.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed with its contents by md_test_rmdir. */
char      *md_test_mkdtemp      (void);
void       md_test_rmdir        (const char *dir);

/* A new empty store in a fresh temporary folder; *dir receives the folder. */
MdStore   *md_test_store_new    (char **dir);

/* An episode at @start_utc with sensible defaults (eyelid-lower, left, 60 s, intensity 3). */
MdEpisode *md_test_episode      (gint64 start_utc);

/* Runs the real menodiary binary ($MENODIARY_BIN) with @argv (NULL-terminated, without argv[0]),
 * feeding @stdin_text if not NULL; returns the exit status and the captured outputs. */
int        md_test_run_cli      (const char * const *argv,
                                 const char         *stdin_text,
                                 char              **out,
                                 char              **err);

/* The same with @env (name, value, ..., NULL) set for the child. */
int        md_test_run_cli_env  (const char * const *argv,
                                 const char * const *env,
                                 const char         *stdin_text,
                                 char              **out,
                                 char              **err);

/* Reads a whole file into a string (asserts it exists). */
char      *md_test_read_file    (const char *path);

G_END_DECLS
