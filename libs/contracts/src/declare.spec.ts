import { declareCommand, replyType } from './declare';
import { GroupCommands } from './groups/group.commands';
import { HealthCommands } from './health/health.commands';

class PingCommand {}

describe('declareCommand', () => {
  it('keeps the subject and the request class of a declaration', () => {
    const ping = declareCommand('spec.ping.send', PingCommand, replyType<{ pong: true }>());
    expect(ping).toEqual({ subject: 'spec.ping.send', request: PingCommand });
  });

  it('refuses a subject declared twice', () => {
    declareCommand('spec.twice.send', PingCommand, replyType<void>());
    expect(() => declareCommand('spec.twice.send', PingCommand, replyType<void>())).toThrow(/declared twice/);
  });

  it('names subjects <service>.<entity>.<verb>', () => {
    const subjects = [...Object.values(GroupCommands), ...Object.values(HealthCommands)].map(
      (command) => command.subject,
    );
    for (const subject of subjects) expect(subject).toMatch(/^[a-z-]+\.[a-z_]+\.[a-z_]+$/);
    expect(HealthCommands['room-metadata'].subject).toBe('room-metadata.health.check');
  });
});
