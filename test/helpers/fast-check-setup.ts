import fc from 'fast-check';
import { fastCheckSettings } from './fast-check-settings.js';

// Runs before every test file (vitest.config.ts setupFiles).
fc.configureGlobal({ ...fc.readConfigureGlobal(), ...fastCheckSettings(process.env) });
