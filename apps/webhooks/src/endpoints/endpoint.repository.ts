import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { type BreakerDoc, CLOSED_BREAKER, EndpointDoc, type SigningSecret } from './schemas/endpoint.schema';

export type NewEndpoint = Omit<EndpointDoc, 'breaker'>;
export type EndpointChanges = Partial<Pick<EndpointDoc, 'url' | 'events' | 'description' | 'disabled'>>;

@Injectable()
export class EndpointRepository {
  constructor(@InjectModel(EndpointDoc.name) private readonly model: Model<EndpointDoc>) {}

  async insert(endpoint: NewEndpoint): Promise<EndpointDoc> {
    const created = await this.model.create({ ...endpoint, breaker: { ...CLOSED_BREAKER } });
    return created.toObject();
  }

  list(appId: string): Promise<EndpointDoc[]> {
    return this.model.find({ appId }).sort({ createdAt: 1, _id: 1 }).lean<EndpointDoc[]>();
  }

  count(appId: string): Promise<number> {
    return this.model.countDocuments({ appId });
  }

  enabled(appId: string): Promise<EndpointDoc[]> {
    return this.model.find({ appId, disabled: false }).lean<EndpointDoc[]>();
  }

  get(appId: string, endpointId: string): Promise<EndpointDoc | null> {
    return this.model.findOne({ _id: endpointId, appId }).lean<EndpointDoc>();
  }

  /** Config endpoints change in the config, not here. */
  update(appId: string, endpointId: string, changes: EndpointChanges, at: Date): Promise<EndpointDoc | null> {
    return this.model
      .findOneAndUpdate(
        { _id: endpointId, appId, source: 'api' },
        { $set: { ...changes, updatedAt: at } },
        { new: true },
      )
      .lean<EndpointDoc>();
  }

  async delete(appId: string, endpointId: string): Promise<boolean> {
    const { deletedCount } = await this.model.deleteOne({ _id: endpointId, appId, source: 'api' });
    return deletedCount === 1;
  }

  /** A concurrent rotation wins when the current secret is no longer `current`: null. */
  replaceSecrets(
    appId: string,
    endpointId: string,
    current: string,
    secrets: SigningSecret[],
    at: Date,
  ): Promise<EndpointDoc | null> {
    return this.model
      .findOneAndUpdate(
        { _id: endpointId, appId, source: 'api', 'secrets.0.secret': current },
        { $set: { secrets, updatedAt: at } },
        { new: true },
      )
      .lean<EndpointDoc>();
  }

  /** Idempotent: every instance runs it at boot. */
  async syncConfig(appId: string, endpoints: NewEndpoint[]): Promise<void> {
    for (const endpoint of endpoints) {
      const { _id, createdAt, ...fields } = endpoint;
      await this.model.updateOne(
        { _id, appId },
        { $set: fields, $setOnInsert: { createdAt, breaker: { ...CLOSED_BREAKER } } },
        { upsert: true },
      );
    }
    await this.model.deleteMany({ appId, source: 'config', _id: { $nin: endpoints.map((e) => e._id) } });
  }

  async recordFailure(appId: string, endpointId: string): Promise<BreakerDoc | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: endpointId, appId },
        { $inc: { 'breaker.failures': 1 } },
        { new: true, projection: { breaker: 1 } },
      )
      .lean<EndpointDoc>();
    return doc?.breaker ?? null;
  }

  /** Only if still in `from`: another instance may have opened it. */
  async open(appId: string, endpointId: string, from: BreakerDoc['state'], openUntil: Date): Promise<void> {
    await this.model.updateOne(
      { _id: endpointId, appId, 'breaker.state': from },
      { $set: { 'breaker.state': 'open', 'breaker.openUntil': openUntil }, $inc: { 'breaker.opens': 1 } },
    );
  }

  /** True for the one caller that got the probe. */
  async claimProbe(appId: string, endpointId: string, now: Date, until: Date): Promise<boolean> {
    const { modifiedCount } = await this.model.updateOne(
      { _id: endpointId, appId, 'breaker.state': { $in: ['open', 'half_open'] }, 'breaker.openUntil': { $lte: now } },
      { $set: { 'breaker.state': 'half_open', 'breaker.openUntil': until } },
    );
    return modifiedCount === 1;
  }

  /** One write only when it was not already closed and clean. */
  async recordSuccess(appId: string, endpointId: string): Promise<void> {
    await this.model.updateOne(
      { _id: endpointId, appId, $or: [{ 'breaker.failures': { $gt: 0 } }, { 'breaker.state': { $ne: 'closed' } }] },
      { $set: { breaker: { ...CLOSED_BREAKER } } },
    );
  }
}
