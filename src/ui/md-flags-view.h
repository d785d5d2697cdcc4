/* md-flags-view.h: the alerts on the main view, highest level first. */
#pragma once

#include <adwaita.h>

#include "md-rules.h"
#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_FLAGS_VIEW (md_flags_view_get_type ())
G_DECLARE_FINAL_TYPE (MdFlagsView, md_flags_view, MD, FLAGS_VIEW, GtkWidget)

GtkWidget *md_flags_view_new        (void);
/* Re-evaluates the rules on the whole diary at @now_utc (0 = now) and rebuilds the rows. */
void       md_flags_view_set_diary  (MdFlagsView *self,
                                     MdDiary     *diary);
void       md_flags_view_refresh    (MdFlagsView *self);
/* Her emergency number, which an emergency card leads with ("Call 112 now, ..."); NULL: "the
 * emergency number". */
void       md_flags_view_set_emergency_number (MdFlagsView *self,
                                               const char  *number);
/* Every flag (MdFlag*, those marked as discussed or checked included), highest first; owned
 * by the view. */
GPtrArray *md_flags_view_get_flags  (MdFlagsView *self);
MdLevel    md_flags_view_get_level  (MdFlagsView *self);
/* The icon name for a level (never colour alone). */
const char *md_level_icon_name      (MdLevel level);

G_END_DECLS
