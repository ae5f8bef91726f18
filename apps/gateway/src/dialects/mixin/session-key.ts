import { ed25519 } from '@noble/curves/ed25519.js';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * Whether a session's public key (32 bytes, base64 or base64url) is a valid Ed25519 point of
 * large order: a point off the curve, or one of the eight small-order points, would let
 * signatures verify without the private key.
 */
export function isSafeEd25519PublicKey(base64: string): boolean {
  if (!BASE64_KEY.test(base64)) return false;
  try {
    return !ed25519.Point.fromBytes(Buffer.from(base64.replace(/-/g, '+').replace(/_/g, '/'), 'base64')).isSmallOrder();
  } catch {
    return false;
  }
}

/** A field holding such a key. */
export const IsSafeEd25519PublicKey = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isSafeEd25519PublicKey',
      validator: { validate: (value) => typeof value === 'string' && isSafeEd25519PublicKey(value) },
    },
    options,
  );
