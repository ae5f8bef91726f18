import { Inject, Injectable } from '@nestjs/common';

import { EndpointRepository } from '../endpoints/endpoint.repository';
import type { EndpointDoc } from '../endpoints/schemas/endpoint.schema';
import { DISPATCH_SETTINGS, type DispatchSettings } from './dispatch-settings';
import { breakerCooldownMs } from './retry-policy';

export type BreakerGate = { pass: true } | { pass: false; until: Date };

/** Shared by all instances through the endpoint's document; once the cooldown ends exactly one attempt (the probe) passes. */
@Injectable()
export class EndpointBreaker {
  constructor(
    private readonly endpoints: EndpointRepository,
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
  ) {}

  async gate(endpoint: EndpointDoc, now: Date): Promise<BreakerGate> {
    const { state, openUntil } = endpoint.breaker;
    if (state === 'closed') return { pass: true };
    if (openUntil && openUntil > now) return { pass: false, until: openUntil };
    const probeUntil = new Date(now.getTime() + this.settings.leaseMs);
    const probing = await this.endpoints.claimProbe(endpoint.appId, endpoint._id, now, probeUntil);
    return probing ? { pass: true } : { pass: false, until: probeUntil };
  }

  async failed(endpoint: EndpointDoc, now: Date): Promise<Date | null> {
    const breaker = await this.endpoints.recordFailure(endpoint.appId, endpoint._id);
    if (!breaker) return null;
    const reopen = breaker.state === 'half_open';
    if (!reopen && (breaker.state === 'open' || breaker.failures < this.settings.breaker.threshold)) return null;
    const until = new Date(
      now.getTime() +
        breakerCooldownMs(breaker.opens, this.settings.breaker.cooldownMs, this.settings.breaker.maxCooldownMs),
    );
    await this.endpoints.open(endpoint.appId, endpoint._id, breaker.state, until);
    return until;
  }

  succeeded(endpoint: EndpointDoc): Promise<void> {
    return this.endpoints.recordSuccess(endpoint.appId, endpoint._id);
  }
}
