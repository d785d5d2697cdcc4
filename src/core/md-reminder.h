/* md-reminder.h: when the daily reminder is due, and whether it is worth sending. No GTK. */
#pragma once

#include <glib.h>

#include "md-diary.h"

G_BEGIN_DECLS

/* Reads "HH:MM" (00:00 to 23:59). */
gboolean md_reminder_parse_time (const char *text,
                                 int        *hour,
                                 int        *minute);

/* The next instant, strictly after @now_utc, at which the local clock of @tz (NULL: the local
 * time zone) shows @hour:@minute. A time skipped by a daylight-saving change falls on the first
 * instant after the gap; a repeated time is taken once. */
gint64   md_reminder_next       (gint64     now_utc,
                                 GTimeZone *tz,
                                 int        hour,
                                 int        minute);

/* Worth a reminder now: today's check-in is not filled in yet. */
gboolean md_reminder_wanted     (MdDiary   *diary);

G_END_DECLS
