import type { DomainEvent, GroupKey } from '@cohort/contracts';
import {
  findKeysetPage,
  isDuplicateKeyError,
  type KeysetCursor,
  type KeysetOrder,
  type KeysetPage,
} from '@cohort/mongo';
import {
  OutboxCollection,
  outboxHasRoom,
  outboxOnInsert,
  outboxOnUpdate,
  type OutboxOwner,
  type Written,
} from '@cohort/outbox';
import { generateNumericId } from '@cohort/service-kit';
import type { FilterQuery, Model } from 'mongoose';

import type { GroupContentDoc } from './group-content.schema';

const PRESENT = { deletedAt: null };
/** Random 53-bit ids collide rarely; a few attempts make a collision practically impossible to surface. */
const ID_ATTEMPTS = 5;

export interface ContentShape<D, V> {
  order: KeysetOrder;
  toView(doc: D): V;
  idOf(view: V): string;
  createdAtOf(view: V): number;
}

/** Subclasses inject their model, so each stays the only code touching its collection. */
export abstract class GroupContentRepository<D extends GroupContentDoc, V> implements OutboxOwner {
  readonly outbox: OutboxCollection;

  protected constructor(
    protected readonly model: Model<D>,
    private readonly shape: ContentShape<D, V>,
  ) {
    this.outbox = OutboxCollection.of(model);
  }

  protected filterOf(key: GroupKey, id: string): FilterQuery<D> {
    return { ...key, [this.shape.order.idField]: id } as FilterQuery<D>;
  }

  async find(key: GroupKey, id: string): Promise<V | null> {
    const doc = await this.model.findOne({ ...this.filterOf(key, id), ...PRESENT }).lean<D>();
    return doc ? this.shape.toView(doc) : null;
  }

  async findMany(key: GroupKey, ids: string[]): Promise<V[]> {
    const docs = await this.model
      .find({ ...key, [this.shape.order.idField]: { $in: ids }, ...PRESENT } as FilterQuery<D>)
      .lean<D[]>();
    return docs.map((doc) => this.shape.toView(doc));
  }

  async listPage(key: GroupKey, limit: number, after?: KeysetCursor): Promise<KeysetPage<V>> {
    const { order, toView, idOf, createdAtOf } = this.shape;
    return findKeysetPage(
      this.model,
      { filter: { ...key, ...PRESENT } as FilterQuery<D>, order, limit, after },
      toView,
      (v) => ({ at: createdAtOf(v), id: idOf(v) }),
    );
  }

  async count(key: GroupKey): Promise<number> {
    return this.model.countDocuments({ ...key, ...PRESENT } as FilterQuery<D>);
  }

  async markDeleted(key: GroupKey, id: string, event: DomainEvent, at: Date = new Date()): Promise<Written<boolean>> {
    const result = await this.model.updateOne(
      { ...this.filterOf(key, id), ...PRESENT, ...outboxHasRoom() },
      { $set: { deletedAt: at }, ...outboxOnUpdate([event]) },
    );
    if (result.matchedCount === 0) await this.outbox.assertHasRoom(this.filterOf(key, id));
    const deleted = result.modifiedCount === 1;
    return this.outbox.writtenIf(deleted, deleted, this.filterOf(key, id), [event]);
  }

  async purgeGroup(key: GroupKey): Promise<void> {
    await this.model.deleteMany(key as FilterQuery<D>);
  }

  /** Another id when the unique index says it is taken: no read first. */
  protected async create<F>(
    key: GroupKey,
    fieldsOf: (id: string) => F,
    eventOf: (fields: F) => DomainEvent,
    docOf: (fields: F) => Omit<D, 'deletedAt'>,
  ): Promise<Written<V>> {
    for (let attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
      const fields = fieldsOf(generateNumericId());
      const event = eventOf(fields);
      const item = await this.insertDoc(docOf(fields), event);
      if (item !== null) return this.outbox.writtenIf(true, item, this.filterOf(key, this.shape.idOf(item)), [event]);
    }
    throw new Error(`no free id after ${ID_ATTEMPTS} attempts`);
  }

  private async insertDoc(doc: Omit<D, 'deletedAt'>, event: DomainEvent): Promise<V | null> {
    try {
      const created = await this.model.create({ ...doc, deletedAt: null, ...outboxOnInsert([event]) });
      return this.shape.toView(created.toObject() as D);
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }
}
