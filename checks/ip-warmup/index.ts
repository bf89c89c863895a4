import { defineCheck } from '../../src/engine/define-check.js';
import { config } from './config.js';
import { evaluate } from './evaluate.js';
import { gather } from './gather.js';
import { rules } from './rules.js';

export default defineCheck({
  id: 'ip-warmup',
  title: 'IP warm-up',
  description:
    'Dedicated sending IPs: the warm-up plan against the volume needed on the first peak day, its growth and timing, and the actual sends, bounces and complaints against the plan.',
  config,
  rules,
  gather,
  evaluate,
});
