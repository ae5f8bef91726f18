import { NUMERIC_ID_PATTERN, NUMERIC_ID_SHAPE } from '@cohort/contracts';
import { applyDecorators, Controller } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';

import { matching } from '../../http/path-constraint';

/**
 * A controller of `/{org_name}/{app_name}/<collection>/{param}/...`, the routes of one group of
 * the kind `collection` names. The id is decimal digits (a string in Easemob); any other id is an
 * unknown endpoint (404) to the router. The router matches the shape (it takes no alternatives);
 * the id's value — a canonical int64 — is checked where the group is looked up.
 */
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
