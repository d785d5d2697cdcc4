/* md-preferences.h: the preferences window (emergency number, summary header, supplements). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MD_TYPE_PREFERENCES (md_preferences_get_type ())
G_DECLARE_FINAL_TYPE (MdPreferences, md_preferences, MD, PREFERENCES, AdwPreferencesWindow)

MdPreferences *md_preferences_new (GtkWindow *parent,
                                   GSettings *settings);

/* The supplements offered in the check-in: the setting, or the default list when it is empty. */
GStrv          md_preferences_get_supplements (GSettings *settings) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
