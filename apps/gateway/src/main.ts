import 'reflect-metadata';

import { bootstrapGateway } from './bootstrap-gateway';

void bootstrapGateway();
