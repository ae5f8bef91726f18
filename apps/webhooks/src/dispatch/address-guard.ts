import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';

import { invalidParameter } from '@cohort/errors';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import ipaddr from 'ipaddr.js';

import type { PrivateNetworkKind, WebhooksEnv } from '../config/webhooks.config';

type AddressKind = 'public' | PrivateNetworkKind | 'reserved';

/** Every other range (multicast, documentation, 6to4 ...) is reserved. */
const KIND_OF_RANGE: Partial<Record<string, AddressKind>> = {
  unicast: 'public',
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private',
  carrierGradeNat: 'private',
  linkLocal: 'link-local',
};

export function addressKind(address: string): AddressKind {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return KIND_OF_RANGE[parsed.range()] ?? 'reserved';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Checked when an endpoint is saved and again on every connection: a name may resolve elsewhere later. */
@Injectable()
export class AddressGuard {
  private readonly allowed: Set<AddressKind>;

  constructor(@Inject(ConfigService) config: ConfigService<WebhooksEnv, true>) {
    const setting = config.get('WEBHOOK_ALLOW_NETWORKS', { infer: true });
    this.allowed = new Set<AddressKind>(['public', ...(setting ? (setting.split(',') as PrivateNetworkKind[]) : [])]);
  }

  isAllowed(address: string): boolean {
    return this.allowed.has(addressKind(address));
  }

  async check(url: string, field: string): Promise<void> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw invalidParameter(field, 'must be an http or https URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw invalidParameter(field, 'must be an http or https URL');
    if (parsed.username || parsed.password) throw invalidParameter(field, 'must not carry credentials');
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : await this.resolve(host, field);
    if (!addresses.every((address) => this.isAllowed(address))) {
      throw invalidParameter(field, 'must not point at a loopback, private or link-local address');
    }
  }

  readonly lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const refused = list.find((a) => !this.isAllowed(a.address));
      if (refused)
        return callback(
          Object.assign(new Error(`${hostname} resolves to a refused address`), { code: 'EREFUSEDADDRESS' }),
          [],
        );
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };

  private async resolve(host: string, field: string): Promise<string[]> {
    return new Promise((resolve, reject) =>
      lookup(host, { all: true }, (error, addresses) => {
        if (error || addresses.length === 0) reject(invalidParameter(field, 'has a host that does not resolve'));
        else resolve(addresses.map((a) => a.address));
      }),
    );
  }
}
