/* md-emergency.h: the emergency phone number to suggest, from the user's region. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The usual emergency number for a two-letter territory code ("GB", "US"...); "112" when the
 * territory is unknown (112 works in the EU and on most mobile networks). */
const char *md_emergency_number_for_territory (const char *territory);

/* The territory part of a locale name ("en_GB.UTF-8" -> "GB"), or NULL. Free with g_free. */
char       *md_territory_from_locale          (const char *locale) G_GNUC_WARN_UNUSED_RESULT;

/* @configured if it is not empty, else the number for the current locale (LC_MESSAGES). */
const char *md_emergency_number               (const char *configured);

/* The number she set in Preferences (the "emergency-number" key of the app's settings, when
 * the schema is installed), else the number for the current locale. For the command line. */
char       *md_emergency_number_preferred     (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
