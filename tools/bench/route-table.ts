import { postJson } from './bench-http';

export interface BenchRoute {
  key: string;
  title: string;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const APP = { appId: 'demo', clientId: 'demo', clientSecret: 'demo-secret' };
const OWNER = '1001';
const MEMBERS = 50;
const ROOM_MEMBERS = 50;

/** Through the HTTP API, as an app would; returns the issue table's routes in its order. */
export async function seedRoutes(baseUrl: string): Promise<BenchRoute[]> {
  const credentials = { client_id: APP.clientId, client_secret: APP.clientSecret };
  const { access_token: ownerToken } = await postJson<{ access_token: string }>(`${baseUrl}/token`, {
    ...credentials,
    user_id: OWNER,
  });
  const owner = { 'access-token': ownerToken, 'content-type': 'application/json' };
  const group = `${baseUrl}/group`;
  const others = Array.from({ length: MEMBERS - 1 }, (_, i) => String(2001 + i));
  const created = await postJson<{ data: { group_id: number } }>(
    `${group}/create?app_id=${APP.appId}`,
    { name: 'bench', user_list: others },
    owner,
  );
  const groupId = String(created.data.group_id);
  await postJson(
    `${group}/announcement/edit?app_id=${APP.appId}`,
    { group_id: groupId, title: 'bench', content: 'the announcement the list reads' },
    owner,
  );

  const easemobApp = `${baseUrl}/${APP.appId}/${APP.appId}`;
  const { access_token: appToken } = await postJson<{ access_token: string }>(`${easemobApp}/token`, {
    grant_type: 'client_credentials',
    ...credentials,
  });
  const bearer = { authorization: `Bearer ${appToken}`, 'content-type': 'application/json' };
  const roomMembers = Array.from({ length: ROOM_MEMBERS - 1 }, (_, i) => `bench_member_${i}`);
  const room = await postJson<{ data: { id: string } }>(
    `${easemobApp}/chatrooms`,
    { name: 'bench room', owner: 'bench_owner', members: roomMembers },
    bearer,
  );
  const chatroom = `${easemobApp}/chatrooms/${room.data.id}`;

  const query = `app_id=${APP.appId}&group_id=${groupId}`;
  return [
    { key: 'group-info', title: 'GET /group/info', method: 'GET', url: `${group}/info?${query}`, headers: owner },
    {
      key: 'member-list',
      title: `GET /group/member_list (${MEMBERS} members)`,
      method: 'GET',
      url: `${group}/member_list?${query}`,
      headers: owner,
    },
    { key: 'chatroom', title: 'GET /{org}/{app}/chatrooms/{id}', method: 'GET', url: chatroom, headers: bearer },
    {
      key: 'chatroom-users',
      title: 'GET /{org}/{app}/chatrooms/{id}/users?pagenum=1&pagesize=20',
      method: 'GET',
      url: `${chatroom}/users?pagenum=1&pagesize=20`,
      headers: bearer,
    },
    {
      key: 'announcement-list',
      title: 'GET /group/announcement/list',
      method: 'GET',
      url: `${group}/announcement/list?${query}`,
      headers: owner,
    },
    {
      key: 'chatroom-update',
      title: 'PUT /{org}/{app}/chatrooms/{id} {description}',
      method: 'PUT',
      url: chatroom,
      headers: bearer,
      body: JSON.stringify({ description: 'benchmarked' }),
    },
    {
      key: 'chatroom-mute',
      title: 'POST /{org}/{app}/chatrooms/{id}/mute (1 user)',
      method: 'POST',
      url: `${chatroom}/mute`,
      headers: bearer,
      body: JSON.stringify({ usernames: [roomMembers[0]], mute_duration: 60_000 }),
    },
    {
      key: 'group-name',
      title: 'POST /group/info/name',
      method: 'POST',
      url: `${group}/info/name?app_id=${APP.appId}`,
      headers: owner,
      body: JSON.stringify({ group_id: groupId, value: 'bench renamed' }),
    },
  ];
}
