export { DnsSimulator, LOOPBACK, type DnsSimulatorOptions, type SimulatorAddress } from './server.js';
export { QueryCounter, type CountFilter, type Transport } from './counter.js';
export { findFault, type FaultKind, type FaultOptions, type FaultRule } from './faults.js';
export { loadZoneFile, loadZoneFiles } from './zone-files.js';
export { parseZone, type ParseZoneOptions } from './zone-parser.js';
export { ZoneSyntaxError } from './zone-error.js';
export { ZoneSet, type Resolution } from './zone-set.js';
export type { SoaData, Zone, ZoneRecord, ZoneRecordType } from './zone-record.js';
