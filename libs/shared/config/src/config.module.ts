import type { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type * as Joi from 'joi';

/** All errors at once, naming the variables (Joi labels), never their values. */
const VALIDATION_OPTIONS: Joi.ValidationOptions = {
  abortEarly: false,
  allowUnknown: true,
  errors: { wrap: { label: '' } },
};

export function validatedConfigModule(schema: Joi.ObjectSchema): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    cache: true,
    validationSchema: schema,
    validationOptions: VALIDATION_OPTIONS,
  });
}

/** For what exists before Nest's config module (the gateway's HTTP server). */
export function validatedEnv<T>(schema: Joi.ObjectSchema): T {
  const { value, error } = schema.validate(process.env, VALIDATION_OPTIONS);
  if (error) throw new Error(`Config validation error: ${error.message}`);
  return value as T;
}
