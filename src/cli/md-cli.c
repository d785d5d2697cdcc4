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
#include <locale.h>
#include <stdio.h>

#include "md-backup.h"
#include "md-chart.h"
#include "md-checkin.h"
#include "md-checkin-csv.h"
#include "md-cli.h"
#include "md-emergency.h"
#include "md-report.h"
#include "md-csv.h"
#include "md-diary.h"
#include "md-fhir.h"
#include "md-medicine-csv.h"
#include "md-mrs-csv.h"
#include "md-flag-acks.h"
#include "md-rules.h"
#include "md-store.h"
#include "md-time.h"

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the diary at PATH instead of the default one"), N_("PATH") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Import episodes, check-ins, medicines or rating scale answers from a CSV file (all or nothing; the header tells which)"), N_("CSV") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Export every episode to a CSV file (- for standard output)"), N_("CSV") },
  { "export-checkins", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Export every daily check-in to a CSV file (- for standard output)"), N_("CSV") },
  { "export-medicines", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Export every medicine to a CSV file (- for standard output)"), N_("CSV") },
  { "export-mrs", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Export every Menopause Rating Scale answer to a CSV file (- for standard output)"), N_("CSV") },
  { "export-fhir", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Export the whole diary as a FHIR R4 Bundle in JSON (- for standard output)"), N_("FILE") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write a copy of the diary to FILE (safe while the diary is in use)"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Replace the diary with the copy in FILE (the diary as it was is kept in the backups folder)"), N_("FILE") },
  { "flags", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the warning signs found in the diary"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --flags: print JSON"), NULL },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --flags: evaluate at this instant (ISO 8601) instead of now"), N_("INSTANT") },
  { "chart", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Draw a chart: frequency, duration, face, sides, regions, time-of-day, triggers or mrs"), N_("KIND") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("With --chart: the file to write (.png, .svg or .pdf)"), N_("FILE") },
  { "report", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write the clinician summary as a PDF file"), N_("FILE.pdf") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --report: a4 or letter (default from your region)"), N_("SIZE") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --chart or --report: first day (YYYY-MM-DD; default 89 days before --to)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --chart or --report: last day (YYYY-MM-DD; default today)"), N_("DATE") },
  { "width", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --chart: width in pixels or points, 200 to 4000 (default 800)"), N_("N") },
  { "height", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --chart: height in pixels or points, 200 to 4000 (default 450)"), N_("N") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
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
  g_application_set_option_context_description (app,
    _("A file name of “-” means standard input for --import and standard output for --export, "
      "--export-checkins, --export-medicines, --export-mrs and --export-fhir.\n"
      "Only the window, --import and --restore create a diary that does not exist yet; the other "
      "commands read the diary without changing it.\n"
      "Exit status: 0 done, 1 bad data (a bad CSV row, a missing file, a diary that cannot be used), "
      "2 bad usage."));
}

static char *setting_string (const char *key);

/* Reading commands open the diary read-only and never create one (a mistyped --db must not
 * leave an empty diary behind); only --import and --restore create it. */
static MdDiary *
open_diary (GVariantDict     *options,
            MdStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  MdDiary *diary;

  if (!g_variant_dict_lookup (options, "db", "^ay", &path))
    path = md_store_default_path ();
  diary = md_diary_open_full (path, flags, &error);
  if (diary == NULL)
    g_printerr ("menodiary: %s\n", error->message);
  return diary;
}

static int
run_import (MdDiary    *diary,
            const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  guint added = 0, other = 0;
  MdCsvKind kind;

  if (!md_csv_import_any_file (md_diary_get_store (diary), file, &kind, &added, &other, &row_errors, &error))
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
    /* Translators: after --import of a check-in file: days added, then days replaced. */
    g_print (g_dngettext (GETTEXT_PACKAGE, "imported %u check-in, replaced %u\n",
                          "imported %u check-ins, replaced %u\n", added), added, other);
  else if (kind == MD_CSV_KIND_MEDICINES)
    /* Translators: after --import of a medicines file: medicines added, then replaced. */
    g_print (g_dngettext (GETTEXT_PACKAGE, "imported %u medicine, replaced %u\n",
                          "imported %u medicines, replaced %u\n", added), added, other);
  else if (kind == MD_CSV_KIND_MRS)
    /* Translators: after --import of a Menopause Rating Scale file: days added, then replaced. */
    g_print (g_dngettext (GETTEXT_PACKAGE, "imported %u MRS day, replaced %u\n",
                          "imported %u MRS days, replaced %u\n", added), added, other);
  else
    /* Translators: after --import of an episode file: episodes added, then episodes skipped
     * because the diary already had them. */
    g_print (_("imported %u, skipped %u\n"), added, other);
  return MD_EXIT_OK;
}

typedef enum {
  EXPORT_EPISODES,
  EXPORT_CHECKINS,
  EXPORT_MEDICINES,
  EXPORT_MRS,
  EXPORT_FHIR,
} ExportKind;

static gboolean
export_fhir (MdDiary     *diary,
             const char  *file,
             GError     **error)
{
  g_autofree char *name = setting_string ("patient-name");
  g_autofree char *birth = setting_string ("patient-birth-date");
  g_autofree char *stage = setting_string ("menopause-stage");
  g_autofree char *last = setting_string ("last-period");
  g_autofree char *hrt = setting_string ("hrt");
  MdFhirInfo info = { name, birth, md_time_now (), stage, last, -1 };

  if (g_strcmp0 (hrt, "yes") == 0 || g_strcmp0 (hrt, "no") == 0)
    info.hrt = g_strcmp0 (hrt, "yes") == 0;

  return md_fhir_export_file (diary, &info, file, error);
}

static int
run_export (MdDiary    *diary,
            const char *file,
            ExportKind  kind)
{
  g_autoptr(GError) error = NULL;
  MdStore *store = md_diary_get_store (diary);
  gboolean ok = FALSE;

  switch (kind)
    {
    case EXPORT_EPISODES:  ok = md_csv_export_file (store, file, &error); break;
    case EXPORT_CHECKINS:  ok = md_checkin_csv_export_file (store, file, &error); break;
    case EXPORT_MEDICINES: ok = md_medicine_csv_export_file (store, file, &error); break;
    case EXPORT_MRS:       ok = md_mrs_csv_export_file (store, file, &error); break;
    case EXPORT_FHIR:      ok = export_fhir (diary, file, &error); break;
    default:               g_assert_not_reached ();
    }
  if (!ok)
    {
      g_printerr ("menodiary: %s\n", error->message);
      return MD_EXIT_BAD_DATA;
    }
  return MD_EXIT_OK;
}

static int
run_flags (MdDiary    *diary,
           gboolean    json,
           gint64      as_of)
{
  g_autofree char *text = NULL;
  g_autofree char *number = md_emergency_number_preferred ();
  GPtrArray *alerts;

  locale_t c_locale = (locale_t) 0;
  locale_t old_locale = (locale_t) 0;

  /* JSON is for programs: its texts stay in English and its numbers use a dot whatever the
   * language, so the alerts are worked out in the C locale for it. */
  if (json && (c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0)) != (locale_t) 0)
    old_locale = uselocale (c_locale);
  /* The diary's clock set to --as-of: the same alerts the window would show at that instant. */
  md_diary_set_now (diary, as_of);
  alerts = md_diary_get_alerts (diary);
  text = json ? md_rules_to_json (alerts, md_diary_get_level (diary), as_of)
              : md_rules_to_text (alerts, md_diary_get_level (diary), number);
  if (c_locale != (locale_t) 0)
    {
      uselocale (old_locale);
      freelocale (c_locale);
    }
  /* JSON is UTF-8 whatever the terminal, written as it is (g_print would copy it whole and
   * convert it); the text for people goes through g_print to the terminal's charset. */
  if (json)
    fputs (text, stdout);
  else
    g_print ("%s", text);
  return MD_EXIT_OK;
}

static int
run_backup (MdDiary    *diary,
            const char *file)
{
  g_autoptr(GError) error = NULL;

  if (!md_diary_backup (diary, file, &error))
    {
      g_printerr ("menodiary: %s\n", error->message);
      return MD_EXIT_BAD_DATA;
    }
  return MD_EXIT_OK;
}

/* Not through an open diary: a damaged one can be restored over too (md_backup_restore_path). */
static int
run_restore (GVariantDict *options,
             const char   *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *path = NULL;

  if (!g_variant_dict_lookup (options, "db", "^ay", &path))
    path = md_store_default_path ();
  if (!md_backup_restore_path (path, file, &saved, &error))
    {
      g_printerr ("menodiary: %s\n", error->message);
      return MD_EXIT_BAD_DATA;
    }
  if (saved != NULL)
    g_print (_("restored %s; the diary as it was is in %s\n"), file, saved);
  else
    g_print (_("restored %s\n"), file);
  return MD_EXIT_OK;
}

static int
usage_error (const char *message)
{
  g_printerr ("menodiary: %s\n", message);
  g_printerr ("%s\n", _("Run “menodiary --help” to see the options."));
  return MD_EXIT_USAGE;
}

#define CHART_SIZE_MIN 200
#define CHART_SIZE_MAX 4000
#define CHART_DEFAULT_DAYS 90

/* A size option, strictly a whole number (absent: *value is left as it is). */
static gboolean
lookup_size (GVariantDict *options,
             const char   *name,
             int          *value)
{
  g_autofree char *text = NULL;
  guint64 v;

  if (!g_variant_dict_lookup (options, name, "s", &text))
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, CHART_SIZE_MIN, CHART_SIZE_MAX, &v, NULL))
    return FALSE;
  *value = (int) v;
  return TRUE;
}

static gboolean
chart_options_given (GVariantDict *options)
{
  static const char *names[] = { "output", "from", "to", "width", "height" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_variant_dict_contains (options, names[i]))
      return TRUE;
  return FALSE;
}

static gboolean
lookup_day (GVariantDict *options,
            const char   *name,
            gint64       *day,
            GError      **error)
{
  g_autofree char *text = NULL;

  if (!g_variant_dict_lookup (options, name, "s", &text))
    return TRUE;
  return md_time_parse_date (text, day, error);
}

static char *
setting_string (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, key);
}

/* --report FILE.pdf [--from DATE --to DATE] [--paper a4|letter] */
static int
run_report (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(MdDrawStyle) style = NULL;
  g_autoptr(MdDoc) doc = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *name = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *hrt = NULL;
  g_autofree char *last_period = NULL;
  gint64 now = md_time_now ();
  gint32 offset = md_utc_offset_at (NULL, now);
  MdReportInfo info = { 0 };

  info.to_day = md_time_day_of (now + offset);
  info.made_utc = now;
  info.made_offset_s = offset;
  info.letter = md_report_default_letter ();

  g_variant_dict_lookup (options, "report", "^ay", &output);
  if (output == NULL || *output == '\0')
    return usage_error (_("A file name is missing."));
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    return usage_error (_("The summary is written as PDF: the file name must end in .pdf."));
  if (g_variant_dict_lookup (options, "paper", "s", &paper))
    {
      if (g_ascii_strcasecmp (paper, "a4") == 0)
        info.letter = FALSE;
      else if (g_ascii_strcasecmp (paper, "letter") == 0)
        info.letter = TRUE;
      else
        return usage_error (_("--paper must be a4 or letter."));
    }
  if (!lookup_day (options, "to", &info.to_day, &error))
    return usage_error (error->message);
  info.from_day = info.to_day - (CHART_DEFAULT_DAYS - 1);
  if (!lookup_day (options, "from", &info.from_day, &error))
    return usage_error (error->message);
  if (info.from_day > info.to_day)
    return usage_error (_("--from must not be after --to."));

  diary = open_diary (options, MD_STORE_OPEN_READ_ONLY);
  if (diary == NULL)
    return MD_EXIT_BAD_DATA;
  name = setting_string ("patient-name");
  birth = setting_string ("patient-birth-date");
  stage = setting_string ("menopause-stage");
  hrt = setting_string ("hrt");
  last_period = setting_string ("last-period");
  info.patient_name = name;
  info.birth_date = birth;
  info.stage = stage;
  info.hrt = hrt != NULL && *hrt != '\0' ? hrt : NULL;
  info.last_period = last_period;
  style = md_draw_style_new_default (FALSE);
  doc = md_report_build_for_diary (diary, &info, style, &error);
  if (doc == NULL || !md_doc_write_pdf (doc, output, &error))
    {
      g_printerr ("menodiary: %s\n", error->message);
      return MD_EXIT_BAD_DATA;
    }
  return MD_EXIT_OK;
}

/* --chart KIND --output FILE [--from DATE --to DATE] [--width N --height N] */
static int
run_chart (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) mrs = NULL;
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(MdStats) stats = NULL;
  g_autoptr(MdDrawStyle) style = NULL;
  g_autofree char *kind_id = NULL;
  g_autofree char *output = NULL;
  gint64 now = md_time_now ();
  gint64 to_day = md_time_day_of (now + md_utc_offset_at (NULL, now));
  gint64 from_day;
  int width = 800, height = 450;
  MdChartKind kind;

  g_variant_dict_lookup (options, "chart", "s", &kind_id);
  g_variant_dict_lookup (options, "output", "^ay", &output);
  if (!lookup_size (options, "width", &width) || !lookup_size (options, "height", &height))
    return usage_error (_("--width and --height must be whole numbers between 200 and 4000."));
  if (!md_chart_kind_from_id (kind_id, &kind))
    return usage_error (_("Unknown chart kind: use frequency, duration, face, sides, regions, time-of-day, triggers or mrs."));
  if (output == NULL || *output == '\0')
    return usage_error (_("--chart needs --output FILE."));
  if (!md_chart_file_format_ok (output))
    return usage_error (_("The output file must end in .png, .svg or .pdf."));
  if (width < CHART_SIZE_MIN || width > CHART_SIZE_MAX || height < CHART_SIZE_MIN || height > CHART_SIZE_MAX)
    return usage_error (_("--width and --height must be between 200 and 4000."));
  if (!lookup_day (options, "to", &to_day, &error))
    return usage_error (error->message);
  from_day = to_day - (CHART_DEFAULT_DAYS - 1);
  if (!lookup_day (options, "from", &from_day, &error))
    return usage_error (error->message);
  if (from_day > to_day)
    return usage_error (_("--from must not be after --to."));
  diary = open_diary (options, MD_STORE_OPEN_READ_ONLY);
  if (diary == NULL)
    return MD_EXIT_BAD_DATA;
  episodes = md_diary_episodes_brief_on_days (diary, from_day, to_day, &error);
  if (episodes != NULL)
    checkins = md_diary_checkins_between (diary, from_day, to_day, &error);
  if (checkins == NULL)
    {
      g_printerr ("menodiary: %s\n", error->message);
      return MD_EXIT_BAD_DATA;
    }
  stats = md_stats_compute ((MdEpisode * const *) episodes->pdata, episodes->len,
                            (MdCheckin * const *) checkins->pdata, checkins->len, from_day, to_day);
  mrs = md_diary_mrs_between (diary, from_day, to_day, &error);
  if (mrs != NULL)
    medicines = md_diary_list_medicines (diary, &error);
  if (medicines == NULL)
    {
      g_printerr ("menodiary: %s\n", error->message);
      return MD_EXIT_BAD_DATA;
    }
  md_stats_add_menopause (stats, (MdCheckin * const *) checkins->pdata, checkins->len,
                          (MdMrs * const *) mrs->pdata, mrs->len,
                          (MdMedicine * const *) medicines->pdata, medicines->len, NULL);
  style = md_draw_style_new_default (FALSE);
  if (!md_chart_save (kind, stats, style, width, height, output, &error))
    {
      g_printerr ("menodiary: %s\n", error->message);
      return MD_EXIT_BAD_DATA;
    }
  return MD_EXIT_OK;
}

int
md_cli_run (GVariantDict *options)
{
  g_autoptr(MdDiary) diary = NULL;
  g_autofree char *import_file = NULL;
  g_autofree char *export_file = NULL;
  g_autofree char *checkins_file = NULL;
  g_autofree char *medicines_file = NULL;
  g_autofree char *mrs_file = NULL;
  g_autofree char *fhir_file = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *backup_file = NULL;
  g_autofree char *restore_file = NULL;
  gboolean flags = g_variant_dict_contains (options, "flags");
  gboolean json = g_variant_dict_contains (options, "json");
  gint64 as_of = md_time_now ();
  guint n_commands;

  if (g_variant_dict_contains (options, G_OPTION_REMAINING))
    {
      g_auto(GStrv) extra = NULL;
      g_autofree char *message = NULL;

      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &extra);
      message = g_strdup_printf (_("Unexpected argument “%s”: every value follows its option, as in --db PATH."),
                                 extra != NULL && extra[0] != NULL ? extra[0] : "");
      return usage_error (message);
    }
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("menodiary %s\n", PACKAGE_VERSION);
      return MD_EXIT_OK;
    }

  g_variant_dict_lookup (options, "import", "^ay", &import_file);
  g_variant_dict_lookup (options, "export", "^ay", &export_file);
  g_variant_dict_lookup (options, "export-checkins", "^ay", &checkins_file);
  g_variant_dict_lookup (options, "export-medicines", "^ay", &medicines_file);
  g_variant_dict_lookup (options, "export-mrs", "^ay", &mrs_file);
  g_variant_dict_lookup (options, "export-fhir", "^ay", &fhir_file);
  g_variant_dict_lookup (options, "as-of", "s", &as_of_text);
  g_variant_dict_lookup (options, "backup", "^ay", &backup_file);
  g_variant_dict_lookup (options, "restore", "^ay", &restore_file);

  n_commands = (import_file != NULL) + (export_file != NULL) + (checkins_file != NULL) + (flags != FALSE) +
               (backup_file != NULL) + (restore_file != NULL) + (medicines_file != NULL) + (mrs_file != NULL) +
               (fhir_file != NULL);
  if (g_variant_dict_contains (options, "report"))
    {
      if (n_commands > 0 || json || as_of_text != NULL || g_variant_dict_contains (options, "chart"))
        return usage_error (_("Give one command at a time: --import, --export, --export-checkins, --export-medicines, --export-mrs, --export-fhir, --backup, --restore, --flags, --chart or --report."));
      if (g_variant_dict_contains (options, "output") || g_variant_dict_contains (options, "width") ||
          g_variant_dict_contains (options, "height"))
        return usage_error (_("--output, --width and --height go with --chart."));
      return run_report (options);
    }
  if (g_variant_dict_contains (options, "paper"))
    return usage_error (_("--paper goes with --report."));
  if (g_variant_dict_contains (options, "chart"))
    {
      if (n_commands > 0 || json || as_of_text != NULL)
        return usage_error (_("Give one command at a time: --import, --export, --export-checkins, --export-medicines, --export-mrs, --export-fhir, --backup, --restore, --flags or --chart."));
      return run_chart (options);
    }
  if (chart_options_given (options))
    return usage_error (g_variant_dict_contains (options, "from") || g_variant_dict_contains (options, "to")
                        ? _("--from and --to go with --chart or --report.")
                        : _("--output, --width and --height go with --chart."));
  if (n_commands == 0)
    {
      if (json || as_of_text != NULL)
        return usage_error (_("--json and --as-of go with --flags."));
      return -1;
    }
  if (n_commands > 1)
    return usage_error (_("Give one command at a time: --import, --export, --export-checkins, --export-medicines, --export-mrs, --export-fhir, --backup, --restore or --flags."));
  if ((json || as_of_text != NULL) && !flags)
    return usage_error (_("--json and --as-of go with --flags."));
  if ((import_file != NULL && *import_file == '\0') || (export_file != NULL && *export_file == '\0') ||
      (checkins_file != NULL && *checkins_file == '\0') || (backup_file != NULL && *backup_file == '\0') ||
      (restore_file != NULL && *restore_file == '\0') || (medicines_file != NULL && *medicines_file == '\0') ||
      (mrs_file != NULL && *mrs_file == '\0') || (fhir_file != NULL && *fhir_file == '\0'))
    return usage_error (_("A file name is missing."));
  if (as_of_text != NULL)
    {
      g_autoptr(GError) error = NULL;
      gint32 offset;

      if (!md_time_parse_iso8601 (as_of_text, NULL, &as_of, &offset, &error))
        return usage_error (error->message);
    }

  if (restore_file != NULL)
    return run_restore (options, restore_file);
  diary = open_diary (options, import_file != NULL ? MD_STORE_OPEN_CREATE : MD_STORE_OPEN_READ_ONLY);
  if (diary == NULL)
    return MD_EXIT_BAD_DATA;

  if (import_file != NULL)
    return run_import (diary, import_file);
  if (backup_file != NULL)
    return run_backup (diary, backup_file);
  if (export_file != NULL)
    return run_export (diary, export_file, EXPORT_EPISODES);
  if (checkins_file != NULL)
    return run_export (diary, checkins_file, EXPORT_CHECKINS);
  if (medicines_file != NULL)
    return run_export (diary, medicines_file, EXPORT_MEDICINES);
  if (mrs_file != NULL)
    return run_export (diary, mrs_file, EXPORT_MRS);
  if (fhir_file != NULL)
    return run_export (diary, fhir_file, EXPORT_FHIR);
  return run_flags (diary, json, as_of);
}
