/** Field and batch limits of the domain, shared by gateway validation and service validation. */
export const Limits = {
  groupName: 512,
  chatroomName: 128,
  description: 512,
  avatarUrl: 1024,
  ext: 1024,
  displayName: 64,
  reason: 256,
  announcementTitle: 128,
  announcementContent: 1024,
  /** A chatroom's announcement set as one string: shorter than a full announcement. */
  chatroomAnnouncement: 512,
  fileName: 256,
  fileType: 128,
  fileUrl: 2048,
  /**
   * The most users, groups or files one command may name where no tighter batch limit applies:
   * far above what clients send, yet small enough that one request's work fits the bus timeout
   * and its message the NATS payload limit.
   */
  idsPerCall: 1000,
  contentPageMax: 1000,
  defaultCapacity: 1000,
  /** The default ceiling of a group's capacity; an app's config may raise it up to capacityCeiling. */
  maxCapacity: 10_000,
  capacityCeiling: 100_000,
  chatroomDescription: 512,
  chatroomListPageMax: 100,
  superAdminPageMax: 1000,
  publicListMax: 10_000,
  maxAdmins: 99,
  batchGroupInfo: 100,
  batchRemoveMembers: 100,
  batchMemberOps: 60,
  disappearSecondsMax: 7_257_600,
  memberPageMax: 1000,
  /** A page of members with their sessions (a reader that needs them all reads page after page). */
  membersWithSessionsPage: 1000,
  joinedPageMax: 10_000,
  requestTtlMs: 7 * 24 * 3600 * 1000,
  qrTtlMs: 7 * 24 * 3600 * 1000,
  muteDurationMaxMs: 100 * 365 * 24 * 3600 * 1000,
  notificationMuteSecondsMax: 100 * 365 * 24 * 3600,
  pageSizeDefault: 20,
  pageSizeMax: 100,
  /** Chatroom custom attributes: key length, value length (characters), keys per call, keys per room. */
  roomAttributeKeyMax: 128,
  roomAttributeValueMax: 4096,
  roomAttributesPerCall: 10,
  roomAttributesPerRoom: 100,
} as const;

/**
 * A regex source matching the canonical decimals from 0 to `max` (no sign, no leading zero), so
 * that one number has one spelling: `07` and `7` are never two ids.
 */
function canonicalDecimalsUpTo(max: string): string {
  const shorter = max.length > 1 ? [`[1-9][0-9]{0,${max.length - 2}}`] : [];
  const sameLength = [...max].flatMap((digit, i) => {
    const low = i === 0 ? 1 : 0;
    const below = Number(digit) - 1;
    return below < low ? [] : [`${max.slice(0, i)}[${low}-${below}][0-9]{${max.length - i - 1}}`];
  });
  return ['0', ...shorter, ...sameLength, max].join('|');
}

const INT64 = canonicalDecimalsUpTo('9223372036854775807');

/**
 * Numeric ids as clients may send them: any non-negative int64 in canonical decimal (no leading
 * zero). The ids we generate are below 2^53 so they stay exact as JSON numbers.
 */
export const NUMERIC_ID_PATTERN = new RegExp(`^(?:${INT64})$`);
/** The shape of a numeric id, for a router (which takes no alternatives): NUMERIC_ID_PATTERN checks its value. */
export const NUMERIC_ID_SHAPE = /^[0-9]{1,19}$/;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/**
 * Group ids: canonical int64 decimals (the ids we generate, and any a client sends) or a UUID (a
 * group keeps the id its creator chose).
 */
export const GROUP_ID_PATTERN = new RegExp(`^(?:${INT64}|${UUID_PATTERN.source.slice(1, -1)})$`);
/**
 * User ids: opaque strings (numeric in the /group dialect, names in Easemob, UUIDs in Mixin). An
 * id of digits only is a number, which the /group dialect answers as a JSON number: it must be a
 * canonical int64, so that one number is one user.
 */
export const USER_ID_PATTERN = new RegExp(`^(?:${INT64}|(?=[A-Za-z0-9_.@:-]*[^0-9])[A-Za-z0-9_.@:-]{1,64})$`);
