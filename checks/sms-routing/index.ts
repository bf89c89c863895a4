import { defineCheck } from '../../src/engine/define-check.js';
import { config } from './config.js';
import { evaluate } from './evaluate.js';
import { gather } from './gather.js';
import { rules } from './rules.js';

export default defineCheck({
  id: 'sms-routing',
  title: 'SMS keyword routing',
  description:
    "The store's inbound SMS webhook driven as Twilio drives it: every STOP, HELP and START variant answered correctly, forged requests refused, a flash-sale burst answered in time, and campaigns inside quiet hours.",
  config,
  rules,
  // ~270 exchanges 4 at a time plus the burst: about three minutes on a webhook answering in 2.5 s.
  timeoutMs: 600_000,
  gather,
  evaluate,
});
