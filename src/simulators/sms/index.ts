export { LOOPBACK, SmsSimulator, type SmsSimulatorAddress, type SmsSimulatorOptions } from './server.js';
export { NO_FAULTS, type BurstSlowdown, type SmsFaults } from './faults.js';
export { RequestLog, type RequestFilter, type SignatureCheck, type SmsRequestRecord } from './request-log.js';
export type { OptOutHandler } from './store.js';
