/**
 * Canadian area codes (NPAs) of the North American Numbering Plan, geographic and the non-geographic
 * 600. Source: the Canadian Numbering Administrator's list of NPAs in service (cnac.ca, "NPA
 * lookup"), as reproduced in public code in 2025-2026, plus the overlays 257 (British Columbia) and
 * 942 (Toronto) that CRTC relief decisions put in service in 2025. New overlays are added every year
 * or two: re-check against cnac.ca before each peak season.
 */
export const CANADIAN_NPAS: ReadonlySet<string> = new Set([
  // Alberta
  '368', '403', '587', '780', '825',
  // British Columbia
  '236', '250', '257', '604', '672', '778',
  // Manitoba
  '204', '431', '584',
  // New Brunswick
  '428', '506',
  // Newfoundland and Labrador
  '709', '879',
  // Nova Scotia and Prince Edward Island
  '782', '902',
  // Ontario
  '226', '249', '289', '343', '365', '382', '416', '437', '519', '548', '613', '647', '683', '705', '742', '753', '807', '905', '942',
  // Quebec
  '263', '354', '367', '418', '438', '450', '468', '514', '579', '581', '819', '873',
  // Saskatchewan
  '306', '474', '639',
  // Northwest Territories, Nunavut, Yukon
  '867',
  // Non-geographic services, Canada
  '600',
]);
