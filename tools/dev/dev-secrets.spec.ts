import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { devSecrets } from './dev-secrets';

describe('dev secrets', () => {
  it('are random per checkout, made once and kept, readable by their owner only', () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'secrets-')), mkdtempSync(join(tmpdir(), 'secrets-'))];
    try {
      const [a, b] = dirs.map((dir) => devSecrets(join(dir, 'dev', 'secrets.json')));
      expect(a.jwtKey.secret.length).toBeGreaterThanOrEqual(32);
      expect(a.qrSecret.length).toBeGreaterThanOrEqual(32);
      expect(b.jwtKey.secret).not.toBe(a.jwtKey.secret);
      expect(b.qrSecret).not.toBe(a.qrSecret);
      expect(devSecrets(join(dirs[0], 'dev', 'secrets.json'))).toEqual(a);
      expect(statSync(join(dirs[0], 'dev', 'secrets.json')).mode & 0o077).toBe(0);
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
