import 'reflect-metadata';

import { BusClient, EventPublisher } from '@cohort/bus';
import {
  AUDIT_ACTION_TYPES,
  AuditCommands,
  type AuditEntryView,
  type Caller,
  type EventMap,
  type EventType,
  type ListAuditCommand,
  ServiceNames,
} from '@cohort/contracts';
import { currentRequestId } from '@cohort/logging';
import { expectEventually, shortId, useServiceInProcess } from '@cohort/testing';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';

import { AuditEntryDoc } from '../src/entries/schemas/audit-entry.schema';
import { AuditRetentionSweep } from '../src/retention/audit-retention.sweeper';

/** One event of every type, as the services publish them. */
const SAMPLES: { [K in EventType]: EventMap[K] } = {
  'group.created': {
    groupId: 'g',
    type: 'group',
    name: 'team',
    description: '',
    avatar: '',
    ext: '',
    ownerId: 'u1',
    creatorId: 'u1',
    capacity: 200,
    public: false,
    status: 'active',
    settings: {
      applyApproval: 0,
      memberInvite: false,
      memberModify: false,
      readAck: false,
      historyVisible: true,
      disappearSeconds: 0,
    },
    muteAllUntil: null,
    createdAt: 1,
    updatedAt: 1,
    memberCount: 3,
  },
  'group.updated': { changed: { name: 'renamed' } },
  'group.settings_changed': { changed: { readAck: true } },
  'group.mute_all_changed': { until: -1 },
  'group.destroyed': { type: 'group', ownerId: 'u1' },
  'group.owner_transferred': { previousOwnerId: 'u1', newOwnerId: 'u2' },
  'member.joined': { userId: 'u3', role: 'member', how: 'added' },
  'member.left': { userId: 'u3', role: 'member', how: 'kicked' },
  'member.role_changed': { userId: 'u2', role: 'admin', previousRole: 'member' },
  'member.settings_changed': { userId: 'u2', changed: { msgPushMode: 2 } },
  'member.muted': { userId: 'u3', until: 1_900_000_000_000 },
  'member.unmuted': { userId: 'u3' },
  'member.blocked': { userId: 'u3' },
  'member.unblocked': { userId: 'u3' },
  'member.allowlisted': { userId: 'u3' },
  'member.unallowlisted': { userId: 'u3' },
  'join_request.created': { applicantId: 'u4', reason: 'hi', expiresAt: 1_900_000_000_000 },
  'join_request.handled': { applicantId: 'u4', approved: true },
  'invitation.created': { inviteeId: 'u5', inviterId: 'u1', reason: '', expiresAt: 1_900_000_000_000 },
  'invitation.handled': { inviteeId: 'u5', inviterId: 'u1', accepted: false },
  'room_attributes.changed': { userId: 'u3', how: 'set', forced: false, set: { topic: 'cats' }, removed: [] },
  'announcement.published': { announcementId: 'a1', title: 't', content: 'c', authorId: 'u1', createdAt: 1 },
  'announcement.deleted': { announcementId: 'a1' },
  'file.added': {
    fileId: 'f1',
    name: 'n.pdf',
    size: 1,
    type: 'application/pdf',
    url: 'https://x/n.pdf',
    uploaderId: 'u1',
    createdAt: 1,
    updatedAt: 1,
  },
  'file.renamed': { fileId: 'f1', name: 'm.pdf', previousName: 'n.pdf' },
  'file.deleted': { fileId: 'f1', name: 'm.pdf', url: 'https://x/m.pdf' },
};

// Retention passes run only when a test calls them (the 100k entries must stay while they are paged).
process.env.SWEEP_INTERVAL_MS = '3600000';

/** The audit service in-process on real NATS + the dev database: fed by the event stream. */
describe('audit log (integration)', () => {
  const service = useServiceInProcess({
    serviceName: ServiceNames.audit,
    testTimeoutMs: 300_000,
    dbPrefix: 'it_audit',
    loadModule: async () => (await import('../src/app.module')).AppModule,
  });
  const admin = (appId: string): Caller => ({ appId, userId: null, isAppAdmin: true });
  const list = (appId: string, filter: ListAuditCommand, requestId = `list-${shortId()}`) =>
    service.get(BusClient).send(AuditCommands.list, { caller: admin(appId), requestId }, filter);
  const entries = () => service.app.get<Model<AuditEntryDoc>>(getModelToken(AuditEntryDoc.name));

  it('records every event type once, with its actor, targets and before/after values, whoever acted', async () => {
    const appId = `app_${shortId()}`;
    const publisher = service.get(EventPublisher);
    const actors: Caller[] = [
      { appId, userId: 'u1', isAppAdmin: false },
      { appId, userId: null, isAppAdmin: true },
      { appId, userId: 'u9', isAppAdmin: true },
    ];
    for (const [i, type] of AUDIT_ACTION_TYPES.entries()) {
      const caller = actors[i % actors.length];
      const event = await publisher.publish(type, {
        caller,
        correlationId: `req-${type}`,
        groupId: '1001',
        data: SAMPLES[type] as never,
      });
      // A redelivery (the same event again, past the stream's de-duplication) records nothing new.
      if (i === 0)
        await publisher.publish(type, {
          caller,
          correlationId: `req-${type}`,
          groupId: '1001',
          data: SAMPLES[type] as never,
          dedupKey: `again-${event.eventId}`,
        });
    }
    // Background passes act as the system.
    await publisher.publish('member.left', {
      caller: admin(appId),
      correlationId: 'sweep-123',
      groupId: '1002',
      data: SAMPLES['member.left'],
    });

    await expectEventually(
      async () => expect((await list(appId, { limit: 100 })).items).toHaveLength(AUDIT_ACTION_TYPES.length + 2),
      { timeoutMs: 30_000 },
    );
    const { items } = await list(appId, { limit: 100 });
    const byAction = new Map<string, AuditEntryView[]>();
    for (const entry of items) byAction.set(entry.action, [...(byAction.get(entry.action) ?? []), entry]);
    for (const [i, type] of AUDIT_ACTION_TYPES.entries()) {
      const entry = byAction.get(type)?.find((e) => e.groupId === '1001');
      const caller = actors[i % actors.length];
      expect(entry).toMatchObject({
        requestId: `req-${type}`,
        actor: { kind: caller.isAppAdmin ? 'app_admin' : 'user', userId: caller.userId },
      });
    }
    expect(byAction.get('member.role_changed')?.[0]).toMatchObject({
      targets: ['u2'],
      before: { role: 'member' },
      after: { role: 'admin' },
    });
    expect(byAction.get('group.owner_transferred')?.[0]).toMatchObject({
      targets: ['u1', 'u2'],
      before: { ownerId: 'u1' },
      after: { ownerId: 'u2' },
    });
    expect(byAction.get('member.muted')?.[0]).toMatchObject({
      targets: ['u3'],
      after: { mutedUntil: 1_900_000_000_000 },
    });
    expect(byAction.get('member.left')?.find((e) => e.groupId === '1002')?.actor).toEqual({
      kind: 'system',
      userId: null,
    });

    // Filters: group, actor, target, action, actor kind.
    expect((await list(appId, { limit: 100, groupId: '1002' })).items.map((e) => e.action)).toEqual(['member.left']);
    expect((await list(appId, { limit: 100, actorKind: 'system' })).items).toHaveLength(1);
    expect((await list(appId, { limit: 100, targetUserId: 'u4' })).items.map((e) => e.action).sort()).toEqual([
      'join_request.created',
      'join_request.handled',
    ]);
    expect((await list(appId, { limit: 100, action: 'member.muted' })).items).toHaveLength(1);
    const byU9 = (await list(appId, { limit: 100, actorId: 'u9' })).items;
    expect(byU9.length).toBeGreaterThan(0);
    expect(byU9.every((e) => e.actor.userId === 'u9')).toBe(true);
    // Other apps never see it.
    expect((await list(`other_${shortId()}`, { limit: 100 })).items).toEqual([]);
  });

  it('refuses users: the log is the app admin’s', async () => {
    const bus = service.get(BusClient);
    await expect(
      bus.send(
        AuditCommands.list,
        { caller: { appId: 'a', userId: 'u1', isAppAdmin: false }, requestId: 'r' },
        { limit: 10 },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('pages 100,000 entries newest first to the end with one indexed query per page, the last page like the first', async () => {
    const appId = `big_${shortId()}`;
    const total = 100_000;
    const base = Date.now() - 3600_000;
    const docs = Array.from({ length: total }, (_, i) => ({
      appId,
      entryId: `e${String(i).padStart(6, '0')}`,
      // Two entries per millisecond: ties are broken by the entry id.
      at: new Date(base + Math.floor(i / 2)),
      action: 'member.muted',
      groupId: String(1000 + (i % 50)),
      actorKind: 'user',
      actorId: `u${i % 7}`,
      targets: [`t${i % 11}`],
      before: null,
      after: { mutedUntil: -1 },
      requestId: `r${i}`,
    }));
    for (let i = 0; i < total; i += 10_000)
      await entries().collection.insertMany(docs.slice(i, i + 10_000), { ordered: false });

    // Counted on the service's own connection, per page (its commands run under the request's id).
    const client = service.app.get<Connection>(getConnectionToken()).getClient();
    const commandsOf = new Map<string, string[]>();
    const count = (event: { commandName: string }) => {
      const id = currentRequestId();
      if (id?.startsWith('page-')) commandsOf.set(id, [...(commandsOf.get(id) ?? []), event.commandName]);
    };
    client.on('commandStarted', count);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    try {
      do {
        const page = await list(appId, { limit: 1000, cursor }, `page-${pages}`);
        seen.push(...page.items.map((e) => e.entryId));
        cursor = page.cursor ?? undefined;
        pages += 1;
      } while (cursor);
    } finally {
      client.off('commandStarted', count);
    }
    expect(pages).toBe(100);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen[0]).toBe('e099999');
    expect(seen[total - 1]).toBe('e000000');
    // Every page, the first and the last alike, is one query: a seek on (appId, at, entryId).
    expect([...commandsOf.values()].every((commands) => commands.length === 1 && commands[0] === 'find')).toBe(true);
    expect(commandsOf.size).toBe(100);
    const indexes = await entries().collection.indexes();
    expect(indexes.map((i) => i.key)).toContainEqual({ appId: 1, at: -1, entryId: -1 });

    // A filtered walk: one group's 2,000 entries.
    const group = await list(appId, { limit: 1000, groupId: '1007' });
    expect(group.items.every((e) => e.groupId === '1007')).toBe(true);
    const rest = await list(appId, { limit: 1000, groupId: '1007', cursor: group.cursor ?? undefined });
    expect(group.items.length + rest.items.length).toBe(2000);
    expect(rest.cursor).toBeNull();

    // Retention: with 1 day for this app, a pass deletes a bounded batch of the old entries.
    const sweep = service.get(AuditRetentionSweep);
    jest.spyOn(sweep, 'retentionDays').mockImplementation((id) => (id === appId ? 1 : 90));
    await sweep.sweep(base + 10 * 24 * 3600 * 1000);
    expect(await entries().countDocuments({ appId })).toBe(total - 5_000);
  });
});
