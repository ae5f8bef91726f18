import type { ErrorPayload } from '../errors';

/** What a room attribute's key may be: 1..128 of letters, digits, `_`, `.` and `-`. */
export const ROOM_ATTRIBUTE_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;

/** One custom attribute of a chatroom, as it is read. */
export interface RoomAttributeView {
  key: string;
  value: string;
  /** The user who set it last (the only one who may change or remove it without forcing). */
  ownerId: string;
  /** Whether it goes away when its owner leaves the chatroom. */
  removeOnLeave: boolean;
  /** ms since epoch */
  updatedAt: number;
}

/** A key that could not be set or removed, and why (the other keys of the call are unaffected). */
export interface RoomAttributeFailure {
  key: string;
  error: ErrorPayload;
}

/** The outcome of setting or removing attributes: per key, in request order. */
export interface RoomAttributesOutcome {
  done: string[];
  failed: RoomAttributeFailure[];
}
