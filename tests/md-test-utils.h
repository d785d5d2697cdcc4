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

/* Creates an empty diary at @path, as the window does. */
void       md_test_create_diary (const char *path);

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
/* md_test_run_cli with @setup run in the child before exec (a lower uid, a file size limit). */
int        md_test_run_cli_setup (const char * const  *argv,
                                  const char          *stdin_text,
                                  GSpawnChildSetupFunc setup,
                                  gpointer             setup_data,
                                  char               **out,
                                  char               **err);

/* The uid to run the binary as when a test needs permissions to hold: "nobody" when the tests
 * run as root (root ignores file modes), else our own. md_test_drop_privileges_cb is a child
 * setup function that switches to it. */
guint      md_test_unprivileged_uid     (void);
void       md_test_drop_privileges_cb   (gpointer data);

/* Counts the episodes of @db through a read-only store. */
guint      md_test_count_episodes (const char *db);
/* All of the above: @env (name, value, ..., NULL) and @setup, both optional. */
int        md_test_run_cli_full (const char * const  *argv,
                                 const char * const  *env,
                                 const char          *stdin_text,
                                 GSpawnChildSetupFunc setup,
                                 gpointer             setup_data,
                                 char               **out,
                                 char               **err);

/* Reads a whole file into a string (asserts it exists). */
char      *md_test_read_file    (const char *path);

G_END_DECLS
