import { NUMERIC_ID_PATTERN, NUMERIC_ID_SHAPE } from '@cohort/contracts';
import { applyDecorators, Controller } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';

import { matching } from '../../http/path-constraint';

/** The router matches the id's shape (it takes no alternatives); its value, a canonical int64, is checked where the group is looked up. */
export const GroupPathController = (
  collection: string,
  param: string,
  tag: string,
  description: string,
): ClassDecorator =>
  applyDecorators(
    Controller(`:org/:app/${collection}/${matching(param, NUMERIC_ID_SHAPE)}`),
    ApiTags(tag),
    ApiParam({ name: param, description, schema: { type: 'string', pattern: NUMERIC_ID_PATTERN.source } }),
  );
