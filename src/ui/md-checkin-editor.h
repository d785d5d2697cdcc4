/* md-checkin-editor.h: the daily check-in form. */
#pragma once

#include <adwaita.h>

#include "md-checkin.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_CHECKIN_EDITOR_DAYS 7  /* today and the six days before are offered first */
#define MD_CHECKIN_EDITOR_MAX_DAYS (10 * 366)  /* any day up to ten years back, from the calendar */

#define MD_TYPE_CHECKIN_EDITOR (md_checkin_editor_get_type ())
G_DECLARE_FINAL_TYPE (MdCheckinEditor, md_checkin_editor, MD, CHECKIN_EDITOR, AdwWindow)

/* @supplements: the user's list of supplements (NULL = the default list).
 * @today: the local day number of today. */
MdCheckinEditor *md_checkin_editor_new (GtkWindow          *parent,
                                        MdDiary            *diary,
                                        const char * const *supplements,
                                        gint64              today);

/* Her own symptoms (Preferences' custom-symptoms), each a 0 .. 10 row. Symptoms rated on the day
 * shown that are not in @names get a row of their own, so nothing stored is lost. */
void       md_checkin_editor_set_symptom_names (MdCheckinEditor    *self,
                                                const char * const *names);

/* The day the form is showing, and a way to change it (loads what is stored for that day). */
gint64     md_checkin_editor_get_day  (MdCheckinEditor *self);
gboolean   md_checkin_editor_set_day  (MdCheckinEditor *self,
                                       gint64           day);
/* What the form holds now, as a check-in (not yet saved). */
MdCheckin *md_checkin_editor_get_checkin (MdCheckinEditor *self) G_GNUC_WARN_UNUSED_RESULT;
/* Saves (the checkin.save action does the same and closes the window on success). */
gboolean   md_checkin_editor_save     (MdCheckinEditor *self,
                                       GError         **error);

G_END_DECLS
