import { Alert, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useRecordContext } from 'react-admin';

import { type CursorPage, when } from './api';
import { useGroupAction } from './group-actions';
import { useApi } from './use-api';

type Row = Record<string, unknown>;

export interface Column {
  label: string;
  render: (row: Row) => ReactNode;
}

export function GroupTable({
  list,
  columns,
  actions,
  version = 0,
}: {
  list: string;
  columns: Column[];
  actions?: (row: Row, reload: () => void) => ReactNode;
  version?: number;
}) {
  const record = useRecordContext();
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const groupId = record ? String(record.groupId) : null;
  const { data, error, reload } = useApi<CursorPage<Row>>(
    groupId ? `/admin/v1/groups/${groupId}/${list}` : null,
    { limit: 100, cursor },
    version,
  );
  if (error) return <Alert severity="error">{error}</Alert>;
  const rows = data?.items ?? [];
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table size="small" data-testid={`table-${list}`}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c.label}>{c.label}</TableCell>
            ))}
            {actions && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={String(row.userId ?? row.announcementId ?? row.fileId ?? row.key ?? i)}>
              {columns.map((c) => (
                <TableCell key={c.label}>{c.render(row)}</TableCell>
              ))}
              {actions && (
                <TableCell>
                  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
                    {actions(row, reload)}
                  </Stack>
                </TableCell>
              )}
            </TableRow>
          ))}
          {!rows.length && (
            <TableRow>
              <TableCell colSpan={columns.length + 1}>Nothing here</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {cursor && <Button onClick={() => setCursor(undefined)}>First page</Button>}
        {data?.cursor && <Button onClick={() => setCursor(data.cursor ?? undefined)}>Next page</Button>}
      </Stack>
    </div>
  );
}

const userId: Column = { label: 'User', render: (r) => String(r.userId) };
const since: Column = { label: 'Since', render: (r) => when(r.at as number) };

export function MembersTab() {
  const record = useRecordContext();
  const act = useGroupAction();
  const [minutes, setMinutes] = useState('10');
  const path = `/admin/v1/groups/${String(record?.groupId)}`;
  return (
    <>
      <TextField
        label="Mute for (minutes, -1 permanent)"
        size="small"
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'mute-minutes' } }}
        sx={{ mb: 1 }}
      />
      <GroupTable
        list="members"
        columns={[
          userId,
          { label: 'Role', render: (r) => String(r.role) },
          { label: 'Joined', render: (r) => when(r.joinedAt as number) },
          { label: 'Muted until', render: (r) => (r.mutedUntil ? when(r.mutedUntil as number) : '—') },
          { label: 'Blocked', render: (r) => (r.blocked ? 'yes' : 'no') },
        ]}
        actions={(r, reload) => {
          const user = String(r.userId);
          const then = (ok: boolean) => ok && reload();
          return (
            <>
              <Button
                size="small"
                onClick={() =>
                  void act(
                    'POST',
                    `${path}/mutes`,
                    { userIds: [user], durationMinutes: Number(minutes) },
                    `${user} muted`,
                  ).then(then)
                }
              >
                Mute
              </Button>
              <Button
                size="small"
                onClick={() => void act('DELETE', `${path}/members/${user}`, undefined, `${user} kicked`).then(then)}
              >
                Kick
              </Button>
              <Button
                size="small"
                onClick={() => void act('POST', `${path}/blocks`, { userIds: [user] }, `${user} blocked`).then(then)}
              >
                Block
              </Button>
              {r.role === 'member' && (
                <Button
                  size="small"
                  onClick={() =>
                    void act('POST', `${path}/admins`, { userIds: [user] }, `${user} is an admin`).then(then)
                  }
                >
                  Promote
                </Button>
              )}
              {r.role === 'admin' && (
                <Button
                  size="small"
                  onClick={() =>
                    void act('DELETE', `${path}/admins/${user}`, undefined, `${user} is a member`).then(then)
                  }
                >
                  Demote
                </Button>
              )}
              <Button
                size="small"
                onClick={() =>
                  void act('POST', `${path}/allowlist`, { userIds: [user] }, `${user} allowlisted`).then(then)
                }
              >
                Allowlist
              </Button>
            </>
          );
        }}
      />
    </>
  );
}

export function MutesTab() {
  const record = useRecordContext();
  const act = useGroupAction();
  const path = `/admin/v1/groups/${String(record?.groupId)}`;
  return (
    <GroupTable
      list="mutes"
      columns={[
        userId,
        { label: 'Muted until', render: (r) => when(r.until as number) },
        { label: 'Set', render: (r) => when(r.at as number) },
      ]}
      actions={(r, reload) => (
        <Button
          size="small"
          onClick={() =>
            void act('DELETE', `${path}/mutes/${String(r.userId)}`, undefined, 'mute lifted').then(
              (ok) => ok && reload(),
            )
          }
        >
          Unmute
        </Button>
      )}
    />
  );
}

function UserListTab({
  list,
  add,
  remove,
  added,
  removed,
}: {
  list: string;
  add: string;
  remove: string;
  added: string;
  removed: string;
}) {
  const record = useRecordContext();
  const act = useGroupAction();
  const [user, setUser] = useState('');
  const [version, setVersion] = useState(0);
  const path = `/admin/v1/groups/${String(record?.groupId)}/${list}`;
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
        <TextField label="User id" size="small" value={user} onChange={(e) => setUser(e.target.value)} />
        <Button
          variant="outlined"
          onClick={() =>
            void act('POST', path, { userIds: [user] }, added).then((ok) => ok && setVersion((v) => v + 1))
          }
        >
          {add}
        </Button>
      </Stack>
      <GroupTable
        list={list}
        version={version}
        columns={[userId, since]}
        actions={(r, reload) => (
          <Button
            size="small"
            onClick={() =>
              void act('DELETE', `${path}/${String(r.userId)}`, undefined, removed).then((ok) => ok && reload())
            }
          >
            {remove}
          </Button>
        )}
      />
    </>
  );
}

export const BlocklistTab = () => (
  <UserListTab list="blocks" add="Block" remove="Unblock" added="blocked" removed="unblocked" />
);
export const AllowlistTab = () => (
  <UserListTab list="allowlist" add="Add" remove="Remove" added="allowlisted" removed="removed from the allowlist" />
);

export const AnnouncementsTab = () => (
  <GroupTable
    list="announcements"
    columns={[
      { label: 'Title', render: (r) => String(r.title) },
      { label: 'Content', render: (r) => String(r.content) },
      { label: 'Author', render: (r) => String(r.authorId ?? 'app admin') },
      { label: 'Published', render: (r) => when(r.createdAt as number) },
    ]}
  />
);

export const FilesTab = () => (
  <GroupTable
    list="files"
    columns={[
      { label: 'Name', render: (r) => <a href={String(r.url)}>{String(r.name)}</a> },
      { label: 'Size', render: (r) => String(r.size) },
      { label: 'Uploader', render: (r) => String(r.uploaderId ?? 'app admin') },
      { label: 'Added', render: (r) => when(r.createdAt as number) },
    ]}
  />
);

export function AttributesTab() {
  const record = useRecordContext();
  if (record?.type !== 'chatroom') return <Alert severity="info">Only chatrooms have custom attributes.</Alert>;
  return (
    <GroupTable
      list="attributes"
      columns={[
        { label: 'Key', render: (r) => String(r.key) },
        { label: 'Value', render: (r) => String(r.value) },
        { label: 'Owner', render: (r) => String(r.ownerId) },
      ]}
    />
  );
}
