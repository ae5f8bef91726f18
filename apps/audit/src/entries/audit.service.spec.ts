import type { DomainEvent } from '@cohort/contracts';
import { callBy, newTestService } from '@cohort/testing';

import { AuditService } from './audit.service';
import { AuditEntryRepository } from './audit-entry.repository';

function setup() {
  const { service, mock } = newTestService(AuditService);
  return { service, entries: mock(AuditEntryRepository) };
}

describe('AuditService', () => {
  it('records an event as an entry of its app', async () => {
    const { service, entries } = setup();
    const event = {
      eventId: 'e1',
      type: 'member.left',
      occurredAt: new Date(1).toISOString(),
      appId: 'app',
      groupId: 'g1',
      actor: { userId: '1', isAppAdmin: false },
      correlationId: 'r',
      data: { userId: '2', role: 'member', how: 'left' },
    } as DomainEvent;
    await service.record(event);
    expect(entries.record).toHaveBeenCalledWith(
      'app',
      expect.objectContaining({ entryId: 'e1', action: 'member.left', targets: ['2'] }),
    );
  });

  it('only the app admin reads the log and its stats', async () => {
    const { service, entries } = setup();
    await expect(service.list(callBy('1'), { limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.stats(callBy('1'))).rejects.toMatchObject({ code: 'forbidden' });
    expect(entries.page).not.toHaveBeenCalled();
  });

  it('pages with the filter given; counts the last minute and the last hour', async () => {
    const { service, entries } = setup();
    entries.page.mockResolvedValue({ items: [], next: null });
    await expect(service.list(callBy(null), { limit: 10, groupId: 'g1' })).resolves.toEqual({
      items: [],
      cursor: null,
    });
    expect(entries.page).toHaveBeenCalledWith('app', { groupId: 'g1' }, 10, undefined);
    entries.countSince.mockImplementation(async (_appId, since) => (since.getTime() === 3_540_000 ? 5 : 50));
    await expect(service.stats(callBy(null), 3_600_000)).resolves.toEqual({ eventsLastMinute: 5, eventsLastHour: 50 });
  });
});
