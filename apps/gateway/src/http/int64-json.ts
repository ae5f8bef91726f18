import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { parse } from 'lossless-json';

// The `/group` vendor's ids are int64 JSON numbers, which JavaScript's JSON would round above 2^53:
// inside the gateway larger integers are BigInt, parsed without a float and written with every digit.

/** The only text in which an integer may be beyond 2^53. */
const LONG_DIGITS = /\d{16}/;

const exactNumber = (text: string): number | bigint => {
  const value = Number(text);
  return Number.isSafeInteger(value) || !/^-?\d+$/.test(text) ? value : BigInt(text);
};

/** Already checked by the strict parser (valid JSON, no `__proto__` keys). */
export function withExactIntegers(text: string, parsed: unknown): unknown {
  return LONG_DIGITS.test(text) ? parse(text, undefined, exactNumber) : parsed;
}

/** Random, so no string a client sent can look like it. */
const MARK = `\u0000int64-${randomUUID()}:`;
const MARKED = new RegExp(`"${JSON.stringify(MARK).slice(1, -1).replace(/\\/g, '\\\\')}(-?\\d+)"`, 'g');

export function stringifyExactly(value: unknown): string {
  let marked = false;
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'bigint') return item;
    marked = true;
    return `${MARK}${item.toString()}`;
  });
  return marked ? text.replace(MARKED, '$1') : text;
}

export function installExactJsonReplies(fastify: FastifyInstance): void {
  fastify.setReplySerializer((payload) => stringifyExactly(payload));
}
