export type * from './types.js';
export { runLoad } from './run-load.js';
export { arrivals, converts, sessionsInStage, planDurationMs, type Arrival } from './plan.js';
export { runHammer, HAMMER_JOURNEY } from './hammer/run-hammer.js';
export { runRace } from './race.js';
export { combineObservers, type SummariesOf } from './observers.js';
