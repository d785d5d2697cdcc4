/* md-doc.h: a small paginated document of blocks (headings, paragraphs, tables, drawings),
 * laid out with Pango in points and drawn onto any cairo_t: printer, PDF, PNG.
 *
 * Blocks never split mid-line; tables split between rows and repeat their header; a heading
 * is kept with what follows it. Every page gets a footer and "Page N of M".
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "md-draw-style.h"

G_BEGIN_DECLS

typedef struct _MdDoc MdDoc;

/* Paper sizes in points. */
#define MD_PAPER_A4_WIDTH      595.276
#define MD_PAPER_A4_HEIGHT     841.890
#define MD_PAPER_LETTER_WIDTH  612.0
#define MD_PAPER_LETTER_HEIGHT 792.0

typedef void (*MdDocDrawFunc) (cairo_t    *cr,
                               double      width,
                               double      height,
                               gpointer    data);

typedef enum {
  MD_DOC_TEXT_NORMAL,
  MD_DOC_TEXT_SMALL,     /* smaller, for notes and sources */
  MD_DOC_TEXT_MUTED,     /* smaller and grey */
} MdDocTextKind;

MdDoc  *md_doc_new            (double             page_width,
                               double             page_height,
                               const MdDrawStyle *style) G_GNUC_WARN_UNUSED_RESULT;
void    md_doc_free           (MdDoc *self);

/* Text arguments are Pango markup: escape user text with g_markup_escape_text. */
void    md_doc_add_title      (MdDoc *self, const char *markup, const char *subtitle_markup);
void    md_doc_add_heading    (MdDoc *self, const char *markup);
void    md_doc_add_paragraph  (MdDoc *self, const char *markup, MdDocTextKind kind);
/* A paragraph with a coloured bar on its left, for alerts. */
void    md_doc_add_callout    (MdDoc *self, const char *markup, const MdRgba *bar);
/* @widths: relative column widths (n_columns of them); @rows: GPtrArray of GStrv (markup). */
void    md_doc_add_table      (MdDoc              *self,
                               guint               n_columns,
                               const double       *widths,
                               const char * const *header,
                               GPtrArray          *rows);
/* Drawings side by side in one row of the given height (each gets an equal share). */
void    md_doc_add_drawings   (MdDoc         *self,
                               double         height,
                               guint          n,
                               MdDocDrawFunc *funcs,
                               gpointer      *data);
void    md_doc_add_space      (MdDoc *self, double points);
void    md_doc_set_footer     (MdDoc *self, const char *markup);
/* The document's own copy of the style (valid as long as the document). */
const MdDrawStyle *md_doc_get_style (MdDoc *self);
/* Keeps @data alive as long as the document (for drawing callbacks). */
void    md_doc_keep_data      (MdDoc *self, gpointer data, GDestroyNotify destroy);

/* Lays out the blocks (needs no real surface); returns the number of pages. */
guint   md_doc_paginate       (MdDoc *self);
/* Draws page @page (0-based) onto @cr, whose unit is the point, origin at the paper corner. */
void    md_doc_render_page    (MdDoc *self, cairo_t *cr, guint page);
/* The text of every page, in order (for tests and accessibility). */
char   *md_doc_get_text       (MdDoc *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean md_doc_write_pdf     (MdDoc *self, const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdDoc, md_doc_free)

G_END_DECLS
