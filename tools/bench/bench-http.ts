export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function timedGet<T>(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; body: T }> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const body = (await response.json()) as T;
  return { ms: performance.now() - started, body };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
