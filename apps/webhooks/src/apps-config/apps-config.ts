import { readFileSync } from 'node:fs';

import { CreateWebhookCommand } from '@cohort/contracts';
import { validateInput } from '@cohort/errors';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Matches } from 'class-validator';

import type { WebhooksEnv } from '../config/webhooks.config';

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** What the webhooks service reads of an app's config (the gateway reads the rest). */
class AppIdentity {
  @Matches(NAME) appId!: string;
  @Matches(NAME) orgName!: string;
  @Matches(NAME) appName!: string;
}

/** A static endpoint (`webhooks` of an app in APPS_JSON): the admin API's fields, the secret required. */
export type StaticWebhook = CreateWebhookCommand & { secret: string };

export interface AppWebhookConfig extends AppIdentity {
  webhooks: StaticWebhook[];
}

/** The gateway's default app when no apps are configured. */
const DEFAULT_APP: AppWebhookConfig = { appId: 'demo', orgName: 'demo', appName: 'demo', webhooks: [] };

/**
 * The apps, from the same APPS_JSON / APPS_FILE the gateway reads: their Easemob names (the
 * `easemob` format's appkey) and static endpoints. Bad config stops the service at boot, naming
 * the entry.
 */
@Injectable()
export class AppsConfig {
  private readonly byId: Map<string, AppWebhookConfig>;

  constructor(config: ConfigService<WebhooksEnv, true>) {
    const json = config.get('APPS_JSON', { infer: true });
    const file = config.get('APPS_FILE', { infer: true });
    const text = json ?? (file ? readFileSync(file, 'utf8') : null);
    const apps = text === null ? [DEFAULT_APP] : parseApps(text, json ? 'APPS_JSON' : 'APPS_FILE');
    this.byId = new Map(apps.map((app) => [app.appId, app]));
  }

  find(appId: string): AppWebhookConfig | undefined {
    return this.byId.get(appId);
  }

  all(): AppWebhookConfig[] {
    return [...this.byId.values()];
  }
}

function parseApps(text: string, source: string): AppWebhookConfig[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${source}: is not valid JSON`);
  }
  if (!Array.isArray(parsed)) throw new Error(`${source}: must be a JSON array of apps`);
  return parsed.map((raw: unknown, index) => {
    const label = `apps[${index}]`;
    const app = validateInput(AppIdentity, raw, label, { stripUnknown: true });
    const webhooks = (raw as { webhooks?: unknown }).webhooks ?? [];
    if (!Array.isArray(webhooks)) throw new Error(`${label}.webhooks: must be an array`);
    return {
      ...app,
      webhooks: webhooks.map((entry: unknown, i) => {
        const webhook = validateInput(CreateWebhookCommand, entry, `${label}.webhooks[${i}]`);
        if (!webhook.secret) throw new Error(`${label}.webhooks[${i}].secret: is required`);
        return webhook as StaticWebhook;
      }),
    };
  });
}
