/* md-flag-acks.c: "Discussed with my doctor" marks, in the flag_ack table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-flag-acks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "md-flag-acks.h"

static gboolean
sql_failed (MdStore  *store,
            int       rc,
            GError  **error)
{
  md_store_set_error (store, rc, error);
  md_store_rollback (store);
  return FALSE;
}

/* Runs one write (INSERT/DELETE with @rule and optional evidence) in a transaction. */
static gboolean
write_row (MdStore     *store,
           const char  *sql,
           const char  *rule,
           const char  *evidence,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!md_store_begin (store, error))
    return FALSE;
  stmt = md_store_prepare (store, sql, error);
  if (stmt == NULL)
    {
      md_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, rule, -1, SQLITE_TRANSIENT);
  if (evidence != NULL)
    {
      sqlite3_bind_int64 (stmt, 2, md_store_get_now (store));
      sqlite3_bind_text (stmt, 3, evidence, -1, SQLITE_TRANSIENT);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_failed (store, rc, error);
  if (!md_store_commit (store, error))
    return FALSE;
  md_store_emit_changed (store);
  return TRUE;
}

gboolean
md_flag_ack (MdStore      *store,
             const MdFlag *flag,
             GError      **error)
{
  g_autoptr(GString) evidence = g_string_new (NULL);

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (flag != NULL && flag->rule != NULL, FALSE);

  for (guint i = 0; flag->episodes != NULL && i < flag->episodes->len; i++)
    g_string_append_printf (evidence, "%s%" G_GINT64_FORMAT, i > 0 ? ";" : "",
                            g_array_index (flag->episodes, gint64, i));
  return write_row (store,
                    "INSERT OR REPLACE INTO flag_ack (rule, acked_utc, evidence) VALUES (?1, ?2, ?3)",
                    flag->rule, evidence->str, error);
}

gboolean
md_flag_unack (MdStore     *store,
               const char  *rule,
               GError     **error)
{
  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  return write_row (store, "DELETE FROM flag_ack WHERE rule = ?1", rule, NULL, error);
}

static int
compare_ids (const void *a,
             const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

gboolean
md_flag_is_acked (MdStore      *store,
                  const MdFlag *flag)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GArray) acked = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean found = FALSE;

  g_return_val_if_fail (MD_IS_STORE (store), FALSE);
  g_return_val_if_fail (flag != NULL && flag->rule != NULL, FALSE);

  stmt = md_store_prepare (store, "SELECT evidence FROM flag_ack WHERE rule = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, flag->rule, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *p = (const char *) sqlite3_column_text (stmt, 0);

      found = TRUE;
      while (p != NULL && *p != '\0')
        {
          char *end = NULL;
          gint64 id = g_ascii_strtoll (p, &end, 10);

          if (end == p)
            break;
          g_array_append_val (acked, id);
          p = *end == ';' ? end + 1 : end;
        }
    }
  sqlite3_reset (stmt);
  if (!found)
    return FALSE;

  g_array_sort (acked, compare_ids);
  for (guint i = 0; flag->episodes != NULL && i < flag->episodes->len; i++)
    {
      gint64 id = g_array_index (flag->episodes, gint64, i);

      if (bsearch (&id, acked->data, acked->len, sizeof (gint64), compare_ids) == NULL)
        return FALSE;
    }
  return TRUE;
}

void
md_flags_mark_discussed (MdStore   *store,
                         GPtrArray *flags)
{
  for (guint i = 0; flags != NULL && i < flags->len; i++)
    {
      MdFlag *flag = g_ptr_array_index (flags, i);

      flag->discussed = md_flag_is_acked (store, flag);
    }
}
