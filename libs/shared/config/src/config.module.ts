import { ConfigModule } from '@nestjs/config';
import type { DynamicModule } from '@nestjs/common';
import type * as Joi from 'joi';

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
    validationOptions: { abortEarly: false, allowUnknown: true, errors: { wrap: { label: '' } } },
  });
}
