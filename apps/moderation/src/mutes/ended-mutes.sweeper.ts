import type { ServiceEnv } from '@cohort/config';
import { BackgroundSweep } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { StandingRepository } from '../standings/standing.repository';

/** Housekeeping only: every read compares a mute's end with the clock. */
@Injectable()
export class EndedMutesSweeper extends BackgroundSweep {
  constructor(
    private readonly standings: StandingRepository,
    config: ConfigService<ServiceEnv, true>,
  ) {
    super(config);
  }

  async sweep(now = Date.now()): Promise<void> {
    const cleared = await this.standings.clearEndedMutes(now);
    if (cleared > 0) this.logger.debug(`cleared ${cleared} ended mute(s)`);
  }
}
