import type { DomainEvent } from '@cohort/contracts';

import { auditActorOf, auditEntryOf } from './audit-facts';

const event = (over: Partial<DomainEvent>): DomainEvent => ({
  eventId: 'e1',
  type: 'member.role_changed',
  occurredAt: '2026-12-01T10:00:00.000Z',
  appId: 'demo',
  groupId: '1001',
  actor: { userId: 'u1', isAppAdmin: false },
  correlationId: 'req-1',
  data: { userId: 'u2', role: 'admin', previousRole: 'member' },
  ...over,
});

describe('audit facts', () => {
  it('tells users, the app admin (as itself or a user) and the system apart', () => {
    expect(auditActorOf(event({}))).toEqual({ kind: 'user', userId: 'u1' });
    expect(auditActorOf(event({ actor: { userId: null, isAppAdmin: true } }))).toEqual({
      kind: 'app_admin',
      userId: null,
    });
    expect(auditActorOf(event({ actor: { userId: 'u9', isAppAdmin: true } }))).toEqual({
      kind: 'app_admin',
      userId: 'u9',
    });
    expect(auditActorOf(event({ actor: { userId: null, isAppAdmin: true }, correlationId: 'sweep-1' }))).toEqual({
      kind: 'system',
      userId: null,
    });
    // A user's request id that happens to start like a sweep's is still the user's.
    expect(auditActorOf(event({ correlationId: 'sweep-1' }))).toEqual({ kind: 'user', userId: 'u1' });
  });

  it('keeps the event’s before and after values, its targets, time and request id', () => {
    expect(auditEntryOf(event({}))).toEqual({
      entryId: 'e1',
      at: Date.parse('2026-12-01T10:00:00.000Z'),
      action: 'member.role_changed',
      groupId: '1001',
      actor: { kind: 'user', userId: 'u1' },
      targets: ['u2'],
      before: { role: 'member' },
      after: { role: 'admin' },
      requestId: 'req-1',
    });
    expect(
      auditEntryOf(event({ type: 'file.renamed', data: { fileId: 'f', name: 'b', previousName: 'a' } })),
    ).toMatchObject({
      targets: [],
      before: { fileId: 'f', name: 'a' },
      after: { fileId: 'f', name: 'b' },
    });
  });
});
