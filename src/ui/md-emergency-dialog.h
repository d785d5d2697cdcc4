/* md-emergency-dialog.h: the blocking message shown when a saved episode raises an
 * emergency alert. */
#pragma once

#include <adwaita.h>

#include "md-rules.h"

G_BEGIN_DECLS

/* The emergency flags of @flags whose evidence includes @episode_id (MdFlag*, borrowed);
 * empty when there is nothing to say. */
GPtrArray *md_emergency_flags_for (GPtrArray *flags,
                                   gint64     episode_id) G_GNUC_WARN_UNUSED_RESULT;

/* A modal AdwMessageDialog naming @number; @flags: MdFlag* (borrowed, at least one). */
GtkWidget *md_emergency_dialog_new (GtkWindow  *parent,
                                    const char *number,
                                    GPtrArray  *flags);

G_END_DECLS
