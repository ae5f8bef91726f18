import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { connect, type NatsConnection } from 'nats';

import { startNats } from './nats';
import { generateNatsPasswords, natsAuthorizationConfig, type NatsUser } from './nats-authorization';
import { findRepoRoot } from './repo-root';
import type { RunningServer } from './start-on-port';

describe('NATS with per-process credentials (real nats-server)', () => {
  const dataDir = join(findRepoRoot(), '.infra', 'test', `nats-auth-${process.pid}`);
  const passwords = generateNatsPasswords();
  let nats: RunningServer;
  const open: NatsConnection[] = [];

  const as = async (user: NatsUser) => {
    const nc = await connect({
      servers: nats.url,
      user,
      pass: passwords[user],
      inboxPrefix: `_INBOX_${user}`,
      reconnect: false,
    });
    open.push(nc);
    return nc;
  };

  /** Whether a message `user` publishes on `subject` reaches a subscriber (the operator). */
  const delivered = async (user: NatsUser, subject: string): Promise<boolean> => {
    const watcher = await as('operator');
    const seen: string[] = [];
    watcher.subscribe(subject, { callback: (_error, msg) => seen.push(msg.subject) });
    await watcher.flush();
    const sender = await as(user);
    sender.publish(subject);
    await sender.flush();
    await watcher.flush();
    return seen.length === 1;
  };

  beforeAll(async () => {
    nats = await startNats({
      dataDir,
      authorization: natsAuthorizationConfig((user) => JSON.stringify(passwords[user])),
    });
  });
  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close()));
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses an anonymous connection and a wrong password', async () => {
    await expect(connect({ servers: nats.url, reconnect: false })).rejects.toThrow(/authorization/i);
    await expect(connect({ servers: nats.url, user: 'groups', pass: 'guess', reconnect: false })).rejects.toThrow(
      /authorization/i,
    );
  });

  it('lets a service publish its own events and the commands services send, nothing else', async () => {
    expect(await delivered('groups', 'evt.group.created')).toBe(true);
    expect(await delivered('groups', 'evt.member.joined')).toBe(false); // membership's event
    expect(await delivered('membership', 'evt.member.joined')).toBe(true);
    expect(await delivered('groups', 'membership.roster.create')).toBe(true);
    expect(await delivered('groups', 'content.announcement.publish')).toBe(false); // only the gateway
    expect(await delivered('content', 'content.health.check')).toBe(true); // its own health check
  });

  it('lets only the gateway send every command, and never publish events', async () => {
    expect(await delivered('gateway', 'content.announcement.publish')).toBe(true);
    expect(await delivered('gateway', 'room-metadata.attributes.set')).toBe(true);
    expect(await delivered('gateway', 'evt.group.destroyed')).toBe(false);
  });

  it('lets a process read only its own replies', async () => {
    const groups = await as('groups');
    const refused = new Promise<Error>((resolve) =>
      groups.subscribe('_INBOX_gateway.>', { callback: (error) => error && resolve(error) }),
    );
    await groups.flush();
    expect((await refused).message).toMatch(/permissions violation/i);
  });
});
