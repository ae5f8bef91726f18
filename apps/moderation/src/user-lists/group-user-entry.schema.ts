import { Prop } from '@nestjs/mongoose';
import type { Schema as MongooseSchema } from 'mongoose';
import { addOutbox } from '@cohort/outbox';

/**
 * One user on a per-group list (blocklist, allowlist). Concrete documents extend this class with
 * their own `@Schema({ collection })`; @nestjs/mongoose collects the inherited props.
 */
export class GroupUserEntryDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) userId!: string;
  /**
   * On the list now. Taking a user off keeps the document (with the event of the change in its
   * outbox); putting them back reactivates it.
   */
  @Prop({ default: true }) active!: boolean;
  /** Who put the user on the list (or took them off); null when an app admin acted without naming a user. */
  @Prop({ type: String, default: null }) by!: string | null;
  /** When the user was last put on the list (or taken off). */
  @Prop({ required: true }) at!: Date;
}

/** What every per-group user list needs: its outbox; (group, user) unique; listing walks (at, userId). */
export function indexGroupUserList(schema: MongooseSchema): void {
  addOutbox(schema);
  schema.index({ appId: 1, groupId: 1, userId: 1 }, { unique: true });
  schema.index({ appId: 1, groupId: 1, at: 1, userId: 1 });
}
