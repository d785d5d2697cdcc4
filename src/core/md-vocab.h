/* md-vocab.h: the stable vocabulary of Menodiary (regions, sides, signs, triggers).
 *
 * The string ids are a contract: they are stored in the database, written to CSV and JSON,
 * and match ../shared/rules-reference.md exactly. Sets are bitmasks of the enum values.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MD_REGION_EYELID_UPPER,
  MD_REGION_EYELID_LOWER,
  MD_REGION_AROUND_EYE,
  MD_REGION_FOREHEAD,
  MD_REGION_CHEEK,
  MD_REGION_MID_FACE,
  MD_REGION_LIPS,
  MD_REGION_MOUTH_CORNER,
  MD_REGION_CHIN,
  MD_REGION_JAW,
  MD_N_REGIONS
} MdRegion;

typedef enum {
  MD_REGION_GROUP_EYE,
  MD_REGION_GROUP_FOREHEAD,
  MD_REGION_GROUP_MIDFACE,
  MD_REGION_GROUP_MOUTH,
  MD_REGION_GROUP_LOWER,
  MD_N_REGION_GROUPS
} MdRegionGroup;

typedef enum {
  MD_SIDE_UNKNOWN,
  MD_SIDE_LEFT,
  MD_SIDE_RIGHT,
  MD_SIDE_BOTH,
  MD_N_SIDES
} MdSide;

typedef enum {
  /* Face signs (F). MD_SIGN_DROOPING ("drooping") is the sign of diaries written before it
   * was split into a drooping eyelid and a drooping face: it is still read, shown and
   * counted as before, but the form no longer offers it for a new episode. */
  MD_SIGN_WEAKNESS,
  MD_SIGN_DROOPING,
  MD_SIGN_ASYMMETRY,
  MD_SIGN_SPEECH_DIFFICULTY,
  /* Neurological signs (N). */
  MD_SIGN_VISION_CHANGE,
  MD_SIGN_DIZZINESS,
  MD_SIGN_NUMBNESS,
  MD_SIGN_SEVERE_HEADACHE,
  MD_SIGN_SWALLOWING_DIFFICULTY,
  /* Others. */
  MD_SIGN_HEAD_INJURY,
  MD_SIGN_SPREAD_BODY,
  MD_SIGN_PAIN,
  MD_SIGN_EYELID_CLOSURE,
  /* Added later, at the end so the bits of older diaries keep their meaning. F signs. */
  MD_SIGN_DROOPING_EYELID,
  MD_SIGN_DROOPING_FACE,
  MD_SIGN_ARM_LEG_WEAKNESS,
  MD_N_SIGNS
} MdSign;

typedef enum {
  MD_TRIGGER_CAFFEINE,
  MD_TRIGGER_POOR_SLEEP,
  MD_TRIGGER_STRESS,
  MD_TRIGGER_DEHYDRATION,
  MD_TRIGGER_HOT_FLASH,
  MD_TRIGGER_ALCOHOL,
  MD_TRIGGER_SCREEN_TIME,
  MD_TRIGGER_NEW_MEDICATION,
  MD_TRIGGER_SKIPPED_MEAL,
  MD_N_TRIGGERS
} MdTrigger;

#define MD_BIT(x) (1u << (x))

/* Sign sets used by the rules. */
#define MD_SIGNS_FACE  (MD_BIT (MD_SIGN_WEAKNESS) | MD_BIT (MD_SIGN_DROOPING) | \
                        MD_BIT (MD_SIGN_ASYMMETRY) | MD_BIT (MD_SIGN_SPEECH_DIFFICULTY) | \
                        MD_BIT (MD_SIGN_DROOPING_EYELID) | MD_BIT (MD_SIGN_DROOPING_FACE) | \
                        MD_BIT (MD_SIGN_ARM_LEG_WEAKNESS))
#define MD_SIGNS_NEURO (MD_BIT (MD_SIGN_VISION_CHANGE) | MD_BIT (MD_SIGN_DIZZINESS) | \
                        MD_BIT (MD_SIGN_NUMBNESS) | MD_BIT (MD_SIGN_SEVERE_HEADACHE) | \
                        MD_BIT (MD_SIGN_SWALLOWING_DIFFICULTY))
/* Signs shown as warning signs in the form and the history. */
#define MD_SIGNS_WARNING (MD_SIGNS_FACE | MD_SIGNS_NEURO | MD_BIT (MD_SIGN_HEAD_INJURY))

#define MD_REGIONS_ALL  ((1u << MD_N_REGIONS) - 1)
#define MD_SIGNS_ALL    ((1u << MD_N_SIGNS) - 1)
#define MD_TRIGGERS_ALL ((1u << MD_N_TRIGGERS) - 1)

/* Ids (the contract) and labels (translated, for people). */
const char   *md_region_id          (MdRegion region);
const char   *md_region_label       (MdRegion region);
MdRegionGroup md_region_group       (MdRegion region);
const char   *md_region_group_id    (MdRegionGroup group);
const char   *md_region_group_label (MdRegionGroup group);
gboolean      md_region_from_id     (const char *id, MdRegion *out);

const char   *md_side_id            (MdSide side);   /* "" for unknown */
const char   *md_side_label         (MdSide side);
gboolean      md_side_from_id       (const char *id, MdSide *out); /* "" or NULL = unknown */

const char   *md_sign_id            (MdSign sign);
const char   *md_sign_label         (MdSign sign);
gboolean      md_sign_from_id       (const char *id, MdSign *out);
gboolean      md_sign_is_warning    (MdSign sign);
/* Whether the form offers @sign for a new episode (FALSE for the legacy "drooping"). */
gboolean      md_sign_is_offered    (MdSign sign);
/* The signs in the order the form and the labels list them (the F signs of FAST first). */
const MdSign *md_signs_display_order (guint *n);

const char   *md_trigger_id         (MdTrigger trigger);
const char   *md_trigger_label      (MdTrigger trigger);
gboolean      md_trigger_from_id    (const char *id, MdTrigger *out);

/* Bit sets <-> ";"-separated id lists, in enum order ("" for an empty set). */
char         *md_regions_to_string  (guint32 regions) G_GNUC_WARN_UNUSED_RESULT;
char         *md_signs_to_string    (guint32 signs) G_GNUC_WARN_UNUSED_RESULT;
char         *md_triggers_to_string (guint32 triggers) G_GNUC_WARN_UNUSED_RESULT;
/* Parse a ";"-separated list; on an unknown id returns FALSE and sets *bad_id (free it). */
gboolean      md_regions_from_string  (const char *s, guint32 *out, char **bad_id);
gboolean      md_signs_from_string    (const char *s, guint32 *out, char **bad_id);
gboolean      md_triggers_from_string (const char *s, guint32 *out, char **bad_id);

/* Human-readable, comma-separated labels of a set (translated). */
char         *md_regions_to_label   (guint32 regions) G_GNUC_WARN_UNUSED_RESULT;
char         *md_signs_to_label     (guint32 signs) G_GNUC_WARN_UNUSED_RESULT;
char         *md_triggers_to_label  (guint32 triggers) G_GNUC_WARN_UNUSED_RESULT;

/* The set of region groups touched by a region set, as a bit set of MdRegionGroup. */
guint32       md_regions_groups     (guint32 regions);

G_END_DECLS
