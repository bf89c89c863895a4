/** Read at run time from package.json, so the version has one home. */
export { packageVersion as toolVersion } from '../lib/tool-version.js';
