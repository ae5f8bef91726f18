import type { DialectErrors } from './dialect';
import { PlainErrors } from './plain-errors';
import { GroupErrors } from '../dialects/group/group-errors';
import { EasemobErrors } from '../dialects/easemob/easemob-errors';
import { MixinErrors } from '../dialects/mixin/mixin-errors';

const plain = new PlainErrors();
const group = new GroupErrors();
const easemob = new EasemobErrors();
const mixin = new MixinErrors();
const NEUTRAL_ROOTS = new Set(['', 'token', 'health', 'docs', 'openapi.json']);

/** Which dialect's envelope an URL speaks, from its first path segments. */
export function dialectForUrl(url: string): DialectErrors {
  const segments = url.split('?')[0].split('/').filter(Boolean);
  const first = segments[0] ?? '';
  if (first === 'group') return group;
  if (first === 'conversations') return mixin;
  if (NEUTRAL_ROOTS.has(first) || segments.length < 2) return plain;
  return easemob;
}
