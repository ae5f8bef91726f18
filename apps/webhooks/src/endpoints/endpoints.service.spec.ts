import { type CommandEnvelope, WebhookLimits } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { callBy, newTestService } from '@cohort/testing';

import { endpointDoc, STANDARD_SECRET } from '../../test/endpoint.fixture';
import { AppsConfig } from '../apps-config/apps-config';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { QueueRepository } from '../deliveries/queue.repository';
import { AddressGuard } from '../dispatch/address-guard';
import { HttpSender } from '../dispatch/http-sender';
import { EndpointRepository, type NewEndpoint } from './endpoint.repository';
import { EndpointsService } from './endpoints.service';
import type { EndpointDoc } from './schemas/endpoint.schema';

const envelope = (userId: string | null): CommandEnvelope<unknown> => ({ ...callBy(userId), data: null });
const app = envelope(null);
const SECRET = STANDARD_SECRET;

function setup(stored: EndpointDoc = endpointDoc()) {
  const { service, mock } = newTestService(EndpointsService);
  const endpoints = mock(EndpointRepository);
  endpoints.count.mockResolvedValue(0);
  endpoints.insert.mockImplementation(async (e: NewEndpoint) => endpointDoc(e));
  endpoints.get.mockImplementation(async (_appId, id) => (id === stored._id ? stored : null));
  endpoints.update.mockImplementation(async (_appId, _id, changes) => ({ ...stored, ...changes }) as EndpointDoc);
  endpoints.delete.mockResolvedValue(true);
  endpoints.replaceSecrets.mockImplementation(async (_appId, _id, _current, secrets) => ({ ...stored, secrets }));
  mock(AddressGuard).check.mockResolvedValue(undefined);
  return {
    service,
    endpoints,
    guard: mock(AddressGuard),
    deliveries: mock(DeliveryRepository),
    queues: mock(QueueRepository),
    apps: mock(AppsConfig),
    sender: mock(HttpSender),
  };
}

describe('EndpointsService access', () => {
  it('only an app token acting as no user manages webhooks', async () => {
    const { service } = setup();
    await expect(service.list(envelope('1'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      service.list({ ...envelope('1'), caller: { appId: 'app', userId: '1', isAppAdmin: true } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.create(envelope('1'), { url: 'https://x' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('EndpointsService.create', () => {
  it('defaults: standard format, every event, enabled, a generated whsec_ secret answered once', async () => {
    const { service, endpoints } = setup();
    const created = await service.create(app, { url: 'https://hooks.example/x' });
    expect(created).toMatchObject({
      format: 'standard',
      events: ['*'],
      disabled: false,
      source: 'api',
      secret: expect.stringMatching(/^whsec_/),
    });
    expect(endpoints.insert.mock.calls[0][0]._id).toMatch(/^wh_/);
  });

  it('refuses a weak secret naming the field, an address the guard refuses, and more than the limit', async () => {
    const { service, endpoints, guard } = setup();
    await expect(service.create(app, { url: 'https://x', secret: 'short' })).rejects.toMatchObject({
      code: 'invalid_parameter',
      details: { field: 'secret' },
    });
    await expect(service.create(app, { url: 'https://x', format: 'easemob', secret: 'short' })).rejects.toMatchObject({
      details: { field: 'secret' },
    });
    guard.check.mockRejectedValueOnce(new DomainError('invalid_parameter', 'url: private address', { field: 'url' }));
    await expect(service.create(app, { url: 'http://10.0.0.1' })).rejects.toMatchObject({ details: { field: 'url' } });
    endpoints.count.mockResolvedValue(WebhookLimits.endpointsPerApp);
    await expect(service.create(app, { url: 'https://x' })).rejects.toMatchObject({ code: 'conflict' });
    expect(endpoints.insert).not.toHaveBeenCalled();
  });
});

describe('EndpointsService changes', () => {
  it('updates an API endpoint, checking a new url; a missing one is not_found', async () => {
    const { service, guard } = setup();
    await expect(
      service.update(app, { endpointId: 'wh_1', url: 'https://new.example', disabled: true }),
    ).resolves.toMatchObject({ url: 'https://new.example', disabled: true });
    expect(guard.check).toHaveBeenCalledWith('https://new.example', 'url');
    await expect(service.update(app, { endpointId: 'wh_2', disabled: true })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('an endpoint from the app’s configuration is changed there: update, delete and rotate are conflicts', async () => {
    const { service, endpoints } = setup(endpointDoc({ source: 'config' }));
    await expect(service.update(app, { endpointId: 'wh_1', disabled: true })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(service.delete(app, { endpointId: 'wh_1' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(service.rotateSecret(app, { endpointId: 'wh_1' })).rejects.toMatchObject({ code: 'conflict' });
    expect(endpoints.delete).not.toHaveBeenCalled();
  });

  it('deleting fails its pending deliveries and drops its queues', async () => {
    const { service, deliveries, queues } = setup();
    await expect(service.delete(app, { endpointId: 'wh_1' })).resolves.toEqual({ deleted: true });
    expect(deliveries.failAllPending).toHaveBeenCalledWith('app', 'wh_1', 'endpoint deleted');
    expect(queues.deleteForEndpoint).toHaveBeenCalledWith('app', 'wh_1');
  });

  it('rotation: a new current secret, the previous one signing through the grace period (none with 0)', async () => {
    const { service, endpoints } = setup();
    const rotated = await service.rotateSecret(app, { endpointId: 'wh_1', graceSeconds: 60 });
    expect(rotated.secret).not.toBe(SECRET);
    expect(rotated.previousSecretExpiresAt).toBeGreaterThan(Date.now());
    await service.rotateSecret(app, { endpointId: 'wh_1', graceSeconds: 0 });
    expect(endpoints.replaceSecrets.mock.lastCall?.[3]).toHaveLength(1);
    endpoints.replaceSecrets.mockResolvedValue(null);
    await expect(service.rotateSecret(app, { endpointId: 'wh_1' })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('EndpointsService.test', () => {
  it('sends a ping now and reports the answer', async () => {
    const { service, sender } = setup();
    sender.send.mockResolvedValue({ status: 204, error: null, retryAfterMs: null, latencyMs: 12 });
    await expect(service.test(app, { endpointId: 'wh_1' })).resolves.toEqual({
      ok: true,
      status: 204,
      error: null,
      latencyMs: 12,
    });
    sender.send.mockResolvedValue({ status: null, error: 'timeout', retryAfterMs: null, latencyMs: 5000 });
    await expect(service.test(app, { endpointId: 'wh_1' })).resolves.toMatchObject({ ok: false, error: 'timeout' });
  });
});

describe('EndpointsService.onApplicationBootstrap', () => {
  it('syncs every app’s configured endpoints under ids stable for the same app, url and format', async () => {
    const { service, apps, endpoints } = setup();
    apps.all.mockReturnValue([
      { appId: 'app', orgName: 'o', appName: 'a', webhooks: [{ url: 'https://hooks.example/c', secret: SECRET }] },
    ]);
    await service.onApplicationBootstrap();
    await service.onApplicationBootstrap();
    const [first, second] = endpoints.syncConfig.mock.calls.map((c) => c[1][0]);
    expect(first).toMatchObject({
      source: 'config',
      format: 'standard',
      url: 'https://hooks.example/c',
      _id: expect.stringMatching(/^cfg_/),
    });
    expect(second._id).toBe(first._id);
  });

  it('refuses a weak configured secret, naming where it is', async () => {
    const { service, apps } = setup();
    apps.all.mockReturnValue([
      { appId: 'app', orgName: 'o', appName: 'a', webhooks: [{ url: 'https://x', secret: 'weak' }] },
    ]);
    await expect(service.onApplicationBootstrap()).rejects.toMatchObject({
      details: { field: 'apps.app.webhooks[0].secret' },
    });
  });
});
