import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { sentEvents, written } from './fake-outbox';
import { callBy } from './group-facts';
import { autoMock, newTestService } from './test-service';

class Base {
  inherited(): string {
    return 'real';
  }
}
@Injectable()
class Store extends Base {
  read(): string {
    return 'real';
  }
}
@Injectable()
class Rules {
  constructor(private readonly store: Store) {}
  decide(): string {
    return `decided ${this.store.read()}`;
  }
}
@Injectable()
class Subject {
  constructor(
    readonly rules: Rules,
    readonly store: Store,
    readonly outbox: Outbox,
  ) {}
}
interface Shape {
  x: number;
}
@Injectable()
class NeedsAnInterface {
  constructor(readonly shape: Shape) {}
}

describe('newTestService', () => {
  it('gives every dependency an auto-mock, one per class, typed', () => {
    const { service, mock } = newTestService(Subject);
    mock(Store).read.mockReturnValue('faked');
    expect(service.store.read()).toBe('faked');
    expect(service.store.inherited()).toBeUndefined();
    expect(service.rules).toBe(mock(Rules));
  });

  it('builds `real` dependencies from the same mocks', () => {
    const { service, mock } = newTestService(Subject, { real: [Rules] });
    mock(Store).read.mockReturnValue('faked');
    expect(service.rules.decide()).toBe('decided faked');
  });

  it('takes ready instances by class', () => {
    const store = new Store();
    const { service } = newTestService(Subject, { use: [[Store, store]] });
    expect(service.store).toBe(store);
  });

  it('gives a recording outbox', async () => {
    const { service } = newTestService(Subject);
    const event = service.outbox.prepare('member.left', callBy('1'), 'g1', {
      userId: '2',
      role: 'member',
      how: 'left',
    });
    await service.outbox.commit(written(undefined, event));
    expect(sentEvents(service.outbox as jest.Mocked<Outbox>)).toEqual([
      { type: 'member.left', groupId: 'g1', data: { userId: '2', role: 'member', how: 'left' } },
    ]);
  });

  it('says which parameter it cannot mock, and which class was not given', () => {
    expect(() => newTestService(NeedsAnInterface)).toThrow('NeedsAnInterface: parameter 0 has no class type to mock');
    expect(() => newTestService(Subject).mock(NeedsAnInterface)).toThrow('Subject was given no NeedsAnInterface');
  });

  it('autoMock mocks methods only', () => {
    expect(Object.keys(autoMock(Store)).sort()).toEqual(['inherited', 'read']);
  });
});
