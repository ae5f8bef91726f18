import { Webhook } from 'standardwebhooks';

import { generateSecret } from '../endpoints/secrets';
import { signStandard } from './standard-format';

describe('signStandard', () => {
  const body = JSON.stringify({ type: 'member.muted', data: { userId: '1' } });

  it('signs as Standard Webhooks v1: the standardwebhooks verifier accepts it', () => {
    const secret = generateSecret('standard');
    const { headers } = signStandard('evt-1', body, [secret], Date.now());
    expect(headers['webhook-id']).toBe('evt-1');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('during a rotation both secrets sign: either verifies; another secret does not', () => {
    const [current, previous] = [generateSecret('standard'), generateSecret('standard')];
    const { headers } = signStandard('evt-2', body, [current, previous], Date.now());
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateSecret('standard')).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });
});
