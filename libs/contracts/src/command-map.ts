import type { Subjects } from './subjects';
import type { HealthView } from './health/health.types';
import type { GroupInfoView, GroupView } from './groups/group.types';
import type {
  CreateGroupCommand,
  GetGroupsCommand,
  GroupIdCommand,
  SetMuteAllCommand,
  UpdateGroupProfileCommand,
  UpdateGroupSettingsCommand,
} from './groups/group.commands';
import type { AccessView } from './membership/member.types';
import type {
  GetAccessCommand,
  InitializeRosterCommand,
  PurgeRosterCommand,
} from './membership/member.commands';

type Empty = Record<string, never>;

/** Subject → request payload and reply data. The bus wrapper is typed by this map. */
export interface CommandMap {
  [Subjects.groups.health]: { request: Empty; response: HealthView };
  [Subjects.groups.create]: { request: CreateGroupCommand; response: GroupInfoView };
  [Subjects.groups.get]: { request: GroupIdCommand; response: GroupInfoView };
  [Subjects.groups.getMany]: { request: GetGroupsCommand; response: GroupInfoView[] };
  [Subjects.groups.updateProfile]: { request: UpdateGroupProfileCommand; response: GroupView };
  [Subjects.groups.updateSettings]: { request: UpdateGroupSettingsCommand; response: GroupView };
  [Subjects.groups.setMuteAll]: { request: SetMuteAllCommand; response: GroupView };
  [Subjects.groups.destroy]: { request: GroupIdCommand; response: { destroyed: true } };

  [Subjects.membership.health]: { request: Empty; response: HealthView };
  [Subjects.membership.initializeRoster]: {
    request: InitializeRosterCommand;
    response: { memberCount: number };
  };
  [Subjects.membership.purgeRoster]: { request: PurgeRosterCommand; response: { purged: true } };
  [Subjects.membership.getAccess]: { request: GetAccessCommand; response: AccessView[] };

  [Subjects.moderation.health]: { request: Empty; response: HealthView };
  [Subjects.content.health]: { request: Empty; response: HealthView };
  [Subjects.roomMetadata.health]: { request: Empty; response: HealthView };
}

export type CommandSubject = keyof CommandMap;
export type RequestOf<S extends CommandSubject> = CommandMap[S]['request'];
export type ResponseOf<S extends CommandSubject> = CommandMap[S]['response'];
