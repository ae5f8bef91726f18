export type { BuiltServiceOptions } from './built-service';
export { serviceAnswers, startBuiltService } from './built-service';
export { startBusPeer } from './bus-peer';
export type { BusRequestCounterOptions } from './bus-request-counter';
export { BusRequestCounter, isCommandSubject } from './bus-request-counter';
export { sanitizeDbName, shortId, uniqueDbName } from './db-names';
export { EventTap } from './event-tap';
export type { FaultServer, FaultServers } from './fault-servers';
export { startFaultServers } from './fault-servers';
export type { InProcessServiceOptions } from './in-process-service';
export { bootServiceInProcess } from './in-process-service';
export type { Answer } from './openapi/openapi-contract';
export { OpenApiContract, openApiContractOf } from './openapi/openapi-contract';
export type { OpenApiDocument } from './openapi/openapi-types';
export type { PollOptions } from './poll';
export { expectEventually, pollUntil } from './poll';
export type { TestServer, TestServers } from './servers';
export {
  SHARED_MONGO_URL_ENV,
  startMongoServer,
  startNatsServer,
  startTestMongo,
  startTestServers,
  testInfraMode,
} from './servers';
export type { ServiceInProcess, UseServiceInProcessOptions } from './service-fixture';
export { useServiceInProcess } from './service-fixture';
export type { Stack, StartStackOptions } from './stack';
export { startStack } from './stack';
export { fakeOutbox, sentEvents, written } from './unit/fake-outbox';
export type { GivenGroup } from './unit/group-facts';
export { callBy, givenGroup, groupView, TEST_APP } from './unit/group-facts';
export type { Class, TestService, TestServiceOptions } from './unit/test-service';
export { autoMock, newTestService } from './unit/test-service';
