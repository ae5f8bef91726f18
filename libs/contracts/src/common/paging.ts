import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The longest cursor a caller may hand back (cursors are opaque keyset positions). */
export const CURSOR_MAX_LENGTH = 1024;

/** One page of a keyset-paged list; `cursor` is opaque, null on the last page. */
export interface CursorPage<T> {
  items: T[];
  cursor: string | null;
}

/** A keyset page that also counts the whole list (where counting is cheap: a maintained count). */
export interface Page<T> extends CursorPage<T> {
  total: number;
}

// A mixin's base must be constructible with any arguments (TypeScript's mixin rule).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

class NoFields {}

export function WithCursor<B extends Constructor>(Base: B) {
  class Cursor extends Base {
    @IsOptional()
    @IsString()
    @MaxLength(CURSOR_MAX_LENGTH)
    cursor?: string;
  }
  return Cursor;
}

export function Paged<B extends Constructor = typeof NoFields>(maxLimit: number, Base: B = NoFields as B) {
  class Paging extends WithCursor(Base) {
    @IsInt()
    @Min(1)
    @Max(maxLimit)
    limit!: number;
  }
  return Paging;
}
