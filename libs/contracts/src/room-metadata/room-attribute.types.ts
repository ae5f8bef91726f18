import type { ErrorPayload } from '../errors';

export const ROOM_ATTRIBUTE_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;

export interface RoomAttributeView {
  key: string;
  value: string;
  /** The user who set it last (the only one who may change or remove it without forcing). */
  ownerId: string;
  removeOnLeave: boolean;
  /** ms since epoch */
  updatedAt: number;
}

export interface RoomAttributeFailure {
  key: string;
  error: ErrorPayload;
}

export interface RoomAttributesOutcome {
  done: string[];
  failed: RoomAttributeFailure[];
}
