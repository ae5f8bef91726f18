import { callBy, newTestService } from '@cohort/testing';

import { SessionRepository } from './session.repository';
import { SessionsService } from './sessions.service';

function setup() {
  const { service, mock } = newTestService(SessionsService);
  const sessions = mock(SessionRepository);
  sessions.insert.mockImplementation(async (_appId, session) => ({ ...session, createdAt: 1 }) as never);
  return { service, sessions };
}

describe('SessionsService', () => {
  it('the app registers a user with a fresh id and its key as base64url, whatever base64 it came in', async () => {
    const { service, sessions } = setup();
    const key = Buffer.alloc(32, 250);
    await service.register(callBy(null), { fullName: 'Ann', publicKey: key.toString('base64') });
    await service.register(callBy(null), { fullName: 'Bob', publicKey: key.toString('base64url') });
    const [first, second] = sessions.insert.mock.calls.map((c) => c[1]);
    expect(first.publicKey).toBe(key.toString('base64url'));
    expect(second.publicKey).toBe(first.publicKey);
    expect(first.userId).not.toBe(second.userId);
  });

  it('a key that is not 32 bytes is refused naming the field; users may not register or read keys', async () => {
    const { service } = setup();
    await expect(service.register(callBy(null), { fullName: 'Ann', publicKey: 'AAAA' })).rejects.toMatchObject({
      details: { field: 'publicKey' },
    });
    await expect(service.register(callBy('1'), { fullName: 'Ann', publicKey: 'AAAA' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(service.find(callBy('1'), { userId: 'u', sessionId: 's' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('an unknown session is not_found', async () => {
    const { service, sessions } = setup();
    sessions.find.mockResolvedValue(null);
    await expect(service.find(callBy(null), { userId: 'u', sessionId: 's' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
