import 'reflect-metadata';

import { ServiceNames } from '@cohort/contracts';
import { bootstrapService } from '@cohort/service-kit';

import { AppModule } from './app.module';

void bootstrapService(AppModule, ServiceNames.audit);
