import type { FastifyRequest } from 'fastify';
import type { DomainError } from '@cohort/errors';

export interface RenderedError {
  status: number;
  body: unknown;
}

/** One HTTP dialect's error envelope: every canonical code maps to it in exactly one place. */
export interface DialectErrors {
  readonly name: string;
  renderError(error: DomainError, request: FastifyRequest): RenderedError;
}
