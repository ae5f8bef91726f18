import type { JoinRequestView } from '@cohort/contracts';

import type { GroupApplication } from './dto/member-answers';
import { jsonId } from './group-info.presenter';

/** A join request as the vendor's application list shows one (4.9). */
export function toApplication(request: JoinRequestView): GroupApplication {
  return {
    applicant_id: jsonId(request.applicantId),
    expired_time: request.expiresAt,
    group_id: jsonId(request.groupId),
    reason: request.reason,
    status: request.status,
  };
}
