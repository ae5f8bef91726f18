import { generateKeyPairSync } from 'node:crypto';

import { validateInput } from '@cohort/errors';

import { CreateUserBody } from './dto/conversation.dto';
import { isSafeEd25519PublicKey } from './session-key';

const rawKey = () => generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);

describe('session keys', () => {
  it('takes a genuine Ed25519 public key, in base64 or base64url', () => {
    const raw = rawKey();
    expect(isSafeEd25519PublicKey(raw.toString('base64'))).toBe(true);
    expect(isSafeEd25519PublicKey(raw.toString('base64url'))).toBe(true);
  });

  it('refuses the small-order points (signatures would verify without a private key) and points off the curve', () => {
    const smallOrder = [
      '0100000000000000000000000000000000000000000000000000000000000000', // the identity
      'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // order 2
      '0000000000000000000000000000000000000000000000000000000000000000', // order 4
      'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', // order 8
    ];
    for (const hex of smallOrder)
      expect([hex, isSafeEd25519PublicKey(Buffer.from(hex, 'hex').toString('base64'))]).toEqual([hex, false]);
    expect(isSafeEd25519PublicKey(Buffer.alloc(32, 0xff).toString('base64'))).toBe(false);
    expect(isSafeEd25519PublicKey('not a key')).toBe(false);
  });

  it('POST /users refuses a session registered with a small-order key, naming session_secret', () => {
    const identity = Buffer.from('01'.padEnd(64, '0'), 'hex').toString('base64');
    expect(() => validateInput(CreateUserBody, { full_name: 'x', session_secret: identity }, 'body')).toThrow(
      /session_secret/,
    );
    expect(
      validateInput(CreateUserBody, { full_name: 'x', session_secret: rawKey().toString('base64') }, 'body').full_name,
    ).toBe('x');
  });
});
