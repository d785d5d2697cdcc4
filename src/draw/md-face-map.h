/* md-face-map.h: a face seen from the front, split into regions, for picking and for heat maps.
 *
 * The face is drawn as in a mirror: the left half of the picture is the person's own left, and
 * the drawing says so ("Your left" / "Your right"). One table of shapes holds the geometry of
 * the left half; the right half is its mirror image. Drawing and hit-testing share that table,
 * so what is drawn is what is hit. No GTK here: it draws on any cairo_t.
 */
#pragma once

#include <cairo.h>

#include "md-draw-style.h"
#include "md-vocab.h"

G_BEGIN_DECLS

typedef enum {
  MD_FACE_MAP_SELECT,  /* selected regions per side are filled with the accent colour */
  MD_FACE_MAP_HEAT,    /* each region per side is shaded by a value 0..1, with a legend */
} MdFaceMapMode;

typedef struct {
  MdFaceMapMode  mode;
  /* MD_FACE_MAP_SELECT: bit sets of MdRegion per side of the face. */
  guint32        selected_left;
  guint32        selected_right;
  /* MD_FACE_MAP_HEAT: values 0..1 per region (clamped), per side. */
  double         heat_left[MD_N_REGIONS];
  double         heat_right[MD_N_REGIONS];
  /* Side labels over the halves (NULL = "Your left" / "Your right"). */
  const char    *label_left;
  const char    *label_right;
  /* Legend texts for the heat map (NULL = "Fewer" / "More"). */
  const char    *legend_low;
  const char    *legend_high;
  /* A region to outline as focused (keyboard), or -1. */
  int            focus_region;
  MdSide         focus_side;
} MdFaceMapValues;

/* Fills @values with nothing selected, nothing focused, in @mode. */
void     md_face_map_values_init (MdFaceMapValues *values,
                                  MdFaceMapMode    mode);

/* Draws the face into the rectangle (0, 0, @width, @height) of @cr. */
void     md_face_map_draw        (cairo_t               *cr,
                                  double                 width,
                                  double                 height,
                                  const MdDrawStyle     *style,
                                  const MdFaceMapValues *values);

/* Which region and side lie under (@x, @y) in a drawing of @width x @height.
 * @side is MD_SIDE_LEFT or MD_SIDE_RIGHT (the person's own side). FALSE outside every region. */
gboolean md_face_map_hit         (double    width,
                                  double    height,
                                  double    x,
                                  double    y,
                                  MdRegion *region,
                                  MdSide   *side);

/* A point inside @region on @side (MD_SIDE_LEFT or MD_SIDE_RIGHT) that hits only that region:
 * where labels go, and what tests click. */
void     md_face_map_region_point (double   width,
                                   double   height,
                                   MdRegion region,
                                   MdSide   side,
                                   double  *x,
                                   double  *y);

/* The bounding box of the face itself (outline), in drawing coordinates. */
void     md_face_map_face_bounds (double  width,
                                  double  height,
                                  double *x,
                                  double *y,
                                  double *w,
                                  double *h);

G_END_DECLS
