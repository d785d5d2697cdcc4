/* md-draw-style.h: colours and fonts that drawings take from their host (window theme,
 * printer, PDF). Drawing code never asks GTK: the widget fills this from the style. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double r, g, b, a;
} MdRgba;

typedef struct {
  MdRgba      foreground;   /* text and outlines */
  MdRgba      background;   /* what the drawing sits on */
  MdRgba      muted;        /* grid lines, secondary text */
  MdRgba      accent;       /* selection, main series */
  MdRgba      accent_fg;    /* text on accent */
  MdRgba      warning;      /* warning signs */
  MdRgba      left;         /* left side of the face */
  MdRgba      right;        /* right side of the face */
  MdRgba      both;         /* both sides */
  char       *font_family;  /* e.g. "Cantarell" or "Sans" */
  double      font_size;    /* in the drawing's units (points on paper, pixels on screen) */
  gboolean    dark;
} MdDrawStyle;

/* A style for paper or a light/dark screen when no theme is at hand. */
MdDrawStyle *md_draw_style_new_default (gboolean dark) G_GNUC_WARN_UNUSED_RESULT;
MdDrawStyle *md_draw_style_copy        (const MdDrawStyle *self) G_GNUC_WARN_UNUSED_RESULT;
void         md_draw_style_free        (MdDrawStyle *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdDrawStyle, md_draw_style_free)

G_END_DECLS
