/* md-reminders.h: the daily reminder (a GNotification at the time chosen in Preferences, off by
 * default), sent even when the window is closed: while it is on, an autostart entry starts
 * Menodiary in the background at login, and the running application stays alive without a
 * window. */
#pragma once

#include <gio/gio.h>

#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_REMINDERS (md_reminders_get_type ())
G_DECLARE_FINAL_TYPE (MdReminders, md_reminders, MD, REMINDERS, GObject)

/* Follows @settings ("reminder-enabled", "reminder-time"). @diary may be NULL until a diary is
 * open; the reminder then reads the diary at @diary_path. */
MdReminders *md_reminders_new        (GApplication *app,
                                      GSettings    *settings,
                                      const char   *diary_path) G_GNUC_WARN_UNUSED_RESULT;
void         md_reminders_set_diary  (MdReminders  *self,
                                      MdDiary      *diary);
/* The instant the next reminder is due (0 when off). */
gint64       md_reminders_get_next   (MdReminders  *self);
/* What the timer does when it is due: sends the reminder if today's check-in is missing (and
 * emits "due" with the notification), then waits for the next day. Returns whether it sent. */
gboolean     md_reminders_fire       (MdReminders  *self);
/* The autostart entry written while the reminder is on. */
char        *md_reminders_autostart_path (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
