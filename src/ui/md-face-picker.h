/* md-face-picker.h: the clickable face (a GtkDrawingArea over md-face-map). */
#pragma once

#include <gtk/gtk.h>

#include "md-vocab.h"

G_BEGIN_DECLS

#define MD_TYPE_FACE_PICKER (md_face_picker_get_type ())
G_DECLARE_FINAL_TYPE (MdFacePicker, md_face_picker, MD, FACE_PICKER, GtkDrawingArea)

GtkWidget *md_face_picker_new           (void);
/* What is drawn as chosen, per half of her face (bit sets of MdRegion). */
void       md_face_picker_set_selection (MdFacePicker *self,
                                         guint32       left,
                                         guint32       right);
void       md_face_picker_get_selection (MdFacePicker *self,
                                         guint32      *left,
                                         guint32      *right);
/* Gives the keyboard focus to the region focused last (or the first one). */
void       md_face_picker_focus_region  (MdFacePicker *self);
/* Does what a click at (@x, @y) does: emits "region-clicked" when a region is there. */
gboolean   md_face_picker_click_at      (MdFacePicker *self,
                                         double        x,
                                         double        y);

G_END_DECLS
