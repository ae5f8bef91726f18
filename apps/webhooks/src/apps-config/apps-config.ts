import { readFileSync } from 'node:fs';

import { CreateWebhookCommand } from '@cohort/contracts';
import { validateInput } from '@cohort/errors';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Matches } from 'class-validator';

import type { WebhooksEnv } from '../config/webhooks.config';

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** The gateway reads the rest. */
class AppIdentity {
  @Matches(NAME) appId!: string;
  @Matches(NAME) orgName!: string;
  @Matches(NAME) appName!: string;
}

export type StaticWebhook = CreateWebhookCommand & { secret: string };

export interface AppWebhookConfig extends AppIdentity {
  webhooks: StaticWebhook[];
}

const DEFAULT_APP: AppWebhookConfig = { appId: 'demo', orgName: 'demo', appName: 'demo', webhooks: [] };

/** The same APPS_JSON / APPS_FILE the gateway reads; bad config stops the service at boot, naming the entry. */
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
