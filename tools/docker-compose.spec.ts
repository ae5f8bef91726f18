import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('docker-compose.yml', () => {
  const compose = readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8');

  it('has no fallback for a secret: compose refuses to start without each one', () => {
    for (const secret of ['COHORT_CLIENT_SECRET', 'COHORT_JWT_KEY', 'COHORT_QR_SECRET']) {
      expect(compose).toMatch(new RegExp(`\\$\\{${secret}:\\?`));
      expect(compose).not.toMatch(new RegExp(`\\$\\{${secret}:?-`));
    }
  });
});
