import { BusClient } from '@cohort/bus';
import type { DomainEvent, EventType } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { groupView, newTestService } from '@cohort/testing';

import { endpointDoc } from '../../test/endpoint.fixture';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { QueueRepository } from '../deliveries/queue.repository';
import { DispatchSignal } from '../dispatch/dispatch-signal';
import { EndpointRepository } from '../endpoints/endpoint.repository';
import { GroupTypeRepository } from '../projections/group-type.repository';
import { IngestService } from './ingest.service';

const KEY = { appId: 'app', groupId: 'g1' };
const event = (type: EventType, data: unknown = { userId: '2' }): DomainEvent =>
  ({
    eventId: `e-${type}`,
    type,
    occurredAt: new Date(1000).toISOString(),
    appId: 'app',
    groupId: 'g1',
    actor: { userId: '1', isAppAdmin: false },
    correlationId: 'r',
    data,
  }) as DomainEvent;

function setup(
  endpoints = [
    endpointDoc(),
    endpointDoc({ _id: 'wh_2', events: ['member.left'] }),
    endpointDoc({ _id: 'wh_3', format: 'easemob' }),
  ],
) {
  const { service, mock } = newTestService(IngestService);
  mock(EndpointRepository).enabled.mockResolvedValue(endpoints);
  return {
    service,
    deliveries: mock(DeliveryRepository),
    queues: mock(QueueRepository),
    groupTypes: mock(GroupTypeRepository),
    bus: mock(BusClient),
    signal: mock(DispatchSignal),
  };
}

describe('IngestService.ingest', () => {
  it('one delivery per endpoint that wants the event, queued per endpoint and group, then the dispatcher is woken', async () => {
    const { service, deliveries, queues, groupTypes, signal } = setup();
    groupTypes.find.mockResolvedValue('chatroom');
    await service.ingest(event('member.joined'), 42);
    const stored = deliveries.insertNew.mock.calls[0][0];
    expect(stored.map((d) => [d.endpointId, d.queueKey, d.sequence, d.groupType])).toEqual([
      ['wh_1', 'wh_1|g1', 42, 'chatroom'],
      ['wh_3', 'wh_3|g1', 42, 'chatroom'],
    ]);
    expect(queues.touch).toHaveBeenCalledWith(
      expect.arrayContaining([{ key: 'wh_1|g1', appId: 'app', endpointId: 'wh_1', replay: false }]),
    );
    expect(signal.wake).toHaveBeenCalled();
  });

  it('no endpoint wants it: nothing stored, nobody woken', async () => {
    const { service, deliveries, signal } = setup([endpointDoc({ events: ['member.left'] })]);
    await service.ingest(event('member.joined'), 1);
    expect(deliveries.insertNew).not.toHaveBeenCalled();
    expect(signal.wake).not.toHaveBeenCalled();
  });

  it('an event older than the endpoint is history, for replays only', async () => {
    const { service, deliveries } = setup([endpointDoc({ createdAt: new Date(5000) })]);
    await service.ingest(event('member.joined'), 1);
    expect(deliveries.insertNew).not.toHaveBeenCalled();
  });

  it('group.created records the group’s kind and gives it to its deliveries', async () => {
    const { service, groupTypes, deliveries } = setup();
    await service.ingest(event('group.created', { ...groupView(), type: 'chatroom', memberCount: 1 }), 1);
    expect(groupTypes.record).toHaveBeenCalledWith(KEY, 'chatroom');
    expect(deliveries.insertNew.mock.calls[0][0][0].groupType).toBe('chatroom');
    expect(groupTypes.find).not.toHaveBeenCalled();
  });

  it('the kind of a group older than this service’s history is asked of the groups service once, then kept', async () => {
    const { service, groupTypes, bus, deliveries } = setup();
    groupTypes.find.mockResolvedValue(null);
    bus.send.mockResolvedValue(groupView({ type: 'chatroom' }));
    await service.ingest(event('member.joined'), 1);
    expect(groupTypes.record).toHaveBeenCalledWith(KEY, 'chatroom');
    expect(deliveries.insertNew.mock.calls[0][0][0].groupType).toBe('chatroom');
  });

  it('a group the groups service no longer knows is a group; any other failure is retried (thrown)', async () => {
    const { service, groupTypes, bus, deliveries } = setup();
    groupTypes.find.mockResolvedValue(null);
    bus.send.mockRejectedValueOnce(new DomainError('group_not_found', 'gone'));
    await service.ingest(event('member.joined'), 1);
    expect(deliveries.insertNew.mock.calls[0][0][0].groupType).toBe('group');
    bus.send.mockRejectedValueOnce(new DomainError('unavailable', 'down'));
    await expect(service.ingest(event('member.joined'), 2)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('without an Easemob endpoint the kind is not looked up', async () => {
    const { service, groupTypes } = setup([endpointDoc()]);
    await service.ingest(event('member.joined'), 1);
    expect(groupTypes.find).not.toHaveBeenCalled();
  });
});
