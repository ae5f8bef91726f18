import { Prop } from '@nestjs/mongoose';
import type { Schema as MongooseSchema } from 'mongoose';

/**
 * One user on a per-group list (blocklist, allowlist). Concrete documents extend this class with
 * their own `@Schema({ collection })`; @nestjs/mongoose collects the inherited props.
 */
export class GroupUserEntryDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) userId!: string;
  /** Who put the user on the list; null when an app admin acted without naming a user. */
  @Prop({ type: String, default: null }) by!: string | null;
  @Prop({ required: true }) at!: Date;
}

/** Indexes every per-group user list needs: (group, user) is unique; listing walks (at, userId). */
export function indexGroupUserList(schema: MongooseSchema): void {
  schema.index({ appId: 1, groupId: 1, userId: 1 }, { unique: true });
  schema.index({ appId: 1, groupId: 1, at: 1, userId: 1 });
}
