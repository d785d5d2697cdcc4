/* md-time.h: ISO 8601 instants with their UTC offset, as used in CSV, JSON and the CLI. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MD_TIME_ERROR (md_time_error_quark ())
typedef enum { MD_TIME_ERROR_INVALID } MdTimeError;
GQuark   md_time_error_quark (void);

/* Parses "YYYY-MM-DDTHH:MM[:SS]" followed by "Z", "±HH:MM" or nothing. With nothing, the
 * offset is the one @local_tz (NULL = the machine's local zone) had at that wall-clock time.
 * On success sets the instant (Unix seconds) and the offset in seconds. */
gboolean md_time_parse_iso8601 (const char *text,
                                GTimeZone  *local_tz,
                                gint64     *utc,
                                gint32     *utc_offset_s,
                                GError    **error);

/* Parses "YYYY-MM-DD" into days since 1970-01-01. */
gboolean md_time_parse_date    (const char *text,
                                gint64     *day,
                                GError    **error);

/* "2025-03-31T09:00:00+01:00" (or "Z" when @utc_offset_s is 0 and @z_for_utc). */
char    *md_time_format_iso8601 (gint64   utc,
                                 gint32   utc_offset_s,
                                 gboolean z_for_utc) G_GNUC_WARN_UNUSED_RESULT;

/* "2025-03-31" for a day number. */
char    *md_time_format_day     (gint64 day) G_GNUC_WARN_UNUSED_RESULT;
/* A day as shown inside a sentence or a table, in the form the translation chooses. */
char    *md_time_format_day_text (gint64 day) G_GNUC_WARN_UNUSED_RESULT;

/* Floor division by 86400 that is right for negative values too. */
gint64   md_time_day_of         (gint64 local_seconds);

/* A duration for people: "45 s", "2 min 30 s", "1 h 5 min" (rounded to whole minutes from
 * an hour up); NULL for MD_UNKNOWN or a negative value. */
char    *md_format_duration     (gint64 seconds) G_GNUC_WARN_UNUSED_RESULT;

/* Now, in Unix seconds. */
gint64   md_time_now            (void);

G_END_DECLS
