import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { registerProcessMetrics } from '@cohort/observability';
import { register } from 'prom-client';

interface Panel {
  title: string;
  targets: { expr: string }[];
}

/** Labels Prometheus itself adds (scrape target, histogram bucket, the relabelled service). */
const SCRAPE_LABELS = new Set(['le', 'job', 'instance', 'service']);
const HISTOGRAM_SUFFIX = /_(bucket|count|sum)$/;
const PROMQL_WORDS = new Set(['sum', 'max', 'min', 'avg', 'by', 'rate', 'increase', 'histogram_quantile', 'without']);

const dashboard = JSON.parse(readFileSync(join(__dirname, 'grafana', 'dashboards', 'cohort.json'), 'utf8')) as {
  panels: Panel[];
};
const exprs = dashboard.panels.flatMap((panel) =>
  panel.targets.map((target) => ({ panel: panel.title, expr: target.expr })),
);

/** What a family of this process exports: its name and its labels, from the registry itself. */
async function exportedFamilies(): Promise<Map<string, Set<string>>> {
  registerProcessMetrics();
  const families = new Map<string, Set<string>>();
  for (const metric of await register.getMetricsAsJSON()) {
    const declared =
      (register.getSingleMetric(metric.name) as unknown as { labelNames?: string[] } | undefined)?.labelNames ?? [];
    families.set(metric.name, new Set(declared));
  }
  return families;
}

describe('the provisioned Grafana dashboard', () => {
  it('has panels, each with a query', () => {
    expect(dashboard.panels.length).toBeGreaterThan(10);
    expect(exprs.every(({ expr }) => expr.length > 0)).toBe(true);
  });

  it('queries only metrics the code exports, by labels those metrics carry', async () => {
    const families = await exportedFamilies();
    const problems: string[] = [];
    for (const { panel, expr } of exprs) {
      // What is left once groupings, selectors and ranges are gone: functions and metric names.
      const bare = expr
        .replace(/by \([^)]*\)/g, '')
        .replace(/\{[^}]*\}/g, '')
        .replace(/\[[^\]]*\]/g, '');
      const metrics = [...bare.matchAll(/\b([a-z_][a-z0-9_]*)\b(?!\s*\()/g)]
        .map(([, name]) => name)
        .filter((name) => !PROMQL_WORDS.has(name));
      if (metrics.length === 0) problems.push(`${panel}: names no metric`);
      for (const metric of metrics) {
        const family = families.get(metric) ?? families.get(metric.replace(HISTOGRAM_SUFFIX, ''));
        if (!family) {
          problems.push(`${panel}: ${metric} is not exported`);
          continue;
        }
        const grouped = [...expr.matchAll(/by \(([^)]*)\)/g)].flatMap(([, labels]) =>
          labels.split(',').map((label) => label.trim()),
        );
        const matched = [...expr.matchAll(/([a-z_]+)!?=~?"/g)].map(([, label]) => label);
        for (const label of [...grouped, ...matched]) {
          if (!family.has(label) && !SCRAPE_LABELS.has(label))
            problems.push(`${panel}: ${metric} has no label ${label}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('covers every cohort_ family the code exports', async () => {
    const queried = exprs.map(({ expr }) => expr).join('\n');
    const unqueried = [...(await exportedFamilies()).keys()].filter(
      (name) => name.startsWith('cohort_') && !queried.includes(name),
    );
    expect(unqueried).toEqual([]);
  });

  it('Prometheus scrapes the gateway and every service on the ports they serve /metrics on', () => {
    const prometheus = readFileSync(join(__dirname, 'prometheus.yml'), 'utf8');
    const compose = readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8');
    expect(prometheus).toMatch(/names: \[gateway\][\s\S]*?port: 3000/);
    expect(prometheus).toMatch(
      /names: \[groups, membership, moderation, content, room-metadata, webhooks, audit\][\s\S]*?port: 9464/,
    );
    expect(compose).toMatch(/OPS_PORT: 9464/);
  });
});
