/* md-application.h: the Menodiary application (GUI and headless commands). */
#pragma once

#include <adwaita.h>

#include "md-diary.h"

G_BEGIN_DECLS

#define MD_TYPE_APPLICATION (md_application_get_type ())
G_DECLARE_FINAL_TYPE (MdApplication, md_application, MD, APPLICATION, AdwApplication)

MdApplication *md_application_new       (void) G_GNUC_WARN_UNUSED_RESULT;
/* The diary of the first window (NULL before activate, or when it could not be opened). */
MdDiary       *md_application_get_diary (MdApplication *self);
/* Settings, or NULL when the schema is not installed (running from an odd place). */
GSettings     *md_application_get_settings (MdApplication *self);
/* Uses the diary at @path instead of the default (for --db and tests); before activate. */
void           md_application_set_db_path (MdApplication *self,
                                           const char    *path);

G_END_DECLS
