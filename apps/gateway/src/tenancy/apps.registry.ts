import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { validateInput } from '@cohort/errors';
import type { GatewayEnv } from '../config/gateway.config';
import { AppConfig, capacityCeilingOf, DEFAULT_APP, MixinBotConfig } from './app-config';

export interface RegisteredApp extends AppConfig {
  /** Its Mixin bot, if it has one. */
  mixin?: MixinBotConfig;
  /** Easemob's `application` uuid, derived from the app id so it is stable across restarts. */
  applicationUuid: string;
  /**
   * A KeyObject, built once: given a string, jsonwebtoken first tries (and fails) to parse it as
   * a public key on every call, which cost a quarter of the gateway's CPU.
   */
  signingKey: KeyObject;
}

function uuidFrom(appId: string): string {
  const hex = createHash('sha1').update(`cohort-app:${appId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Apps (tenants) from configuration; refuses to start on bad or unsafe app config. */
@Injectable()
export class AppsRegistry {
  private readonly byId = new Map<string, RegisteredApp>();
  private readonly byClientId = new Map<string, RegisteredApp>();
  private readonly byOrgApp = new Map<string, RegisteredApp>();

  constructor(config: ConfigService<GatewayEnv, true>) {
    const apps = this.load(config);
    const production = config.get('NODE_ENV', { infer: true }) === 'production';
    for (const [index, raw] of apps.entries()) {
      const app = validateInput(AppConfig, withoutMixin(raw), `apps[${index}]`);
      if ((app.defaultCapacity ?? 0) > capacityCeilingOf(app)) throw new Error(`apps[${index}].defaultCapacity: must be at most the app's maxCapacity`);
      const mixin = mixinOf(raw, `apps[${index}].mixin`);
      if (production && app.clientSecret === DEFAULT_APP.clientSecret) {
        throw new Error(`apps[${index}].clientSecret: the default dev secret is refused with NODE_ENV=production`);
      }
      if (this.byId.has(app.appId) || this.byClientId.has(app.clientId)) {
        throw new Error(`apps[${index}]: duplicate appId or clientId`);
      }
      const registered = { ...app, ...(mixin ? { mixin } : {}), applicationUuid: uuidFrom(app.appId), signingKey: createSecretKey(Buffer.from(app.jwtSecret ?? app.clientSecret, 'utf8')) };
      this.byId.set(app.appId, registered);
      this.byClientId.set(app.clientId, registered);
      this.byOrgApp.set(`${app.orgName}/${app.appName}`, registered);
    }
  }

  findById(appId: string): RegisteredApp | undefined {
    return this.byId.get(appId);
  }

  findByClientId(clientId: string): RegisteredApp | undefined {
    return this.byClientId.get(clientId);
  }

  findByOrgApp(orgName: string, appName: string): RegisteredApp | undefined {
    return this.byOrgApp.get(`${orgName}/${appName}`);
  }

  /** Every app, in configuration order. */
  all(): RegisteredApp[] {
    return [...this.byId.values()];
  }

  private load(config: ConfigService<GatewayEnv, true>): unknown[] {
    const json = config.get('APPS_JSON', { infer: true });
    const file = config.get('APPS_FILE', { infer: true });
    const text = json ?? (file ? readFileSync(file, 'utf8') : null);
    if (text === null) return [DEFAULT_APP];
    const source = json ? 'APPS_JSON' : 'APPS_FILE';
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${source}: is not valid JSON`);
    }
    if (!Array.isArray(parsed) || parsed.length === 0) {
      throw new Error(`${source}: must be a non-empty JSON array of apps`);
    }
    return parsed;
  }
}

/** An app's config without its `mixin` settings (validated on their own: the builder of the API reference reads AppConfig). */
const withoutMixin = (raw: unknown): unknown =>
  raw === null || typeof raw !== 'object' || Array.isArray(raw) ? raw : Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'mixin'));

/** An app's `mixin` bot settings, validated on their own (absent: the app has no bot). */
function mixinOf(raw: unknown, label: string): MixinBotConfig | undefined {
  const mixin = (raw as { mixin?: unknown } | null)?.mixin;
  return mixin === undefined ? undefined : validateInput(MixinBotConfig, mixin, label);
}
