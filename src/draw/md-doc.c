/* md-doc.c: a small paginated document drawn with Pango and Cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-doc"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "md-cairo-output.h"
#include "md-doc.h"

#define MARGIN        42.0   /* about 15 mm */
#define FOOTER_H      26.0
#define BLOCK_GAP     6.0
#define CELL_PAD_X    4.0
#define CELL_PAD_Y    2.5
#define BODY_PT       9.5
#define SMALL_PT      8.0
#define HEADING_PT    12.0
#define TITLE_PT      17.0
#define SMALL_TABLE   12     /* tables of at most this many rows are not split */

typedef enum {
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_CALLOUT,
  BLOCK_TABLE,
  BLOCK_DRAWINGS,
  BLOCK_SPACE,
} BlockType;

typedef struct {
  BlockType      type;
  char          *markup;
  char          *markup2;
  MdDocTextKind  kind;
  MdRgba         bar;
  guint          n_columns;
  double        *widths;
  GStrv          header;
  GPtrArray     *rows;        /* GStrv */
  double         height;      /* drawings, space */
  guint          n_drawings;
  MdDocDrawFunc *funcs;
  gpointer      *data;
} Block;

/* A piece of a block placed on a page. */
typedef struct {
  Block  *block;
  double  y;
  guint   first;   /* first line (paragraph) or row (table) */
  guint   count;   /* number of lines or rows; 0 = the whole block */
} Placement;

struct _MdDoc
{
  double        page_w, page_h;
  MdDrawStyle  *style;
  GPtrArray    *blocks;       /* Block* */
  char         *footer;
  GPtrArray    *pages;        /* GPtrArray of Placement* per page */
  GPtrArray    *kept;         /* data kept for drawing callbacks */
  PangoContext *measure;
};

static void
block_free (Block *b)
{
  g_free (b->markup);
  g_free (b->markup2);
  g_free (b->widths);
  g_strfreev (b->header);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  g_free (b->funcs);
  g_free (b->data);
  g_free (b);
}

static double
content_width (MdDoc *self)
{
  return self->page_w - 2 * MARGIN;
}

static double
content_bottom (MdDoc *self)
{
  return self->page_h - MARGIN - FOOTER_H;
}

static void
set_source (cairo_t      *cr,
            const MdRgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

static PangoLayout *
make_layout (MdDoc      *self,
             PangoContext *context,
             const char *markup,
             double      size_pt,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (self->style->font_family);

  pango_font_description_set_size (font, (int) (size_pt * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
text_size (MdDocTextKind kind)
{
  return kind == MD_DOC_TEXT_NORMAL ? BODY_PT : SMALL_PT;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* Heights of each line of a layout, in points. */
static double
line_height (PangoLayout *layout,
             guint        index)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, (int) index);
  PangoRectangle logical;

  pango_layout_line_get_extents (line, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static PangoLayout *
paragraph_layout (MdDoc        *self,
                  PangoContext *context,
                  Block        *b)
{
  double width = content_width (self) - (b->type == BLOCK_CALLOUT ? 10 : 0);

  return make_layout (self, context, b->markup, b->type == BLOCK_CALLOUT ? SMALL_PT + 0.5 : text_size (b->kind),
                      FALSE, width);
}

static double
cell_x (Block  *b,
        double  total,
        guint   col)
{
  double sum = 0, before = 0;

  for (guint i = 0; i < b->n_columns; i++)
    {
      sum += b->widths[i];
      if (i < col)
        before += b->widths[i];
    }
  return total * before / sum;
}

static double
cell_w (Block  *b,
        double  total,
        guint   col)
{
  return cell_x (b, total, col + 1) - cell_x (b, total, col);
}

static double
row_height (MdDoc              *self,
            PangoContext       *context,
            Block              *b,
            const char * const *cells,
            gboolean            header)
{
  double h = 0;

  for (guint c = 0; c < b->n_columns && cells[c] != NULL; c++)
    {
      g_autoptr(PangoLayout) l = make_layout (self, context, cells[c], SMALL_PT + 0.5, header,
                                              cell_w (b, content_width (self), c) - 2 * CELL_PAD_X);
      h = MAX (h, layout_height (l));
    }
  return h + 2 * CELL_PAD_Y;
}

/* The header and the first @n_rows rows. */
static double
table_height (MdDoc        *self,
              PangoContext *context,
              Block        *b,
              guint         n_rows)
{
  double h = row_height (self, context, b, (const char * const *) b->header, TRUE);

  for (guint r = 0; r < n_rows && r < b->rows->len; r++)
    h += row_height (self, context, b, g_ptr_array_index (b->rows, r), FALSE);
  return h;
}

static double
title_height (MdDoc        *self,
              PangoContext *context,
              Block        *b)
{
  g_autoptr(PangoLayout) t = make_layout (self, context, b->markup, TITLE_PT, TRUE, content_width (self));
  double h = layout_height (t) + 4;

  if (b->markup2 != NULL)
    {
      g_autoptr(PangoLayout) s = make_layout (self, context, b->markup2, BODY_PT, FALSE, content_width (self));
      h += layout_height (s);
    }
  return h + 8;
}

static double
heading_height (MdDoc        *self,
                PangoContext *context,
                Block        *b)
{
  g_autoptr(PangoLayout) l = make_layout (self, context, b->markup, HEADING_PT, TRUE, content_width (self));

  return layout_height (l) + 5;
}

/* The height of the first unsplittable unit of a block (to keep headings with what follows). */
static double
first_unit_height (MdDoc        *self,
                   PangoContext *context,
                   Block        *b)
{
  switch (b->type)
    {
    case BLOCK_PARAGRAPH:
    case BLOCK_CALLOUT:
      {
        g_autoptr(PangoLayout) l = paragraph_layout (self, context, b);
        double h = 0;
        guint n = MIN ((guint) pango_layout_get_line_count (l), 2);

        for (guint i = 0; i < n; i++)
          h += line_height (l, i);
        return h;
      }
    case BLOCK_TABLE:
      return table_height (self, context, b, b->rows->len <= SMALL_TABLE ? b->rows->len : 1);
    case BLOCK_DRAWINGS:
    case BLOCK_SPACE:
      return b->height;
    case BLOCK_TITLE:
      return title_height (self, context, b);
    case BLOCK_HEADING:
      return heading_height (self, context, b);
    default:
      return 0;
    }
}

static Placement *
place (GPtrArray *page,
       Block     *b,
       double     y,
       guint      first,
       guint      count)
{
  Placement *p = g_new0 (Placement, 1);

  p->block = b;
  p->y = y;
  p->first = first;
  p->count = count;
  g_ptr_array_add (page, p);
  return p;
}

guint
md_doc_paginate (MdDoc *self)
{
  PangoContext *context = self->measure;
  GPtrArray *page;
  double y = MARGIN;
  double bottom = content_bottom (self);

  g_ptr_array_set_size (self->pages, 0);
  page = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->pages, page);

#define NEW_PAGE() G_STMT_START { \
    page = g_ptr_array_new_with_free_func (g_free); \
    g_ptr_array_add (self->pages, page); \
    y = MARGIN; \
  } G_STMT_END

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      switch (b->type)
        {
        case BLOCK_TITLE:
          {
            double h = title_height (self, context, b);
            place (page, b, y, 0, 0);
            y += h + BLOCK_GAP;
          }
          break;

        case BLOCK_HEADING:
          {
            double h = heading_height (self, context, b);
            double next = 0;

            /* Keep the heading with the start of what follows (and past a short note under it). */
            for (guint k = i + 1; k < self->blocks->len && k <= i + 2; k++)
              {
                Block *n = g_ptr_array_index (self->blocks, k);

                next += first_unit_height (self, context, n) + BLOCK_GAP;
                if (!(n->type == BLOCK_PARAGRAPH && n->kind == MD_DOC_TEXT_MUTED))
                  break;
              }

            if (y > MARGIN && y + h + next > bottom)
              NEW_PAGE ();
            y += y > MARGIN ? 6 : 0;
            place (page, b, y, 0, 0);
            y += h;
          }
          break;

        case BLOCK_SPACE:
          if (y > MARGIN)
            y += b->height;
          break;

        case BLOCK_DRAWINGS:
          if (y > MARGIN && y + b->height > bottom)
            NEW_PAGE ();
          place (page, b, y, 0, 0);
          y += b->height + BLOCK_GAP;
          break;

        case BLOCK_PARAGRAPH:
        case BLOCK_CALLOUT:
          {
            g_autoptr(PangoLayout) l = paragraph_layout (self, context, b);
            guint n = (guint) pango_layout_get_line_count (l);
            guint first = 0;
            double pad = b->type == BLOCK_CALLOUT ? 6 : 0;

            while (first < n)
              {
                guint count = 0;
                double h = 2 * pad;

                while (first + count < n && y + h + line_height (l, first + count) <= bottom)
                  h += line_height (l, first + count++);
                /* Avoid a lone first line at the bottom of a page. */
                if (count == 0 || (count == 1 && n - first > 1 && y > MARGIN))
                  {
                    if (y == MARGIN && count == 0)
                      count = 1;  /* a line taller than a page: place it anyway */
                    else
                      {
                        NEW_PAGE ();
                        continue;
                      }
                  }
                place (page, b, y, first, count);
                y += h + BLOCK_GAP;
                first += count;
                if (first < n)
                  NEW_PAGE ();
              }
          }
          break;

        case BLOCK_TABLE:
          {
            double header_h = row_height (self, context, b, (const char * const *) b->header, TRUE);
            guint first = 0;

            if (b->rows->len == 0)
              break;
            /* A short table moves to the next page whole rather than split. */
            if (b->rows->len <= SMALL_TABLE && y > MARGIN)
              {
                double whole = table_height (self, context, b, b->rows->len);

                if (y + whole > bottom && MARGIN + whole <= bottom)
                  NEW_PAGE ();
              }
            while (first < b->rows->len)
              {
                guint count = 0;
                double h = header_h;

                while (first + count < b->rows->len)
                  {
                    double rh = row_height (self, context, b, g_ptr_array_index (b->rows, first + count), FALSE);

                    if (y + h + rh > bottom && !(count == 0 && y == MARGIN))
                      break;
                    h += rh;
                    count++;
                  }
                if (count == 0)
                  {
                    NEW_PAGE ();
                    continue;
                  }
                place (page, b, y, first, count);
                y += h + BLOCK_GAP;
                first += count;
                if (first < b->rows->len)
                  NEW_PAGE ();
              }
          }
          break;

        default:
          break;
        }
    }
#undef NEW_PAGE
  return self->pages->len;
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
render_table (MdDoc     *self,
              cairo_t   *cr,
              PangoContext *context,
              Placement *p)
{
  Block *b = p->block;
  double x0 = MARGIN, w = content_width (self);
  double y = p->y;
  double header_h = row_height (self, context, b, (const char * const *) b->header, TRUE);

  /* Header with a light band. */
  cairo_save (cr);
  cairo_set_source_rgba (cr, self->style->muted.r, self->style->muted.g, self->style->muted.b, 0.18);
  cairo_rectangle (cr, x0, y, w, header_h);
  cairo_fill (cr);
  cairo_restore (cr);
  for (guint c = 0; c < b->n_columns; c++)
    {
      g_autoptr(PangoLayout) l = make_layout (self, context, b->header[c], SMALL_PT + 0.5, TRUE,
                                              cell_w (b, w, c) - 2 * CELL_PAD_X);
      set_source (cr, &self->style->foreground);
      show_layout_at (cr, l, x0 + cell_x (b, w, c) + CELL_PAD_X, y + CELL_PAD_Y);
    }
  y += header_h;

  for (guint r = p->first; r < p->first + p->count; r++)
    {
      const char * const *cells = g_ptr_array_index (b->rows, r);
      double rh = row_height (self, context, b, cells, FALSE);

      for (guint c = 0; c < b->n_columns && cells[c] != NULL; c++)
        {
          g_autoptr(PangoLayout) l = make_layout (self, context, cells[c], SMALL_PT + 0.5, FALSE,
                                                  cell_w (b, w, c) - 2 * CELL_PAD_X);
          set_source (cr, &self->style->foreground);
          show_layout_at (cr, l, x0 + cell_x (b, w, c) + CELL_PAD_X, y + CELL_PAD_Y);
        }
      y += rh;
      cairo_save (cr);
      cairo_set_source_rgba (cr, self->style->muted.r, self->style->muted.g, self->style->muted.b, 0.5);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x0 + w, y);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
render_lines (MdDoc       *self,
              cairo_t     *cr,
              PangoLayout *layout,
              double       x,
              double       y,
              guint        first,
              guint        count)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint index = 0;
  double top = -1;

  do
    {
      if (index >= first && index < first + count)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if (top < 0)
            top = (double) logical.y / PANGO_SCALE;
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         y + (double) baseline / PANGO_SCALE - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
md_doc_render_page (MdDoc   *self,
                    cairo_t *cr,
                    guint    page)
{
  GPtrArray *placements;
  PangoContext *context;
  g_autofree char *page_text = NULL;

  g_return_if_fail (self != NULL);
  if (self->pages->len == 0)
    md_doc_paginate (self);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  {
    cairo_font_options_t *fo = cairo_font_options_create ();
    cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options (context, fo);
    cairo_font_options_destroy (fo);
  }

  for (guint i = 0; i < placements->len; i++)
    {
      Placement *p = g_ptr_array_index (placements, i);
      Block *b = p->block;

      set_source (cr, &self->style->foreground);
      switch (b->type)
        {
        case BLOCK_TITLE:
          {
            g_autoptr(PangoLayout) t = make_layout (self, context, b->markup, TITLE_PT, TRUE, content_width (self));
            double h = layout_height (t);

            show_layout_at (cr, t, MARGIN, p->y);
            if (b->markup2 != NULL)
              {
                g_autoptr(PangoLayout) s = make_layout (self, context, b->markup2, BODY_PT, FALSE, content_width (self));
                set_source (cr, &self->style->foreground);
                show_layout_at (cr, s, MARGIN, p->y + h + 4);
                h += 4 + layout_height (s);
              }
            set_source (cr, &self->style->accent);
            cairo_set_line_width (cr, 1.2);
            cairo_move_to (cr, MARGIN, p->y + h + 5);
            cairo_line_to (cr, MARGIN + content_width (self), p->y + h + 5);
            cairo_stroke (cr);
          }
          break;

        case BLOCK_HEADING:
          {
            g_autoptr(PangoLayout) l = make_layout (self, context, b->markup, HEADING_PT, TRUE, content_width (self));
            show_layout_at (cr, l, MARGIN, p->y);
          }
          break;

        case BLOCK_PARAGRAPH:
          {
            g_autoptr(PangoLayout) l = paragraph_layout (self, context, b);
            if (b->kind == MD_DOC_TEXT_MUTED)
              cairo_set_source_rgba (cr, self->style->foreground.r, self->style->foreground.g,
                                     self->style->foreground.b, 0.7);
            render_lines (self, cr, l, MARGIN, p->y, p->first, p->count);
          }
          break;

        case BLOCK_CALLOUT:
          {
            g_autoptr(PangoLayout) l = paragraph_layout (self, context, b);
            double h = 12;

            for (guint k = p->first; k < p->first + p->count; k++)
              h += line_height (l, k);
            set_source (cr, &b->bar);
            cairo_rectangle (cr, MARGIN, p->y, 3.5, h);
            cairo_fill (cr);
            set_source (cr, &self->style->foreground);
            render_lines (self, cr, l, MARGIN + 10, p->y + 6, p->first, p->count);
          }
          break;

        case BLOCK_TABLE:
          render_table (self, cr, context, p);
          break;

        case BLOCK_DRAWINGS:
          {
            double each = (content_width (self) - 12 * (b->n_drawings - 1)) / b->n_drawings;

            for (guint k = 0; k < b->n_drawings; k++)
              {
                cairo_save (cr);
                cairo_translate (cr, MARGIN + k * (each + 12), p->y);
                cairo_rectangle (cr, 0, 0, each, b->height);
                cairo_clip (cr);
                b->funcs[k] (cr, each, b->height, b->data[k]);
                cairo_restore (cr);
              }
          }
          break;

        default:
          break;
        }
    }

  /* Footer: a rule, the footer text and the page number. */
  {
    double fy = self->page_h - MARGIN - FOOTER_H + 8;
    g_autoptr(PangoLayout) num = NULL;
    int w, h;

    /* Translators: page numbers in the clinician summary, "Page 1 of 2". */
    page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
    cairo_set_source_rgba (cr, self->style->muted.r, self->style->muted.g, self->style->muted.b, 0.8);
    cairo_set_line_width (cr, 0.5);
    cairo_move_to (cr, MARGIN, fy);
    cairo_line_to (cr, MARGIN + content_width (self), fy);
    cairo_stroke (cr);

    num = make_layout (self, context, page_text, SMALL_PT, FALSE, -1);
    pango_layout_get_size (num, &w, &h);
    cairo_set_source_rgba (cr, self->style->foreground.r, self->style->foreground.g, self->style->foreground.b, 0.7);
    show_layout_at (cr, num, MARGIN + content_width (self) - (double) w / PANGO_SCALE, fy + 4);
    if (self->footer != NULL)
      {
        g_autoptr(PangoLayout) f = make_layout (self, context, self->footer, SMALL_PT - 0.5, FALSE,
                                                content_width (self) - (double) w / PANGO_SCALE - 16);
        show_layout_at (cr, f, MARGIN, fy + 4);
      }
  }

  g_object_unref (context);
  cairo_restore (cr);
}

MdDoc *
md_doc_new (double             page_width,
            double             page_height,
            const MdDrawStyle *style)
{
  MdDoc *self = g_new0 (MdDoc, 1);
  cairo_font_options_t *fo = cairo_font_options_create ();
  PangoFontMap *map = pango_cairo_font_map_get_default ();

  self->page_w = page_width;
  self->page_h = page_height;
  self->style = md_draw_style_copy (style);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->kept = g_ptr_array_new ();
  self->measure = pango_font_map_create_context (map);
  pango_cairo_context_set_resolution (self->measure, 72);
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->measure, fo);
  cairo_font_options_destroy (fo);
  return self;
}

void
md_doc_free (MdDoc *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->blocks);
  for (guint i = 0; i + 1 < self->kept->len; i += 2)
    ((GDestroyNotify) self->kept->pdata[i + 1]) (self->kept->pdata[i]);
  g_ptr_array_unref (self->kept);
  g_object_unref (self->measure);
  md_draw_style_free (self->style);
  g_free (self->footer);
  g_free (self);
}

static Block *
add_block (MdDoc     *self,
           BlockType  type,
           const char *markup)
{
  Block *b = g_new0 (Block, 1);

  b->type = type;
  b->markup = g_strdup (markup);
  g_ptr_array_add (self->blocks, b);
  g_ptr_array_set_size (self->pages, 0);
  return b;
}

void
md_doc_add_title (MdDoc      *self,
                  const char *markup,
                  const char *subtitle_markup)
{
  Block *b = add_block (self, BLOCK_TITLE, markup);

  b->markup2 = g_strdup (subtitle_markup);
}

void
md_doc_add_heading (MdDoc      *self,
                    const char *markup)
{
  add_block (self, BLOCK_HEADING, markup);
}

void
md_doc_add_paragraph (MdDoc         *self,
                      const char    *markup,
                      MdDocTextKind  kind)
{
  add_block (self, BLOCK_PARAGRAPH, markup)->kind = kind;
}

void
md_doc_add_callout (MdDoc        *self,
                    const char   *markup,
                    const MdRgba *bar)
{
  add_block (self, BLOCK_CALLOUT, markup)->bar = *bar;
}

void
md_doc_add_table (MdDoc              *self,
                  guint               n_columns,
                  const double       *widths,
                  const char * const *header,
                  GPtrArray          *rows)
{
  Block *b = add_block (self, BLOCK_TABLE, NULL);

  b->n_columns = n_columns;
  b->widths = g_memdup2 (widths, sizeof (double) * n_columns);
  b->header = g_strdupv ((char **) header);
  b->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (b->rows, g_strdupv (g_ptr_array_index (rows, i)));
}

void
md_doc_add_drawings (MdDoc         *self,
                     double         height,
                     guint          n,
                     MdDocDrawFunc *funcs,
                     gpointer      *data)
{
  Block *b = add_block (self, BLOCK_DRAWINGS, NULL);

  b->height = height;
  b->n_drawings = n;
  b->funcs = g_memdup2 (funcs, sizeof (MdDocDrawFunc) * n);
  b->data = g_memdup2 (data, sizeof (gpointer) * n);
}

void
md_doc_add_space (MdDoc  *self,
                  double  points)
{
  add_block (self, BLOCK_SPACE, NULL)->height = points;
}

void
md_doc_set_footer (MdDoc      *self,
                   const char *markup)
{
  g_free (self->footer);
  self->footer = g_strdup (markup);
}

const MdDrawStyle *
md_doc_get_style (MdDoc *self)
{
  return self->style;
}

void
md_doc_keep_data (MdDoc          *self,
                  gpointer        data,
                  GDestroyNotify  destroy)
{
  g_ptr_array_add (self->kept, data);
  g_ptr_array_add (self->kept, destroy);
}

static void
append_plain (GString    *s,
              const char *markup)
{
  g_autofree char *text = NULL;

  if (markup == NULL)
    return;
  if (pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    g_string_append (s, text);
  g_string_append_c (s, '\n');
}

char *
md_doc_get_text (MdDoc *self)
{
  GString *s = g_string_new (NULL);

  if (self->pages->len == 0)
    md_doc_paginate (self);
  for (guint pg = 0; pg < self->pages->len; pg++)
    {
      GPtrArray *placements = g_ptr_array_index (self->pages, pg);

      g_string_append_printf (s, "--- page %u ---\n", pg + 1);
      for (guint i = 0; i < placements->len; i++)
        {
          Placement *p = g_ptr_array_index (placements, i);
          Block *b = p->block;

          if (b->type == BLOCK_TABLE)
            {
              for (guint c = 0; c < b->n_columns; c++)
                append_plain (s, b->header[c]);
              for (guint r = p->first; r < p->first + p->count; r++)
                {
                  char **cells = g_ptr_array_index (b->rows, r);
                  for (guint c = 0; cells[c] != NULL; c++)
                    append_plain (s, cells[c]);
                }
            }
          else if (p->first == 0)
            {
              append_plain (s, b->markup);
              append_plain (s, b->markup2);
            }
        }
    }
  return g_string_free (s, FALSE);
}

gboolean
md_doc_write_pdf (MdDoc       *self,
                  const char  *path,
                  GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n = md_doc_paginate (self);
  MdOutput *out = md_output_new (path, error);

  if (out == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (md_cairo_output_write, out, self->page_w, self->page_h);
  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      md_doc_render_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* The output's own error (a full disk, say) says more than Cairo's. */
      if (md_output_check (out, error))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                     path, cairo_status_to_string (status));
      md_output_abort (out);
      return FALSE;
    }
  return md_output_commit (out, error);
}
