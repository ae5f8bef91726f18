import {
  Datagrid,
  DateTimeInput,
  FunctionField,
  List,
  type RaRecord,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { Link } from 'react-router-dom';

const ACTIONS = [
  'group.created',
  'group.updated',
  'group.settings_changed',
  'group.mute_all_changed',
  'group.destroyed',
  'group.owner_transferred',
  'member.joined',
  'member.left',
  'member.role_changed',
  'member.settings_changed',
  'member.muted',
  'member.unmuted',
  'member.blocked',
  'member.unblocked',
  'member.allowlisted',
  'member.unallowlisted',
  'join_request.created',
  'join_request.handled',
  'invitation.created',
  'invitation.handled',
  'room_attributes.changed',
  'announcement.published',
  'announcement.deleted',
  'file.added',
  'file.renamed',
  'file.deleted',
];

const filters = [
  <TextInput key="groupId" source="groupId" label="Group id" alwaysOn />,
  <SelectInput
    key="action"
    source="action"
    label="Action"
    choices={ACTIONS.map((a) => ({ id: a, name: a }))}
    alwaysOn
  />,
  <TextInput key="actor" source="actor" label="Actor (user id)" />,
  <SelectInput
    key="actorKind"
    source="actorKind"
    label="Actor kind"
    choices={[
      { id: 'user', name: 'user' },
      { id: 'app_admin', name: 'app admin' },
      { id: 'system', name: 'system' },
    ]}
  />,
  <TextInput key="target" source="target" label="Target user" />,
  <DateTimeInput key="from" source="from" label="From" />,
  <DateTimeInput key="to" source="to" label="Until" />,
];

const actorOf = (r: RaRecord) => {
  const actor = r.actor as { kind: string; userId: string | null };
  if (actor.kind === 'system') return 'system';
  if (actor.kind === 'app_admin') return actor.userId ? `app admin as ${actor.userId}` : 'app admin';
  return `user ${actor.userId}`;
};

const values = (v: unknown) => (v ? JSON.stringify(v) : '');

export const AuditList = () => (
  <List filters={filters} perPage={50} sort={{ field: 'at', order: 'DESC' }} title="Audit log" exporter={false}>
    <div style={{ overflowX: 'auto' }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField label="When" render={(r: RaRecord) => new Date(r.at as number).toLocaleString()} />
        <FunctionField label="Actor" render={actorOf} />
        <TextField source="action" label="Action" sortable={false} />
        <FunctionField
          label="Group"
          render={(r: RaRecord) => <Link to={`/groups/${String(r.groupId)}/show`}>{String(r.groupId)}</Link>}
        />
        <FunctionField label="Targets" render={(r: RaRecord) => (r.targets as string[]).join(', ')} />
        <FunctionField label="Before" render={(r: RaRecord) => values(r.before)} />
        <FunctionField label="After" render={(r: RaRecord) => values(r.after)} />
        <TextField source="requestId" label="Request id" sortable={false} />
      </Datagrid>
    </div>
  </List>
);
