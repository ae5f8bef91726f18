import 'reflect-metadata';

import { type DomainEvent, type GroupKey, ServiceNames } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { Outbox, OUTBOX_LIMIT } from '@cohort/outbox';
import { shortId, useServiceInProcess } from '@cohort/testing';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { MemberRepository } from '../src/members/member.repository';
import { MemberDoc } from '../src/members/schemas/member.schema';
import { RosterRepository } from '../src/roster/roster.repository';
import { RosterDoc } from '../src/roster/schemas/roster.schema';

// No sweep during the test: the outboxes stay as the test fills them.
process.env.SWEEP_INTERVAL_MS = '3600000';
process.env.OUTBOX_STALE_MS = '3600000';

/**
 * While JetStream refuses publishes, a roster or a member document must not grow without end: at
 * OUTBOX_LIMIT unsent events its next change is refused as `unavailable`, and nothing is written.
 */
describe('membership outboxes are bounded (integration)', () => {
  const service = useServiceInProcess({
    serviceName: ServiceNames.membership,
    dbPrefix: 'it_membership_outbox',
    loadModule: async () => (await import('../src/app.module')).AppModule,
  });
  const ctx = () => ({ caller: { appId: service.appId, userId: null, isAppAdmin: true }, requestId: 'outbox-bound' });
  const event = (groupId: string, userId: string): DomainEvent =>
    service.get(Outbox).prepare('member.settings_changed', ctx(), groupId, { userId, changed: { msgPushMode: 1 } });
  const newGroup = (): GroupKey => ({ appId: service.appId, groupId: `g${shortId(6)}` });
  /** Fills a document's outbox to the limit, as a long JetStream outage would. */
  const fill = (model: string, filter: object, groupId: string) =>
    service.app.get<Model<unknown>>(getModelToken(model)).updateOne(filter, {
      $set: { outbox: Array.from({ length: OUTBOX_LIMIT }, () => event(groupId, 'x')), outboxSince: new Date() },
    });
  const empty = (model: string, filter: object) =>
    service.app.get<Model<unknown>>(getModelToken(model)).updateOne(filter, { $set: { outbox: [] } });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'written',
      (error: unknown) => (isDomainError(error) ? error.code : String(error)),
    );

  it('a roster with a full outbox refuses an ownership transfer (unavailable), then takes it once the events are out', async () => {
    const rosters = service.get(RosterRepository);
    const key = newGroup();
    await rosters.ensure(key, 'group', 'owner', 10);
    await fill(RosterDoc.name, key, key.groupId);
    const transfer = () => rosters.transferOwner(key, 'owner', 'heir', false, event(key.groupId, 'heir'));
    expect(await refusal(transfer())).toBe('unavailable');
    expect((await rosters.find(key))?.ownerId).toBe('owner');
    await empty(RosterDoc.name, key);
    expect((await transfer()).value).toBe(true);
    expect((await rosters.find(key))?.ownerId).toBe('heir');
  });

  it('a member with a full outbox cannot change their settings (unavailable); another member can', async () => {
    const members = service.get(MemberRepository);
    const key = newGroup();
    await members.insert(
      key,
      'group',
      ['busy', 'calm'].map((userId) => ({ userId, role: 'member' as const, event: event(key.groupId, userId) })),
      new Date(),
    );
    await fill(MemberDoc.name, { ...key, userId: 'busy' }, key.groupId);
    expect(await refusal(members.updateOwn(key, 'busy', { msgPushMode: 1 }, event(key.groupId, 'busy')))).toBe(
      'unavailable',
    );
    expect((await members.findMany(key, ['busy'])).get('busy')?.msgPushMode).toBe(0);
    expect((await members.updateOwn(key, 'calm', { msgPushMode: 1 }, event(key.groupId, 'calm'))).value).toMatchObject({
      msgPushMode: 1,
    });
    // Not a member: still null (not unavailable).
    expect(
      (await members.updateOwn(key, 'stranger', { msgPushMode: 1 }, event(key.groupId, 'stranger'))).value,
    ).toBeNull();
    await empty(MemberDoc.name, { ...key, userId: 'busy' });
    expect((await members.updateOwn(key, 'busy', { msgPushMode: 1 }, event(key.groupId, 'busy'))).value).toMatchObject({
      msgPushMode: 1,
    });
  });
});
