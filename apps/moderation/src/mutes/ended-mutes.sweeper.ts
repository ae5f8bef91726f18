import type { ServiceEnv } from '@cohort/config';
import { BackgroundSweep } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { StandingRepository } from '../standings/standing.repository';

/**
 * Clears mutes that have ended. Nothing depends on it: every read and the send decision compare
 * a mute's end with the clock. It only keeps ended mutes from piling up.
 */
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
