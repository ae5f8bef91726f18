import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, Matches } from 'class-validator';

import { declareCommand, replyType } from '../declare';
import { IsUserId } from '../ids';
import { Limits, NUMERIC_ID_PATTERN } from '../limits';
import { IsStringRecord } from '../string-record';
import type { RoomAttributesOutcome, RoomAttributeView } from './room-attribute.types';

// Keys and values are not held to their format here: a bad key or a too long value fails that
// key only (the service reports it per key), never the whole call.

const KEYS_RULE = { each: true, message: '$property must contain strings' };

/** A chatroom (the service refuses any other kind of group: not found). */
export class RoomCommand {
  @Matches(NUMERIC_ID_PATTERN, { message: '$property must be a chatroom id (decimal digits)' })
  groupId!: string;
}

export class SetRoomAttributesCommand extends RoomCommand {
  /** The member who sets them and owns them afterwards. */
  @IsUserId()
  userId!: string;

  @IsStringRecord(1, Limits.roomAttributesPerCall)
  attributes!: Record<string, string>;

  @IsBoolean()
  removeOnLeave!: boolean;

  /** Overwrite keys other members own (the owner and admins only). */
  @IsOptional()
  @IsBoolean()
  forced?: boolean;
}

export class GetRoomAttributesCommand extends RoomCommand {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Limits.roomAttributesPerRoom, {
    message: `$property may name at most ${Limits.roomAttributesPerRoom} keys (a chatroom has no more)`,
  })
  @IsString(KEYS_RULE)
  keys?: string[];
}

export class RemoveRoomAttributesCommand extends RoomCommand {
  /** The member on whose behalf; absent: the caller itself (an app admin without a user: forced only). */
  @IsOptional()
  @IsUserId()
  userId?: string;

  @IsArray()
  @ArrayMinSize(1, { message: '$property must name at least one key' })
  @ArrayMaxSize(Limits.roomAttributesPerCall, {
    message: `$property may name at most ${Limits.roomAttributesPerCall} keys per call`,
  })
  @IsString(KEYS_RULE)
  keys!: string[];

  /** Remove keys other members own (the owner and admins only). */
  @IsOptional()
  @IsBoolean()
  forced?: boolean;
}

export const RoomMetadataCommands = {
  /** Sets attributes as a member: each key fails alone (owned by another, bad key or value, the room's 100 keys). */
  setAttributes: declareCommand(
    'room-metadata.attributes.set',
    SetRoomAttributesCommand,
    replyType<RoomAttributesOutcome>(),
  ),
  getAttributes: declareCommand(
    'room-metadata.attributes.get',
    GetRoomAttributesCommand,
    replyType<RoomAttributeView[]>(),
  ),
  /** Removes attributes: one's own, or anyone's when forced; a key that is not there counts as removed. */
  removeAttributes: declareCommand(
    'room-metadata.attributes.remove',
    RemoveRoomAttributesCommand,
    replyType<RoomAttributesOutcome>(),
  ),
};
