// What the /group vendor's clients send as they send it: zero values omitted by Go clients
// (`omitempty`), parameters in the headers where the vendor's document puts them, capacities
// from the app's configuration, no undocumented caps, whole lists, int64 ids exactly.
import { expectOk, newUserId } from './group-e2e.helpers';
import { MembershipApi } from './group-membership.helpers';
import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';

describe('/group fidelity', () => {
  const e2e = useGroupStack('group-fidelity', { db: false, env: HIGH_RATE_LIMIT, api: (baseUrl) => new MembershipApi(baseUrl) });

  describe('omitted optional fields (Go clients, omitempty)', () => {
    it('a zero value left out is the zero value: mute and push modes, settings flags, apply_approval, display name, approval', async () => {
      const { api, tokens, users } = e2e;
      const group = await api.createGroup(tokens.owner, { user_list: [users.member] });
      expectOk(await api.groupCall('POST', 'msg/mute_mode', tokens.member, group.group_id, { msg_mute_mode: 2 }));
      expectOk(await api.groupCall('POST', 'msg/mute_mode', tokens.member, group.group_id));
      expectOk(await api.groupCall('POST', 'msg/push_mode', tokens.member, group.group_id, { msg_push_mode: 3 }));
      expectOk(await api.groupCall('POST', 'msg/push_mode', tokens.member, group.group_id));
      expect(await api.info(tokens.member, group.group_id)).toMatchObject({ msg_mute_mode: 0, msg_push_mode: 0 });

      expectOk(await api.groupCall('POST', 'settings/enable_read_ack', tokens.owner, group.group_id, { value: true }));
      expectOk(await api.groupCall('POST', 'settings/enable_read_ack', tokens.owner, group.group_id));
      expectOk(await api.groupCall('POST', 'settings/require_admin_approval', tokens.owner, group.group_id));
      expect(await api.info(tokens.owner, group.group_id)).toMatchObject({ read_ack: false, apply_approval: 0 });

      expectOk(await api.groupCall('POST', 'display_name', tokens.member, group.group_id, { value: 'Mem' }));
      expectOk(await api.groupCall('POST', 'display_name', tokens.member, group.group_id));
      const profiles = await api.groupCall('POST', 'members/display_name', tokens.owner, group.group_id, { user_list: [users.member] });
      expect(profiles.body.data[0].display_name).toBe('');

      // An application answered without `approval` (a Go client's false) is rejected.
      await api.setApplyApproval(tokens.owner, group.group_id, 1);
      const applicant = newUserId();
      const applicantToken = await api.token(applicant);
      expectOk(await api.groupCall('POST', 'apply', applicantToken, group.group_id, { reason: 'hi' }));
      expectOk(await api.groupCall('POST', 'apply/handle', tokens.owner, group.group_id, { user_id: applicant }));
      expect(await api.memberIds(tokens.owner, group.group_id)).not.toContain(applicant);
    });
  });
});
