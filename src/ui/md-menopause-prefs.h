/* md-menopause-prefs.h: the Menopause page of Preferences (stage, last period, HRT) and her
 * own symptoms. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Adds a "Menopause" page to @window, bound to @settings (menopause-stage, last-period, hrt,
 * custom-symptoms). */
void     md_menopause_prefs_add       (AdwPreferencesWindow *window,
                                       GSettings            *settings);

/* Whether @name (spaces at either end ignored) can be added to @list: not empty, no ";" or
 * "=", no line break, at most MD_SYMPTOM_NAME_MAX_CHARS characters, not already in @list in
 * any case, and @list not full. FALSE with a message she can read in *message. */
gboolean md_symptom_name_check        (const char * const *list,
                                       const char         *name,
                                       char              **message);

G_END_DECLS
