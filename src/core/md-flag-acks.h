/* md-flag-acks.h: "Discussed with my doctor" marks on red flags, kept in the diary.
 *
 * A mark remembers the evidence (episode ids) the flag had when it was made. The flag counts as
 * discussed only while every episode of its current evidence was in that set, so it comes back
 * as soon as a new episode adds to it.
 */
#pragma once

#include "md-rules.h"
#include "md-store.h"

G_BEGIN_DECLS

/* Records @flag (its rule and current evidence) as discussed; replaces an older mark. */
gboolean md_flag_ack      (MdStore      *store,
                           const MdFlag *flag,
                           GError      **error);
/* TRUE only if @flag's rule has a mark covering every current evidence id. */
gboolean md_flag_is_acked (MdStore      *store,
                           const MdFlag *flag);
/* Removes the mark of @rule (no error when there is none). */
gboolean md_flag_unack    (MdStore      *store,
                           const char   *rule,
                           GError      **error);
/* Sets flag->discussed on each flag of @flags (MdFlag*). */
void     md_flags_mark_discussed (MdStore   *store,
                                  GPtrArray *flags);

G_END_DECLS
