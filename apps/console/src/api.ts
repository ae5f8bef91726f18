import { HttpError } from 'react-admin';

const TOKEN_KEY = 'cohort.console.token';
const CLIENT_KEY = 'cohort.console.client';

export const session = {
  token: () => localStorage.getItem(TOKEN_KEY),
  client: () => localStorage.getItem(CLIENT_KEY),
  save(token: string, clientId: string) {
    localStorage.setItem(TOKEN_KEY, token);
    localStorage.setItem(CLIENT_KEY, clientId);
  },
  clear() {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(CLIENT_KEY);
  },
};

export interface CursorPage<T> {
  items: T[];
  cursor: string | null;
}

export type Query = Record<string, string | number | undefined | null>;

/** Served by the gateway itself (same origin); errors carry the API's own `message`. */
export async function api<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown; auth?: boolean } = {},
): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = {};
  const token = session.token();
  if (options.auth !== false && token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  if (!response.ok) {
    const message =
      typeof body === 'object' && body && 'message' in body
        ? String((body as { message: unknown }).message)
        : `${response.status} ${response.statusText}`;
    throw new HttpError(message, response.status, body);
  }
  return body as T;
}

/** A batch action's answer: one result per user. A failed one is reported as the API words it. */
export interface ItemResults {
  results: { userId: string; ok: boolean; error?: { code: string; message: string } }[];
}

export function failuresOf(answer: ItemResults): string | null {
  const failed = answer.results.filter((r) => !r.ok);
  return failed.length ? failed.map((r) => `${r.userId}: ${r.error?.message ?? 'failed'}`).join('; ') : null;
}

export function when(ms: number | null | undefined): string {
  if (ms === -1) return 'permanent';
  if (!ms) return '—';
  return new Date(ms).toLocaleString();
}
