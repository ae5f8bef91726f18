import type { ServiceEnv } from '@cohort/config';
import { BackgroundSweep } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { DepartureService } from './departure.service';
import { MemberRepository } from './member.repository';

const BATCH = 100;

/** Completes departures cut short once their event is out (the outbox sweep resends it first). */
@Injectable()
export class DepartureSweeper extends BackgroundSweep {
  constructor(
    private readonly members: MemberRepository,
    private readonly departures: DepartureService,
    config: ConfigService<ServiceEnv, true>,
  ) {
    super(config);
  }

  async sweep(now = Date.now()): Promise<void> {
    const olderThan = new Date(now - this.config.get('OUTBOX_STALE_MS', { infer: true }));
    for (const stale of await this.members.findStaleLeaving(olderThan, BATCH)) {
      await this.departures.complete({ appId: stale.appId, groupId: stale.groupId }, [stale.userId], stale.token);
    }
  }
}
