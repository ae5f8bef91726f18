import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { productionSecretProblem, randomSecret } from '@cohort/config';
import { validateInput } from '@cohort/errors';
import { Injectable } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { GatewayEnv } from '../config/gateway.config';
import {
  AppConfig,
  type AppNestedSettings,
  AppRateLimits,
  capacityCeilingOf,
  DEFAULT_APP,
  JwtKeyConfig,
  MixinBotConfig,
} from './app-config';

export interface RegisteredApp extends AppConfig, Omit<AppNestedSettings, 'jwtKeys'> {
  /** Derived from the app id so it is stable across restarts. */
  applicationUuid: string;
  signingKey: AppJwtKey;
  verifyingKeys: ReadonlyMap<string, KeyObject>;
}

/** Built once: given a string, jsonwebtoken tries to parse it as a public key on every call (a quarter of the gateway's CPU). */
export interface AppJwtKey {
  kid: string;
  key: KeyObject;
}

function uuidFrom(appId: string): string {
  const hex = createHash('sha1').update(`cohort-app:${appId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Refuses to start on bad or unsafe app config. */
@Injectable()
export class AppsRegistry {
  private readonly byId = new Map<string, RegisteredApp>();
  private readonly byClientId = new Map<string, RegisteredApp>();
  private readonly byOrgApp = new Map<string, RegisteredApp>();
  private readonly logger = new Logger(AppsRegistry.name);

  constructor(config: ConfigService<GatewayEnv, true>) {
    const apps = this.load(config);
    const production = config.get('NODE_ENV', { infer: true }) === 'production';
    const jwtSecretsInUse = new Set<string>();
    for (const [index, raw] of apps.entries()) {
      const label = `apps[${index}]`;
      const app = validateInput(AppConfig, withoutNested(raw), label);
      if ((app.defaultCapacity ?? 0) > capacityCeilingOf(app))
        throw new Error(`${label}.defaultCapacity: must be at most the app's maxCapacity`);
      const { mixin, jwtKeys: configuredKeys, rateLimits } = nestedSettingsOf(raw, label);
      if (this.byId.has(app.appId) || this.byClientId.has(app.clientId))
        throw new Error(`${label}: duplicate appId or clientId`);
      const jwtKeys = configuredKeys ?? this.keysOfAppWithoutAny(label, production);
      if (production) assertProductionSecrets(app, jwtKeys, label);
      for (const [k, { secret }] of jwtKeys.entries()) {
        // A JWT key shared with another app, or equal to a client secret, would let one credential speak for another.
        if (jwtSecretsInUse.has(secret) || secret === app.clientSecret)
          throw new Error(`${label}.jwtKeys[${k}].secret: used elsewhere (another app's key, or a client secret)`);
        jwtSecretsInUse.add(secret);
      }
      const verifyingKeys = new Map(
        jwtKeys.map(({ kid, secret }) => [kid, createSecretKey(Buffer.from(secret, 'utf8'))] as const),
      );
      if (verifyingKeys.size !== jwtKeys.length) throw new Error(`${label}.jwtKeys: duplicate kid`);
      const signingKey = { kid: jwtKeys[0].kid, key: verifyingKeys.get(jwtKeys[0].kid)! };
      const registered = {
        ...app,
        ...(mixin ? { mixin } : {}),
        ...(rateLimits ? { rateLimits } : {}),
        applicationUuid: uuidFrom(app.appId),
        signingKey,
        verifyingKeys,
      };
      this.byId.set(app.appId, registered);
      this.byClientId.set(app.clientId, registered);
      this.byOrgApp.set(`${app.orgName}/${app.appName}`, registered);
    }
    for (const app of this.byId.values()) {
      if (jwtSecretsInUse.has(app.clientSecret))
        throw new Error(`app ${app.appId}: its client secret is another app's JWT key`);
    }
  }

  /** Elsewhere a random key, valid for this process only. */
  private keysOfAppWithoutAny(label: string, production: boolean): JwtKeyConfig[] {
    if (production)
      throw new Error(
        `${label}.jwtKeys: required with NODE_ENV=production (at least one key of 32+ characters, never the client secret)`,
      );
    this.logger.warn(
      `${label} has no jwtKeys: its tokens are signed with a random key of this process (they end with it)`,
    );
    return [{ kid: 'ephemeral', secret: randomSecret() }];
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

/** `webhooks` is validated by the webhooks service, which reads the same apps. */
const NESTED_SETTINGS = ['mixin', 'jwtKeys', 'rateLimits', 'webhooks'] as const;

const withoutNested = (raw: unknown): unknown =>
  raw === null || typeof raw !== 'object' || Array.isArray(raw)
    ? raw
    : Object.fromEntries(Object.entries(raw).filter(([key]) => !(NESTED_SETTINGS as readonly string[]).includes(key)));

function nestedSettingsOf(raw: unknown, label: string): AppNestedSettings {
  const { mixin, jwtKeys, rateLimits } = (raw ?? {}) as Record<string, unknown>;
  if (jwtKeys !== undefined && (!Array.isArray(jwtKeys) || jwtKeys.length === 0))
    throw new Error(`${label}.jwtKeys: must be a non-empty array of {kid, secret}`);
  return {
    mixin: mixin === undefined ? undefined : validateInput(MixinBotConfig, mixin, `${label}.mixin`),
    jwtKeys:
      jwtKeys === undefined
        ? undefined
        : (jwtKeys as unknown[]).map((key, k) => validateInput(JwtKeyConfig, key, `${label}.jwtKeys[${k}]`)),
    rateLimits: rateLimits === undefined ? undefined : validateInput(AppRateLimits, rateLimits, `${label}.rateLimits`),
  };
}

function assertProductionSecrets(app: AppConfig, jwtKeys: JwtKeyConfig[], label: string): void {
  const secrets = [
    { field: `${label}.clientSecret`, value: app.clientSecret },
    ...jwtKeys.map((key, k) => ({ field: `${label}.jwtKeys[${k}].secret`, value: key.secret })),
  ];
  for (const { field, value } of secrets) {
    const problem = productionSecretProblem(value);
    if (problem) throw new Error(`${field} ${problem}: refused with NODE_ENV=production`);
  }
}
