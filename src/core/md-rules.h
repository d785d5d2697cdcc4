/* md-rules.h: the red-flag rules of ../shared/rules-reference.md, as a pure function.
 *
 * Every rule's id, level, thresholds, title, message and source stand in one table in
 * md-rules.c so a clinician can review them in one place.
 */
#pragma once

#include <glib.h>

#include "md-episode.h"

G_BEGIN_DECLS

typedef enum {
  MD_LEVEL_NONE,
  MD_LEVEL_NOTE,
  MD_LEVEL_SOON,
  MD_LEVEL_URGENT,
  MD_LEVEL_EMERGENCY,
} MdLevel;

const char *md_level_id    (MdLevel level);   /* "none", "note", "soon", "urgent", "emergency" */
const char *md_level_label (MdLevel level);   /* translated, e.g. "Call the emergency number now" */
/* What an emergency alert says first, with her number: "Call 112 now, even if the signs have
 * passed." (with NULL or "": "the emergency number"); NULL for the other levels. */
char       *md_level_action (MdLevel     level,
                             const char *number) G_GNUC_WARN_UNUSED_RESULT;

typedef struct {
  const char *rule;      /* rule id, e.g. "persistent" (static) */
  MdLevel     level;
  const char *title;     /* translated, static */
  char       *message;   /* translated, with the actual numbers */
  char       *record;    /* the same for paper: absolute dates only, no "(34 hours ago)" */
  const char *advice;    /* translated, static: what to do (after md_level_action for an
                          * emergency); a lower per-episode alert that shares an episode with
                          * an emergency alert says to follow that one instead */
  const char *source;    /* static: where the advice comes from */
  GArray     *episodes;  /* gint64 ids of the evidence, oldest first */
  gboolean    discussed; /* set by the caller (md_flag_is_acked); the rules leave it FALSE */
  gint64      at_utc;    /* the instant the rules saw it (the evaluation's now) */
} MdFlag;

void    md_flag_free (MdFlag *flag);
/* The whole advice: md_level_action (with @number) then flag->advice. */
char   *md_flag_full_advice (const MdFlag *flag,
                             const char   *number) G_GNUC_WARN_UNUSED_RESULT;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdFlag, md_flag_free)

/* One row of the rules table, for the "About these alerts" page. The numeric thresholds are
 * named constants next to the table in md-rules.c; the explanation states them in words. */
typedef struct {
  const char *rule;
  MdLevel     level;
  const char *title;        /* untranslated; pass through _() */
  const char *explanation;  /* untranslated plain words of when it fires */
  const char *message;      /* untranslated template with {placeholders} filled in by the rules */
  const char *advice;       /* untranslated: what to do */
  const char *source;
} MdRuleInfo;

const MdRuleInfo *md_rules_table (guint *n_rules);
/* The row of @rule, or NULL. */
const MdRuleInfo *md_rules_lookup (const char *rule);

/* Of an episode that started more than this before the evaluation's instant, the rules read
 * only the id, start and UTC offset (every window that looks at more is at most 30 days):
 * such episodes may be passed as keys (md_rules_evaluate_keys). */
#define MD_RULES_DETAIL_S (31 * 24 * 3600)

/* Evaluates @episodes (any order) at instant @now_utc. Returns the flags (MdFlag*), highest
 * level first, then in table order; sets @overall to the highest level (MD_LEVEL_NONE when
 * nothing fired). No I/O. */
GPtrArray *md_rules_evaluate (MdEpisode *const *episodes,
                              guint              n_episodes,
                              gint64             now_utc,
                              MdLevel           *overall) G_GNUC_WARN_UNUSED_RESULT;
/* The same, with the episodes that started more than MD_RULES_DETAIL_S before @now_utc given
 * as @older keys, oldest first by (start, id), and the rest as @recent (any order). */
GPtrArray *md_rules_evaluate_keys (const MdEpisodeKey *older,
                                   guint               n_older,
                                   MdEpisode *const   *recent,
                                   guint               n_recent,
                                   gint64              now_utc,
                                   MdLevel            *overall) G_GNUC_WARN_UNUSED_RESULT;

/* {"as_of": ..., "level": ..., "flags": [{"rule","level","title","message","episodes","advice"}]};
 * "advice" is md_flag_full_advice with "the emergency number". */
char      *md_rules_to_json  (GPtrArray *flags,
                              MdLevel    overall,
                              gint64     as_of_utc) G_GNUC_WARN_UNUSED_RESULT;
/* One line per flag, highest first ("soon  persistent  Title: message advice", with
 * " (discussed with doctor)" when flag->discussed, " (marked as checked)" for an emergency);
 * an emergency leads with the call to @emergency_number ("emergency  rule  Title: Call 112
 * now, even if the signs have passed. message advice"). Then "level: <id>". With no flag, a
 * line saying that no pattern was found in what has been logged. */
char      *md_rules_to_text  (GPtrArray  *flags,
                              MdLevel     overall,
                              const char *emergency_number) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
