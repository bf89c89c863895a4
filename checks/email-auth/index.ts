import { defineCheck } from '../../src/engine/define-check.js';
import { config } from './config.js';
import { evaluate } from './evaluate.js';
import { gather } from './gather.js';
import { rules } from './rules.js';

export default defineCheck({
  id: 'email-auth',
  title: 'Email authentication',
  description:
    'SPF, DKIM and DMARC of every sending domain and their alignment, MX, reverse DNS, MTA-STS, TLS-RPT and BIMI, over DNS spoken by q4check itself, and the Gmail, Yahoo and Microsoft bulk-sender rules.',
  config,
  rules,
  gather,
  evaluate,
});
