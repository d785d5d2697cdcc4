/* md-cli.c: the headless commands, run from GApplication::handle-local-options.
 *
 * Nothing here touches GTK: these run with no display. Exit 0 = done, 1 = bad data (or a
 * diary that cannot be used), 2 = bad usage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "md-checkin-csv.h"
#include "md-cli.h"
#include "md-csv.h"
#include "md-flag-acks.h"
#include "md-rules.h"
#include "md-store.h"
#include "md-time.h"

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the diary at PATH instead of the default one"), N_("PATH") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Import episodes or check-ins from a CSV file (all or nothing; the header tells which)"), N_("CSV") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Export every episode to a CSV file (- for standard output)"), N_("CSV") },
  { "export-checkins", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Export every daily check-in to a CSV file (- for standard output)"), N_("CSV") },
  { "flags", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the warning signs found in the diary"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --flags: print JSON"), NULL },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --flags: evaluate at this instant (ISO 8601) instead of now"), N_("INSTANT") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

void
md_cli_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, entries);
  g_application_set_option_context_parameter_string (app, NULL);
  g_application_set_option_context_summary (app,
    _("Menodiary keeps a private diary of facial twitching. With no option it opens the window."));
}

static MdStore *
open_store (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  MdStore *store;

  if (!g_variant_dict_lookup (options, "db", "^ay", &path))
    path = md_store_default_path ();
  store = md_store_open (path, &error);
  if (store == NULL)
    g_printerr ("menodiary: %s\n", error->message);
  return store;
}

static int
run_import (MdStore    *store,
            const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  guint added = 0, other = 0;
  MdCsvKind kind;

  if (!md_csv_import_any_file (store, file, &kind, &added, &other, &row_errors, &error))
    {
      if (row_errors != NULL && row_errors->len > 0)
        {
          for (guint i = 0; i < row_errors->len; i++)
            g_printerr ("%s\n", (const char *) g_ptr_array_index (row_errors, i));
        }
      g_printerr ("menodiary: %s\n", error->message);
      return MD_EXIT_BAD_DATA;
    }
  if (kind == MD_CSV_KIND_CHECKINS)
    g_print ("imported %u check-ins, replaced %u\n", added, other);
  else
    g_print ("imported %u, skipped %u\n", added, other);
  return MD_EXIT_OK;
}

static int
run_export (MdStore    *store,
            const char *file,
            gboolean    checkins)
{
  g_autoptr(GError) error = NULL;

  if (!(checkins ? md_checkin_csv_export_file (store, file, &error) : md_csv_export_file (store, file, &error)))
    {
      g_printerr ("menodiary: %s\n", error->message);
      return MD_EXIT_BAD_DATA;
    }
  return MD_EXIT_OK;
}

static int
run_flags (MdStore    *store,
           gboolean    json,
           gint64      as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autofree char *text = NULL;
  MdLevel overall = MD_LEVEL_NONE;

  episodes = md_store_episodes_between (store, G_MININT64, G_MAXINT64, &error);
  if (episodes == NULL)
    {
      g_printerr ("menodiary: %s\n", error->message);
      return MD_EXIT_BAD_DATA;
    }
  flags = md_rules_evaluate ((MdEpisode * const *) episodes->pdata, episodes->len, as_of, &overall);
  md_flags_mark_discussed (store, flags);
  text = json ? md_rules_to_json (flags, overall, as_of) : md_rules_to_text (flags, overall);
  g_print ("%s", text);
  return MD_EXIT_OK;
}

static int
usage_error (const char *message)
{
  g_printerr ("menodiary: %s\n", message);
  g_printerr ("%s\n", _("Run “menodiary --help” to see the options."));
  return MD_EXIT_USAGE;
}

int
md_cli_run (GVariantDict *options)
{
  g_autoptr(MdStore) store = NULL;
  g_autofree char *import_file = NULL;
  g_autofree char *export_file = NULL;
  g_autofree char *checkins_file = NULL;
  g_autofree char *as_of_text = NULL;
  gboolean flags = g_variant_dict_contains (options, "flags");
  gboolean json = g_variant_dict_contains (options, "json");
  gint64 as_of = md_time_now ();
  guint n_commands;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("menodiary %s\n", PACKAGE_VERSION);
      return MD_EXIT_OK;
    }

  g_variant_dict_lookup (options, "import", "^ay", &import_file);
  g_variant_dict_lookup (options, "export", "^ay", &export_file);
  g_variant_dict_lookup (options, "export-checkins", "^ay", &checkins_file);
  g_variant_dict_lookup (options, "as-of", "s", &as_of_text);

  n_commands = (import_file != NULL) + (export_file != NULL) + (checkins_file != NULL) + (flags != FALSE);
  if (n_commands == 0)
    {
      if (json || as_of_text != NULL)
        return usage_error (_("--json and --as-of go with --flags."));
      return -1;
    }
  if (n_commands > 1)
    return usage_error (_("Give one command at a time: --import, --export, --export-checkins or --flags."));
  if ((json || as_of_text != NULL) && !flags)
    return usage_error (_("--json and --as-of go with --flags."));
  if ((import_file != NULL && *import_file == '\0') || (export_file != NULL && *export_file == '\0') ||
      (checkins_file != NULL && *checkins_file == '\0'))
    return usage_error (_("A file name is missing."));
  if (as_of_text != NULL)
    {
      g_autoptr(GError) error = NULL;
      gint32 offset;

      if (!md_time_parse_iso8601 (as_of_text, NULL, &as_of, &offset, &error))
        return usage_error (error->message);
    }

  store = open_store (options);
  if (store == NULL)
    return MD_EXIT_BAD_DATA;

  if (import_file != NULL)
    return run_import (store, import_file);
  if (export_file != NULL)
    return run_export (store, export_file, FALSE);
  if (checkins_file != NULL)
    return run_export (store, checkins_file, TRUE);
  return run_flags (store, json, as_of);
}
