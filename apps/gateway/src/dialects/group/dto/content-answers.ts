import { ApiProperty } from '@nestjs/swagger';

import type { JsonId } from './group-answers';
import { JSON_ID, MS } from './group-answers';

const NOBODY = `${JSON_ID.description}; 0 when an app admin acted as no user`;

/** An announcement (4.4, 4.6, 4.7, 4.8). */
export class GroupAnnouncement {
  @ApiProperty({ ...JSON_ID, description: `who published it: ${NOBODY}` }) author!: JsonId;
  @ApiProperty() content!: string;
  @ApiProperty({ ...MS, description: 'when it was published, ms since the epoch' }) created_at!: number;
  @ApiProperty(JSON_ID) group_id!: JsonId;
  @ApiProperty(JSON_ID) id!: JsonId;
  @ApiProperty() title!: string;
}

/** 4.19, 4.21, 4.23 */
export class GroupFile {
  @ApiProperty(MS) created_at!: number;
  @ApiProperty(JSON_ID) file_id!: JsonId;
  @ApiProperty(JSON_ID) group_id!: JsonId;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', format: 'int64', description: 'bytes' }) size!: number;
  @ApiProperty() type!: string;
  @ApiProperty({ ...MS, description: 'last rename, ms since the epoch' }) updated_at!: number;
  @ApiProperty({ ...JSON_ID, description: `who shared it: ${NOBODY}` }) uploader!: JsonId;
  @ApiProperty() url!: string;
}

/** 4.20, in request order. */
export class GroupFileResult {
  @ApiProperty(JSON_ID) file_id!: JsonId;
  @ApiProperty({ enum: ['success', 'fail'] }) result!: 'success' | 'fail';
  @ApiProperty({ description: 'empty on success; on failure `<canonical code>: <text>`' }) reason!: string;
}
