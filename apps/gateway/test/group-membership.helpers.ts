// Helpers of the /group membership suites (members, roles, applications, invitations): the paged
// envelope, batch items, and calls every one of those suites makes.
import { Api, expectOk, type HttpResult } from './group-e2e.helpers';

/** Every key of a member profile (4.3, 4.35, 4.36), sorted. */
export const MEMBER_PROFILE_KEYS = ['display_name', 'expired_time', 'join_time', 'user_id'];

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** `{code: 200, message: null, data, cursor, total, version: 0}` with exactly those keys. */
export function expectPage(res: HttpResult, data?: unknown): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status: 200,
    body: {
      code: 200,
      message: null,
      data: data === undefined ? expect.any(Array) : data,
      cursor: expect.any(String),
      total: expect.any(Number),
      version: 0,
    },
  });
  expect(Object.keys(res.body as object).sort()).toEqual(['code', 'cursor', 'data', 'message', 'total', 'version']);
}

/** A batch item (or join answer) that succeeded for `userId`. */
export const done = (userId: string, reason = '') => ({ user_id: Number(userId), result: 'success', reason });

/** A batch item that failed for `userId` with the canonical `code`: reason `<code>: <text>`. */
export const failed = (userId: string, code: string) => ({
  user_id: Number(userId),
  result: 'fail',
  reason: expect.stringMatching(new RegExp(`^${code}: .+`)),
});

/** `expiry` is a week after a moment between `from` and now (requests, invitations and QR invites live 7 days). */
export function expectAWeekAfter(expiry: number, from: number): void {
  expect(expiry).toBeGreaterThanOrEqual(from + WEEK_MS - 5_000);
  expect(expiry).toBeLessThanOrEqual(Date.now() + WEEK_MS + 5_000);
}

/** The stack's client with the calls of the membership suites. */
export class MembershipApi extends Api {
  /**
   * `method /group/<path>` as `token` with body `{group_id, ...fields}`; `actAs` is sent as the
   * `user_id` header (an app-admin token acting as that user).
   */
  groupCall(
    method: string,
    path: string,
    token: string,
    groupId: number | string,
    fields: Record<string, unknown> = {},
    actAs?: string,
  ) {
    return this.call(method, `/group/${path}`, {
      token,
      body: { group_id: groupId, ...fields },
      headers: actAs ? { user_id: actAs } : {},
    });
  }

  /** `GET /group/<path>?group_id=...&...query` as `token` (acting as `actAs`). */
  groupGet(path: string, token: string, query: Record<string, string | number | undefined>, actAs?: string) {
    return this.get(`/group/${path}`, { token, query, headers: actAs ? { user_id: actAs } : {} });
  }

  /** Every member id, walking member_list in pages of `limit`; asserts each page. */
  async memberIds(token: string, groupId: number | string, limit = 1000): Promise<string[]> {
    const ids: string[] = [];
    let cursor = '';
    do {
      const res = await this.groupGet('member_list', token, { group_id: groupId, limit, cursor });
      expectPage(res);
      ids.push(...res.body.data.map((m: { user_id: number }) => String(m.user_id)));
      cursor = res.body.cursor;
    } while (cursor !== '');
    return ids;
  }

  /** Sets the group's `apply_approval` (0 joins at once, 1 approval, 2 refused); asserts it worked. */
  async setApplyApproval(token: string, groupId: number | string, applyApproval: 0 | 1 | 2): Promise<void> {
    expectOk(
      await this.groupCall('PUT', 'settings/require_admin_approval', token, groupId, { apply_approval: applyApproval }),
      true,
    );
  }

  /** POST /group/admin/add of `userIds` as `token`; asserts every item succeeded. */
  async addAdmins(token: string, groupId: number | string, userIds: string[]): Promise<void> {
    expectOk(
      await this.groupCall('POST', 'admin/add', token, groupId, { user_list: userIds }),
      userIds.map((id) => done(id)),
    );
  }

  /** Tokens of `userIds`, in order. */
  tokensOf(userIds: string[]): Promise<string[]> {
    return Promise.all(userIds.map((id) => this.token(id)));
  }
}
