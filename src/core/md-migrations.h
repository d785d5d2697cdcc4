/* md-migrations.h: the ordered schema migrations of the diary (PRAGMA user_version). */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

int      md_migrations_latest (void);
/* Brings @db from its user_version up to the latest, each step in its own transaction.
 * Fails (MD_STORE_ERROR_TOO_NEW) when the file comes from a newer Menodiary. */
gboolean md_migrations_run    (sqlite3    *db,
                               const char *path,     /* for messages */
                               GError    **error);

G_END_DECLS
