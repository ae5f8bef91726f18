import { hostname } from 'node:os';

import type { Caller, SendCheckQuery, SendDecision, SendDecisionStats } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { totalDbCommands } from '@cohort/logging';
import { Injectable } from '@nestjs/common';

import { decideSend } from '../rules/send-decision.policy';
import { type CachedFacts, StandingCache } from './standing-cache';

@Injectable()
export class SendDecisions {
  private decisions = 0;
  private coldDecisions = 0;

  constructor(private readonly cache: StandingCache) {}

  /** Synchronous when the cache holds the group and the user (no database read at all). */
  decide(caller: Caller, { groupId, userId }: SendCheckQuery): SendDecision | Promise<SendDecision> {
    assertApp(caller);
    this.decisions += 1;
    const facts = this.cache.read(caller.appId, groupId, userId, Date.now());
    if (!(facts instanceof Promise)) return decideSend(facts.group, facts.user, Date.now());
    this.coldDecisions += 1;
    return facts.then((read: CachedFacts) => decideSend(read.group, read.user, Date.now()));
  }

  stats(caller: Caller): SendDecisionStats {
    assertApp(caller);
    const { groups, users } = this.cache.size;
    return {
      instance,
      decisions: this.decisions,
      coldDecisions: this.coldDecisions,
      dbCommands: totalDbCommands(),
      cachedGroups: groups,
      cachedUsers: users,
    };
  }
}

const instance = `${hostname()}:${process.pid}`;

function assertApp(caller: Caller): void {
  if (!caller.isAppAdmin)
    throw new DomainError('forbidden', 'only the app (an app-admin token) may ask the send decision');
}
