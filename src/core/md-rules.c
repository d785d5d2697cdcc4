/* md-rules.c: placeholder until the rules work lands. */
#include "config.h"
#include "md-rules.h"

GPtrArray *
md_rules_evaluate (MdEpisode *const *episodes, guint n_episodes, gint64 now_utc, MdLevel *overall)
{
  *overall = MD_LEVEL_NONE;
  return g_ptr_array_new ();
}

char *
md_rules_to_json (GPtrArray *flags, MdLevel overall, gint64 as_of_utc)
{
  return g_strdup ("{}\n");
}

char *
md_rules_to_text (GPtrArray *flags, MdLevel overall)
{
  return g_strdup ("\n");
}
