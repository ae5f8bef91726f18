import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { parse } from 'lossless-json';

// The `/group` vendor's ids are int64: Java and Go clients read and write them as JSON numbers,
// which JavaScript's JSON would round above 2^53. Integers beyond that travel as BigInt inside
// the gateway: parsed without going through a float, written back with every digit.

/** A run of 16 or more digits: the only text in which an integer may be beyond 2^53. */
const LONG_DIGITS = /\d{16}/;

/** A JSON number's text: a safe integer or any fraction as a number, a larger integer as a BigInt. */
const exactNumber = (text: string): number | bigint => {
  const value = Number(text);
  return Number.isSafeInteger(value) || !/^-?\d+$/.test(text) ? value : BigInt(text);
};

/**
 * `parsed` (already checked by the strict parser: valid JSON, no `__proto__` keys) again, exactly,
 * when its text may hold an integer beyond 2^53.
 */
export function withExactIntegers(text: string, parsed: unknown): unknown {
  return LONG_DIGITS.test(text) ? parse(text, undefined, exactNumber) : parsed;
}

/** Marks a BigInt in JSON.stringify's output; random, so no string a client sent can look like it. */
const MARK = `\u0000int64-${randomUUID()}:`;
const MARKED = new RegExp(`"${JSON.stringify(MARK).slice(1, -1).replace(/\\/g, '\\\\')}(-?\\d+)"`, 'g');

/** JSON text of `value` where a BigInt is a JSON number with every digit. */
export function stringifyExactly(value: unknown): string {
  let marked = false;
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'bigint') return item;
    marked = true;
    return `${MARK}${item.toString()}`;
  });
  return marked ? text.replace(MARKED, '$1') : text;
}

/** Every JSON answer is written by stringifyExactly. */
export function installExactJsonReplies(fastify: FastifyInstance): void {
  fastify.setReplySerializer((payload) => stringifyExactly(payload));
}
