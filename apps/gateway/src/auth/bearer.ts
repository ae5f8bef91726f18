export function tokenFromHeaders(
  headers: Record<string, string | string[] | undefined>,
  allowAccessTokenHeader: boolean,
): string | null {
  const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  if (allowAccessTokenHeader) {
    const direct = single(headers['access-token']);
    if (direct) return direct.trim();
  }
  const authorization = single(headers.authorization);
  const match = authorization ? /^Bearer\s+(.+)$/i.exec(authorization.trim()) : null;
  return match ? match[1] : null;
}
