export { DEFAULT_EXPLANATION, checkHost, checkMailFrom } from './check-host.js';
export type { CheckHostOptions, CheckHostRequest, CheckHostResult, MailFromRequest } from './check-host.js';
export { analyzeSpf } from './analyze.js';
export type { AnalyzeOptions } from './analyze.js';
export type * from './analysis-types.js';
export { isSpfRecordText, parseSpfRecord } from './parse.js';
export { SPF_LIMITS } from './limits.js';
export type * from './types.js';
