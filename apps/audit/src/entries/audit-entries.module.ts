import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuditEntryRepository } from './audit-entry.repository';
import { AUDIT_RECORDERS } from './audit-recorders';
import { AuditEntryDoc, AuditEntrySchema } from './schemas/audit-entry.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEntryDoc.name, schema: AuditEntrySchema }])],
  controllers: [AuditController],
  providers: [AuditEntryRepository, AuditService, ...AUDIT_RECORDERS],
  exports: [AuditEntryRepository],
})
export class AuditEntriesModule {}
