import { Alert, Button, Stack, TextField as Input, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Confirm,
  Datagrid,
  FunctionField,
  List,
  type RaRecord,
  SelectInput,
  Show,
  TabbedShowLayout,
  TabbedShowLayoutTabs,
  TextField,
  TextInput,
  useRecordContext,
  useRedirect,
} from 'react-admin';

import { when } from './api';
import { useGroupAction } from './group-actions';
import {
  AllowlistTab,
  AnnouncementsTab,
  AttributesTab,
  BlocklistTab,
  FilesTab,
  MembersTab,
  MutesTab,
} from './group-tabs';

const filters = [
  <TextInput key="name" source="name" label="Name contains" alwaysOn />,
  <TextInput key="id" source="id" label="Group id" />,
  <TextInput key="owner" source="owner" label="Owner (user id)" />,
  <SelectInput
    key="kind"
    source="kind"
    label="Kind"
    choices={[
      { id: 'group', name: 'group' },
      { id: 'chatroom', name: 'chatroom' },
    ]}
    alwaysOn
  />,
];

export const GroupList = () => (
  <List filters={filters} perPage={25} exporter={false} title="Groups & chatrooms">
    <div style={{ overflowX: 'auto' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <TextField source="groupId" label="Id" sortable={false} />
        <TextField source="type" label="Kind" sortable={false} />
        <TextField source="ownerId" label="Owner" sortable={false} />
        <TextField source="capacity" sortable={false} />
        <FunctionField label="Created" render={(r: RaRecord) => when(r.createdAt as number)} />
      </Datagrid>
    </div>
  </List>
);

const Setting = ({ label, value }: { label: string; value: unknown }) => (
  <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
    <b>{label}:</b> {typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}
  </Typography>
);

function GroupActions() {
  const record = useRecordContext();
  const act = useGroupAction();
  const redirect = useRedirect();
  const [minutes, setMinutes] = useState('60');
  const [capacity, setCapacity] = useState('');
  const [newOwner, setNewOwner] = useState('');
  const [confirming, setConfirming] = useState<'transfer' | 'destroy' | null>(null);
  if (!record) return null;
  const path = `/admin/v1/groups/${String(record.groupId)}`;
  const confirmed = async () => {
    const which = confirming;
    setConfirming(null);
    if (which === 'transfer')
      await act('POST', `${path}/transfer`, { newOwnerId: newOwner }, `${newOwner} owns the group`);
    if (which === 'destroy' && (await act('DELETE', path, undefined, 'group destroyed'))) redirect('list', 'groups');
  };
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 560 }}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Input
          label="Mute-all minutes (-1 permanent)"
          size="small"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <Button
          variant="outlined"
          onClick={() => void act('PUT', `${path}/mute-all`, { durationMinutes: Number(minutes) }, 'mute-all on')}
        >
          Mute all
        </Button>
        <Button
          variant="outlined"
          onClick={() => void act('PUT', `${path}/mute-all`, { durationMinutes: 0 }, 'mute-all off')}
        >
          Unmute all
        </Button>
      </Stack>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Input label="Capacity" size="small" value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        <Button
          variant="outlined"
          onClick={() => void act('PUT', `${path}/capacity`, { capacity: Number(capacity) }, 'capacity changed')}
        >
          Set capacity
        </Button>
      </Stack>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Input
          label="New owner (a member's user id)"
          size="small"
          value={newOwner}
          onChange={(e) => setNewOwner(e.target.value)}
        />
        <Button variant="outlined" onClick={() => setConfirming('transfer')}>
          Transfer ownership
        </Button>
      </Stack>
      <div>
        <Button variant="contained" color="error" onClick={() => setConfirming('destroy')}>
          Destroy group
        </Button>
      </div>
      <Confirm
        isOpen={confirming !== null}
        title={
          confirming === 'destroy'
            ? `Destroy ${String(record.name)}?`
            : `Transfer ${String(record.name)} to ${newOwner}?`
        }
        content={
          confirming === 'destroy'
            ? 'Every member leaves and every service deletes the group’s data. This cannot be undone.'
            : 'The current owner becomes a member.'
        }
        confirm={confirming === 'destroy' ? 'Destroy' : 'Transfer'}
        onConfirm={() => void confirmed()}
        onClose={() => setConfirming(null)}
      />
    </Stack>
  );
}

function SettingsTab() {
  const record = useRecordContext();
  if (!record) return null;
  const announcement = record.announcement as { title: string; content: string } | null;
  return (
    <>
      <Setting label="Id" value={record.groupId} />
      <Setting label="Kind" value={record.type} />
      <Setting label="Name" value={record.name} />
      <Setting label="Description" value={record.description || '—'} />
      <Setting label="Owner" value={record.ownerId} />
      <Setting label="Members" value={`${String(record.memberCount)} of ${String(record.capacity)}`} />
      <Setting label="Mute-all" value={record.muteAll ? `on until ${when(record.muteAllUntil as number)}` : 'off'} />
      <Setting label="Settings" value={record.settings} />
      <Setting label="Created" value={when(record.createdAt as number)} />
      {announcement ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          <b>{announcement.title}</b> {announcement.content}
        </Alert>
      ) : (
        <Setting label="Announcement" value="none" />
      )}
      <GroupActions />
    </>
  );
}

const LIST_TABS = [
  { label: 'Members', path: 'members', Tab: MembersTab },
  { label: 'Mutes', path: 'mutes', Tab: MutesTab },
  { label: 'Blocklist', path: 'blocklist', Tab: BlocklistTab },
  { label: 'Allowlist', path: 'allowlist', Tab: AllowlistTab },
  { label: 'Announcements', path: 'announcements', Tab: AnnouncementsTab },
  { label: 'Files', path: 'files', Tab: FilesTab },
  { label: 'Attributes', path: 'attributes', Tab: AttributesTab },
];

export const GroupShow = () => (
  <Show>
    {/* Scrollable tabs: the row of eight fits a phone's width. */}
    <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" />}>
      <TabbedShowLayout.Tab label="Settings">
        <SettingsTab />
      </TabbedShowLayout.Tab>
      {LIST_TABS.map(({ label, path, Tab }) => (
        <TabbedShowLayout.Tab key={path} label={label} path={path}>
          <Tab />
        </TabbedShowLayout.Tab>
      ))}
    </TabbedShowLayout>
  </Show>
);
