import type { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type * as Joi from 'joi';

/** How every schema is applied: all errors at once, naming the variables (Joi labels), never their values. */
const VALIDATION_OPTIONS: Joi.ValidationOptions = {
  abortEarly: false,
  allowUnknown: true,
  errors: { wrap: { label: '' } },
};

/**
 * The one way apps load configuration: environment variables validated by a Joi schema at
 * boot. Errors name the variables (Joi labels), never their values.
 */
export function validatedConfigModule(schema: Joi.ObjectSchema): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    cache: true,
    validationSchema: schema,
    validationOptions: VALIDATION_OPTIONS,
  });
}

/**
 * The environment validated by `schema`, for what must be configured before Nest starts (the
 * gateway's HTTP server exists before the config module does). Same rules and errors as above.
 */
export function validatedEnv<T>(schema: Joi.ObjectSchema): T {
  const { value, error } = schema.validate(process.env, VALIDATION_OPTIONS);
  if (error) throw new Error(`Config validation error: ${error.message}`);
  return value as T;
}
