import { type ErrorCode, ErrorCodes } from '@cohort/contracts';
import type { DomainError } from '@cohort/errors';
import type { SchemaObject } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import type { RenderedError } from '../../http/dialect';
import { msSinceReceived } from '../../http/request-id';

interface EasemobError {
  status: number;
  type: string;
  exception: string;
}

function easemobError(code: ErrorCode): EasemobError {
  switch (code) {
    case 'invalid_parameter':
      return { status: 400, type: 'invalid_parameter', exception: 'java.lang.IllegalArgumentException' };
    case 'unauthorized':
      return { status: 401, type: 'unauthorized', exception: 'EasemobUnauthorizedException' };
    case 'not_member':
    case 'owner_protected':
    case 'forbidden':
    case 'blocked':
    case 'group_full':
    case 'too_many_admins':
      return { status: 403, type: 'forbidden_op', exception: 'EasemobForbiddenOpException' };
    case 'already_member':
      return { status: 400, type: 'forbidden_op', exception: 'EasemobForbiddenOpException' };
    case 'group_not_found':
    case 'not_found':
      return { status: 404, type: 'resource_not_found', exception: 'EasemobResourceNotFoundException' };
    case 'conflict':
      return { status: 409, type: 'conflict', exception: 'EasemobConflictException' };
    case 'rate_limited':
      return { status: 429, type: 'reach_limit', exception: 'EasemobReachLimitException' };
    case 'unavailable':
      return { status: 503, type: 'service_unavailable', exception: 'EasemobServiceUnavailableException' };
    case 'timeout':
      return { status: 504, type: 'gateway_timeout', exception: 'EasemobTimeoutException' };
    case 'internal':
      return { status: 500, type: 'internal_error', exception: 'EasemobInternalException' };
  }
}

export function renderEasemobError(error: DomainError, request: FastifyRequest): RenderedError {
  const mapped = easemobError(error.code);
  return {
    status: mapped.status,
    body: {
      error: mapped.type,
      exception: mapped.exception,
      timestamp: Date.now(),
      duration: msSinceReceived(request),
      error_description: error.message,
    },
  };
}

export const easemobErrorSchema: SchemaObject = {
  type: 'object',
  required: ['error', 'exception', 'timestamp', 'duration', 'error_description'],
  additionalProperties: false,
  properties: {
    error: { type: 'string', enum: [...new Set(ErrorCodes.map((code) => easemobError(code).type))] },
    exception: { type: 'string' },
    timestamp: { type: 'integer', description: 'ms since the epoch' },
    duration: { type: 'integer', description: 'ms spent on the request' },
    error_description: { type: 'string' },
  },
};
