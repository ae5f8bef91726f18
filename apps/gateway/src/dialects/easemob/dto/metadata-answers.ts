import { ApiProperty, type SchemaObject } from '@nestjs/swagger';

const STRING_VALUES = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** PUT and DELETE /metadata/chatroom/{id}/user/{username}[/forced]: the outcome of each key. */
export class MetadataOutcome {
  @ApiProperty({ type: [String], description: 'The keys set (or removed), in request order' })
  successKeys!: string[];

  @ApiProperty({ ...STRING_VALUES, description: 'The keys that failed, each with why' })
  errorKeys!: Record<string, string>;
}

/** POST /metadata/chatroom/{id}: the attributes read. */
export const METADATA_VALUES: SchemaObject = { ...STRING_VALUES, description: 'key → value of the attributes read' };
