import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { SessionDoc, SessionSchema } from './schemas/session.schema';
import { SessionRepository } from './session.repository';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

/** Users' sessions (the keys that verify signed requests). */
@Module({
  imports: [MongooseModule.forFeature([{ name: SessionDoc.name, schema: SessionSchema }])],
  controllers: [SessionsController],
  providers: [SessionRepository, SessionsService],
  exports: [SessionRepository],
})
export class SessionsModule {}
