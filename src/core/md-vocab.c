/* md-vocab.c: the stable vocabulary of Menodiary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "md-vocab"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "md-vocab.h"

typedef struct {
  const char *id;
  const char *label;
} MdVocabEntry;

static const MdVocabEntry regions[MD_N_REGIONS] = {
  [MD_REGION_EYELID_UPPER] = { "eyelid-upper", N_("Upper eyelid") },
  [MD_REGION_EYELID_LOWER] = { "eyelid-lower", N_("Lower eyelid") },
  [MD_REGION_AROUND_EYE]   = { "around-eye", N_("Around the eye") },
  [MD_REGION_FOREHEAD]     = { "forehead", N_("Forehead") },
  [MD_REGION_CHEEK]        = { "cheek", N_("Cheek") },
  [MD_REGION_MID_FACE]     = { "mid-face", N_("Mid-face") },
  [MD_REGION_LIPS]         = { "lips", N_("Lips") },
  [MD_REGION_MOUTH_CORNER] = { "mouth-corner", N_("Corner of the mouth") },
  [MD_REGION_CHIN]         = { "chin", N_("Chin") },
  [MD_REGION_JAW]          = { "jaw", N_("Jaw") },
};

static const MdRegionGroup region_groups[MD_N_REGIONS] = {
  [MD_REGION_EYELID_UPPER] = MD_REGION_GROUP_EYE,
  [MD_REGION_EYELID_LOWER] = MD_REGION_GROUP_EYE,
  [MD_REGION_AROUND_EYE]   = MD_REGION_GROUP_EYE,
  [MD_REGION_FOREHEAD]     = MD_REGION_GROUP_FOREHEAD,
  [MD_REGION_CHEEK]        = MD_REGION_GROUP_MIDFACE,
  [MD_REGION_MID_FACE]     = MD_REGION_GROUP_MIDFACE,
  [MD_REGION_LIPS]         = MD_REGION_GROUP_MOUTH,
  [MD_REGION_MOUTH_CORNER] = MD_REGION_GROUP_MOUTH,
  [MD_REGION_CHIN]         = MD_REGION_GROUP_LOWER,
  [MD_REGION_JAW]          = MD_REGION_GROUP_LOWER,
};

static const MdVocabEntry groups[MD_N_REGION_GROUPS] = {
  [MD_REGION_GROUP_EYE]      = { "eye", N_("Eye") },
  [MD_REGION_GROUP_FOREHEAD] = { "forehead", N_("Forehead") },
  [MD_REGION_GROUP_MIDFACE]  = { "midface", N_("Mid-face") },
  [MD_REGION_GROUP_MOUTH]    = { "mouth", N_("Mouth") },
  [MD_REGION_GROUP_LOWER]    = { "lower", N_("Chin and jaw") },
};

static const MdVocabEntry sides[MD_N_SIDES] = {
  [MD_SIDE_UNKNOWN] = { "", N_("Side not recorded") },
  [MD_SIDE_LEFT]    = { "left", N_("Left") },
  [MD_SIDE_RIGHT]   = { "right", N_("Right") },
  [MD_SIDE_BOTH]    = { "both", N_("Both sides") },
};

static const MdVocabEntry signs[MD_N_SIGNS] = {
  [MD_SIGN_WEAKNESS]              = { "weakness", N_("Weakness in the face") },
  [MD_SIGN_DROOPING]              = { "drooping", N_("Drooping eyelid or face") },
  [MD_SIGN_ASYMMETRY]             = { "asymmetry", N_("Face looks uneven") },
  [MD_SIGN_SPEECH_DIFFICULTY]     = { "speech-difficulty", N_("Trouble speaking") },
  [MD_SIGN_VISION_CHANGE]         = { "vision-change", N_("Change in vision") },
  [MD_SIGN_DIZZINESS]             = { "dizziness", N_("Dizziness") },
  [MD_SIGN_NUMBNESS]              = { "numbness", N_("Numbness") },
  [MD_SIGN_SEVERE_HEADACHE]       = { "severe-headache", N_("Severe headache") },
  [MD_SIGN_SWALLOWING_DIFFICULTY] = { "swallowing-difficulty", N_("Trouble swallowing") },
  [MD_SIGN_HEAD_INJURY]           = { "head-injury", N_("Recent head injury") },
  [MD_SIGN_SPREAD_BODY]           = { "spread-body", N_("Twitching elsewhere in the body") },
  [MD_SIGN_PAIN]                  = { "pain", N_("Pain") },
  [MD_SIGN_EYELID_CLOSURE]        = { "eyelid-closure", N_("Eyelid forced fully shut") },
  [MD_SIGN_DROOPING_EYELID]       = { "drooping-eyelid", N_("Drooping eyelid") },
  [MD_SIGN_DROOPING_FACE]         = { "drooping-face", N_("Drooping face") },
  [MD_SIGN_ARM_LEG_WEAKNESS]      = { "arm-leg-weakness", N_("Arm or leg weak") },
};

/* FAST first (face, arm, speech), then the other signs as before. */
static const MdSign sign_order[MD_N_SIGNS] = {
  MD_SIGN_DROOPING_FACE, MD_SIGN_WEAKNESS, MD_SIGN_ASYMMETRY, MD_SIGN_ARM_LEG_WEAKNESS,
  MD_SIGN_SPEECH_DIFFICULTY, MD_SIGN_DROOPING, MD_SIGN_DROOPING_EYELID,
  MD_SIGN_VISION_CHANGE, MD_SIGN_DIZZINESS, MD_SIGN_NUMBNESS, MD_SIGN_SEVERE_HEADACHE,
  MD_SIGN_SWALLOWING_DIFFICULTY, MD_SIGN_HEAD_INJURY, MD_SIGN_SPREAD_BODY, MD_SIGN_PAIN,
  MD_SIGN_EYELID_CLOSURE,
};

static const MdVocabEntry triggers[MD_N_TRIGGERS] = {
  [MD_TRIGGER_CAFFEINE]       = { "caffeine", N_("Caffeine") },
  [MD_TRIGGER_POOR_SLEEP]     = { "poor-sleep", N_("Poor sleep") },
  [MD_TRIGGER_STRESS]         = { "stress", N_("Stress") },
  [MD_TRIGGER_DEHYDRATION]    = { "dehydration", N_("Not enough water") },
  [MD_TRIGGER_HOT_FLASH]      = { "hot-flash", N_("Hot flash") },
  [MD_TRIGGER_ALCOHOL]        = { "alcohol", N_("Alcohol") },
  [MD_TRIGGER_SCREEN_TIME]    = { "screen-time", N_("Long screen time") },
  [MD_TRIGGER_NEW_MEDICATION] = { "new-medication", N_("New medicine") },
  [MD_TRIGGER_SKIPPED_MEAL]   = { "skipped-meal", N_("Skipped meal") },
};

static gboolean
lookup (const MdVocabEntry *table,
        guint               n,
        const char         *id,
        guint              *out)
{
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (table[i].id, id) == 0)
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

static char *
set_to_string (const MdVocabEntry *table,
               guint               n,
               guint32             set,
               const char         *sep,
               gboolean            labels)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (!(set & MD_BIT (i)))
        continue;
      if (s->len > 0)
        g_string_append (s, sep);
      g_string_append (s, labels ? _(table[i].label) : table[i].id);
    }
  return g_string_free (s, FALSE);
}

/* lookup() of the @len bytes at @id (not NUL-terminated). */
static gboolean
lookup_len (const MdVocabEntry *table,
            guint               n,
            const char         *id,
            gsize               len,
            guint              *out)
{
  for (guint i = 0; i < n; i++)
    if (strncmp (table[i].id, id, len) == 0 && table[i].id[len] == '\0')
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* "a;b; c" to a bit set: parts split at ';', each trimmed of ASCII spaces (empty parts are
 * skipped). Read in place: an import calls it three times a row. */
static gboolean
set_from_string (const MdVocabEntry *table,
                 guint               n,
                 const char         *s,
                 guint32            *out,
                 char              **bad_id)
{
  guint32 set = 0;

  *out = 0;
  if (bad_id != NULL)
    *bad_id = NULL;
  if (s == NULL)
    return TRUE;

  for (const char *p = s; ; )
    {
      const char *end = strchr (p, ';');
      const char *a = p, *b = end != NULL ? end : p + strlen (p);
      guint v;

      while (a < b && g_ascii_isspace (*a))
        a++;
      while (b > a && g_ascii_isspace (b[-1]))
        b--;
      if (b > a)
        {
          if (!lookup_len (table, n, a, b - a, &v))
            {
              if (bad_id != NULL)
                *bad_id = g_strndup (a, b - a);
              return FALSE;
            }
          set |= MD_BIT (v);
        }
      if (end == NULL)
        break;
      p = end + 1;
    }
  *out = set;
  return TRUE;
}

const char *
md_region_id (MdRegion region)
{
  g_return_val_if_fail (region < MD_N_REGIONS, NULL);
  return regions[region].id;
}

const char *
md_region_label (MdRegion region)
{
  g_return_val_if_fail (region < MD_N_REGIONS, NULL);
  return _(regions[region].label);
}

MdRegionGroup
md_region_group (MdRegion region)
{
  g_return_val_if_fail (region < MD_N_REGIONS, MD_REGION_GROUP_EYE);
  return region_groups[region];
}

const char *
md_region_group_id (MdRegionGroup group)
{
  g_return_val_if_fail (group < MD_N_REGION_GROUPS, NULL);
  return groups[group].id;
}

const char *
md_region_group_label (MdRegionGroup group)
{
  g_return_val_if_fail (group < MD_N_REGION_GROUPS, NULL);
  return _(groups[group].label);
}

gboolean
md_region_from_id (const char *id,
                   MdRegion   *out)
{
  guint v;

  if (!lookup (regions, MD_N_REGIONS, id, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

const char *
md_side_id (MdSide side)
{
  g_return_val_if_fail (side < MD_N_SIDES, NULL);
  return sides[side].id;
}

const char *
md_side_label (MdSide side)
{
  g_return_val_if_fail (side < MD_N_SIDES, NULL);
  return _(sides[side].label);
}

gboolean
md_side_from_id (const char *id,
                 MdSide     *out)
{
  guint v;

  if (id == NULL || *id == '\0')
    {
      *out = MD_SIDE_UNKNOWN;
      return TRUE;
    }
  if (!lookup (sides, MD_N_SIDES, id, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

const char *
md_sign_id (MdSign sign)
{
  g_return_val_if_fail (sign < MD_N_SIGNS, NULL);
  return signs[sign].id;
}

const char *
md_sign_label (MdSign sign)
{
  g_return_val_if_fail (sign < MD_N_SIGNS, NULL);
  return _(signs[sign].label);
}

gboolean
md_sign_from_id (const char *id,
                 MdSign     *out)
{
  guint v;

  if (!lookup (signs, MD_N_SIGNS, id, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

gboolean
md_sign_is_warning (MdSign sign)
{
  return (MD_SIGNS_WARNING & MD_BIT (sign)) != 0;
}

gboolean
md_sign_is_offered (MdSign sign)
{
  return sign < MD_N_SIGNS && sign != MD_SIGN_DROOPING;
}

const MdSign *
md_signs_display_order (guint *n)
{
  if (n != NULL)
    *n = MD_N_SIGNS;
  return sign_order;
}

const char *
md_trigger_id (MdTrigger trigger)
{
  g_return_val_if_fail (trigger < MD_N_TRIGGERS, NULL);
  return triggers[trigger].id;
}

const char *
md_trigger_label (MdTrigger trigger)
{
  g_return_val_if_fail (trigger < MD_N_TRIGGERS, NULL);
  return _(triggers[trigger].label);
}

gboolean
md_trigger_from_id (const char *id,
                    MdTrigger  *out)
{
  guint v;

  if (!lookup (triggers, MD_N_TRIGGERS, id, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

char *
md_regions_to_string (guint32 set)
{
  return set_to_string (regions, MD_N_REGIONS, set, ";", FALSE);
}

char *
md_signs_to_string (guint32 set)
{
  return set_to_string (signs, MD_N_SIGNS, set, ";", FALSE);
}

char *
md_triggers_to_string (guint32 set)
{
  return set_to_string (triggers, MD_N_TRIGGERS, set, ";", FALSE);
}

gboolean
md_regions_from_string (const char *s,
                        guint32    *out,
                        char      **bad_id)
{
  return set_from_string (regions, MD_N_REGIONS, s, out, bad_id);
}

gboolean
md_signs_from_string (const char *s,
                      guint32    *out,
                      char      **bad_id)
{
  return set_from_string (signs, MD_N_SIGNS, s, out, bad_id);
}

gboolean
md_triggers_from_string (const char *s,
                         guint32    *out,
                         char      **bad_id)
{
  return set_from_string (triggers, MD_N_TRIGGERS, s, out, bad_id);
}

char *
md_regions_to_label (guint32 set)
{
  return set_to_string (regions, MD_N_REGIONS, set, ", ", TRUE);
}

char *
md_signs_to_label (guint32 set)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < MD_N_SIGNS; i++)
    {
      if (!(set & MD_BIT (sign_order[i])))
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, _(signs[sign_order[i]].label));
    }
  return g_string_free (s, FALSE);
}

char *
md_triggers_to_label (guint32 set)
{
  return set_to_string (triggers, MD_N_TRIGGERS, set, ", ", TRUE);
}

static guint32
regions_groups_slow (guint32 set)
{
  guint32 g = 0;

  for (guint i = 0; i < MD_N_REGIONS; i++)
    if (set & MD_BIT (i))
      g |= MD_BIT (region_groups[i]);
  return g;
}

/* Every set of regions, looked up: the charts ask once per episode, ten years over. */
static gpointer
make_groups_table (gpointer data)
{
  guint8 *table = g_new (guint8, MD_REGIONS_ALL + 1);

  G_STATIC_ASSERT (MD_N_REGION_GROUPS <= 8);
  for (guint32 set = 0; set <= MD_REGIONS_ALL; set++)
    table[set] = (guint8) regions_groups_slow (set);
  return table;
}

guint32
md_regions_groups (guint32 set)
{
  static GOnce once = G_ONCE_INIT;
  const guint8 *table = g_once (&once, make_groups_table, NULL);

  return table[set & MD_REGIONS_ALL];
}
