/** The tenant and the group: every content query is scoped by both. */
export interface GroupKey {
  appId: string;
  groupId: string;
}

/** Keyset position in (createdAt, id) order; ids break ties between equal timestamps. */
export interface CreatedCursor {
  createdAt: number;
  id: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back for the next page; null on the last page. */
  next: CreatedCursor | null;
}
