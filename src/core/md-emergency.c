/* md-emergency.c: the emergency phone number to suggest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "md-emergency.h"

static const struct {
  const char *territory;
  const char *number;
} numbers[] = {
  { "US", "911" }, { "CA", "911" }, { "MX", "911" },
  { "GB", "999" }, { "IE", "112" },
  { "AU", "000" }, { "NZ", "111" },
  { "IN", "112" }, { "JP", "119" }, { "CN", "120" }, { "KR", "119" },
  { "BR", "192" }, { "ZA", "112" },
};

const char *
md_emergency_number_for_territory (const char *territory)
{
  if (territory != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      if (g_ascii_strcasecmp (numbers[i].territory, territory) == 0)
        return numbers[i].number;
  return "112";
}

char *
md_territory_from_locale (const char *locale)
{
  const char *us;
  gsize len = 0;

  if (locale == NULL || (us = strchr (locale, '_')) == NULL)
    return NULL;
  us++;
  while (g_ascii_isalpha (us[len]))
    len++;
  return len == 2 ? g_ascii_strup (us, 2) : NULL;
}

const char *
md_emergency_number (const char *configured)
{
  g_autofree char *territory = NULL;

  if (configured != NULL && *configured != '\0')
    return configured;
  territory = md_territory_from_locale (setlocale (LC_MESSAGES, NULL));
  return md_emergency_number_for_territory (territory);
}

char *
md_emergency_number_preferred (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *configured = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "emergency-number"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

      configured = g_settings_get_string (settings, "emergency-number");
    }
  return g_strdup (md_emergency_number (configured));
}
