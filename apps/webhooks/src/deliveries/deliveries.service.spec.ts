import { type CommandEnvelope, WebhookLimits } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { callBy, newTestService } from '@cohort/testing';

import { endpointDoc } from '../../test/endpoint.fixture';
import { AddressGuard } from '../dispatch/address-guard';
import { DispatchSignal } from '../dispatch/dispatch-signal';
import { EndpointsService } from '../endpoints/endpoints.service';
import { DeliveriesService } from './deliveries.service';
import { DeliveryRepository } from './delivery.repository';
import { QueueRepository } from './queue.repository';
import type { DeliveryDoc } from './schemas/delivery.schema';

const app: CommandEnvelope<unknown> = { ...callBy(null), data: null };
const original = (sequence: number) =>
  ({
    eventId: `e${sequence}`,
    eventType: 'member.joined',
    groupId: 'g1',
    groupType: 'group',
    sequence,
    occurredAt: new Date(sequence),
    event: {},
  }) as DeliveryDoc;

function setup() {
  const { service, mock } = newTestService(DeliveriesService);
  mock(EndpointsService).find.mockImplementation(async (_appId, id) => {
    if (id !== 'wh_1') throw new DomainError('not_found', `no webhook ${id}`);
    return endpointDoc();
  });
  const deliveries = mock(DeliveryRepository);
  deliveries.forReplay.mockResolvedValue([original(1), original(2)]);
  return {
    service,
    deliveries,
    queues: mock(QueueRepository),
    guard: mock(AddressGuard),
    signal: mock(DispatchSignal),
  };
}

describe('DeliveriesService.replay', () => {
  it('queues the originals again, in order, as one replay queue of their own with the same event ids, then wakes the dispatcher', async () => {
    const { service, deliveries, queues, signal } = setup();
    const result = await service.replay(app, { endpointId: 'wh_1', from: 0, to: 10 });
    expect(result).toEqual({ replayId: expect.stringMatching(/^rp_/), queued: 2 });
    expect(deliveries.forReplay).toHaveBeenCalledWith(
      'app',
      'wh_1',
      { from: new Date(0), to: new Date(10) },
      WebhookLimits.replayMax,
    );
    const copies = deliveries.insertNew.mock.calls[0][0];
    expect(copies.map((c) => [c.eventId, c.sequence, c.replayId, c.queueKey, c.targetUrl])).toEqual([
      ['e1', 1, result.replayId, `wh_1|replay:${result.replayId}`, null],
      ['e2', 2, result.replayId, `wh_1|replay:${result.replayId}`, null],
    ]);
    expect(queues.touch).toHaveBeenCalledWith([
      { key: `wh_1|replay:${result.replayId}`, appId: 'app', endpointId: 'wh_1', replay: true },
    ]);
    expect(signal.wake).toHaveBeenCalled();
  });

  it('to another url, once the guard accepts it; by event ids', async () => {
    const { service, deliveries, guard } = setup();
    await service.replay(app, { endpointId: 'wh_1', eventIds: ['e2'], url: 'https://other.example' });
    expect(guard.check).toHaveBeenCalledWith('https://other.example', 'url');
    expect(deliveries.forReplay).toHaveBeenCalledWith('app', 'wh_1', { eventIds: ['e2'] }, WebhookLimits.replayMax);
    expect(deliveries.insertNew.mock.calls[0][0][0].targetUrl).toBe('https://other.example');
  });

  it('nothing to replay queues nothing and wakes nobody', async () => {
    const { service, deliveries, queues, signal } = setup();
    deliveries.forReplay.mockResolvedValue([]);
    await expect(service.replay(app, { endpointId: 'wh_1', from: 0, to: 10 })).resolves.toMatchObject({ queued: 0 });
    expect(queues.touch).not.toHaveBeenCalled();
    expect(signal.wake).not.toHaveBeenCalled();
  });

  it('refuses a selection that is both or neither, or a range that ends before it starts, naming the field', async () => {
    const { service, deliveries } = setup();
    await expect(service.replay(app, { endpointId: 'wh_1', eventIds: ['e1'], from: 0 })).rejects.toMatchObject({
      details: { field: 'eventIds' },
    });
    await expect(service.replay(app, { endpointId: 'wh_1' })).rejects.toMatchObject({ details: { field: 'from' } });
    await expect(service.replay(app, { endpointId: 'wh_1', from: 5 })).rejects.toMatchObject({
      details: { field: 'to' },
    });
    await expect(service.replay(app, { endpointId: 'wh_1', from: 5, to: 5 })).rejects.toMatchObject({
      details: { field: 'to' },
    });
    expect(deliveries.forReplay).not.toHaveBeenCalled();
  });

  it('an unknown endpoint is not_found; a user token is forbidden', async () => {
    const { service } = setup();
    await expect(service.replay(app, { endpointId: 'wh_9', from: 0, to: 10 })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      service.replay({ ...callBy('1'), data: null }, { endpointId: 'wh_1', from: 0, to: 10 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('DeliveriesService reads', () => {
  it('an endpoint’s deliveries by state, paged with the total; the app’s pending backlog', async () => {
    const { service, deliveries } = setup();
    deliveries.page.mockResolvedValue({ items: [], next: null });
    deliveries.count.mockResolvedValue(0);
    deliveries.countPending.mockResolvedValue(7);
    await expect(service.list(app, { endpointId: 'wh_1', state: 'failed', limit: 10 })).resolves.toEqual({
      items: [],
      cursor: null,
      total: 0,
    });
    expect(deliveries.page).toHaveBeenCalledWith('app', 'wh_1', 'failed', 10, undefined);
    await expect(service.backlog(app)).resolves.toEqual({ pending: 7 });
    await expect(service.backlog({ ...callBy('1'), data: null })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
