import type { Report } from '../engine/report.js';

/** The report itself: the contract every other format is rendered from. */
export const renderJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;
