import type { RuleMeta } from '../../src/engine/define-check.js';

export const rules = {
  'peak-readiness': {
    title: 'The warm-up reaches the peak daily volume in time',
    failureTitle: 'The warm-up does not reach the peak daily volume in time',
    severity: 'critical',
    description:
      'Mailbox providers judge an IP by the volume it has shown them. An IP pool warmed to its everyday volume ' +
      'and then asked for several times that on Black Friday is throttled and filtered on the very day that ' +
      'matters, so the ramp has to be sized to the peak and reach it with time to spare for a stable stretch ' +
      'and the holiday build-up.',
    fix:
      'Start the warm-up earlier, steepen the late part of the ramp within the growth limits, or add warmed IPs ' +
      'so the plans add up to the peak volume at least two weeks before the peak; otherwise keep the excess on ' +
      'shared or already warm IPs for this season.',
    ref: 'Braze IP warming ("warm up to your peak sending"); holiday warm-up timing guidance (Suped, Ometria)',
  },
  'ramp-growth': {
    title: 'Day-over-day growth stays within safe limits',
    failureTitle: 'The ramp grows faster than is safe from one day to the next',
    severity: 'high',
    description:
      'Providers watch the change in volume more than the volume itself. Published ramps grow by about 2× a day ' +
      'early on and much less once the IP sends tens of thousands a day; a jump above that looks like a ' +
      'compromised or snowshoeing sender and is deferred or sent to spam, Microsoft domains most of all.',
    fix:
      'Spread the jump over more days: at most double the previous sending day, 1.5× above 50,000/day, 1.2× ' +
      'above 100,000/day and 1.1× above 250,000/day, holding a level for a few days where needed.',
    ref: 'Braze community guidance (never more than double the prior day); iPost warm-up tiers; SparkPost IP Warm-up Overview',
  },
  'first-day-volume': {
    title: 'The first day sends a small volume',
    failureTitle: 'The first day sends too much for a cold IP',
    severity: 'medium',
    description:
      'A new IP has no reputation at all; providers accept a few hundred to a thousand messages from it on the ' +
      'first day and defer or junk more. The published ramps open at 50 (SendGrid, Braze) to 200 (SparkPost).',
    fix: 'Open with a few hundred messages to the most engaged recipients (recent openers and clickers), then grow.',
    ref: 'SendGrid IP warm-up schedule; Braze IP warming; SparkPost IP Warm-up Overview; iPost start volumes',
  },
  'ramp-length': {
    title: 'The ramp takes long enough to build a reputation',
    failureTitle: 'The ramp reaches full volume too quickly',
    severity: 'medium',
    description:
      'Reputation builds with days of consistent, engaged sending, not with volume. The providers publish how ' +
      'fast a new IP may climb (SendGrid, Braze, SparkPost); a ramp that reaches its volume faster than those, or ' +
      'in fewer than two weeks whatever the volume, reaches volumes the IP has not earned.',
    fix: 'Stretch the plan so the IP reaches its highest volume no faster than the published ramp and after two weeks at least, holding each level for a few days.',
    ref: 'SendGrid IP warm-up schedule; Braze IP warming; SparkPost IP Warm-up Overview; Amazon SES dedicated IPs (≥14 days for some providers)',
  },
  'sending-gap': {
    title: 'The IP sends steadily, without long gaps',
    failureTitle: 'The IP has a gap long enough to lose its warm-up',
    severity: 'high',
    description:
      'Providers remember an IP for about 30 days: after a month without mail it is treated as new and has to be ' +
      'warmed again. During the warm-up, sending on fewer than three days a week also slows the build-up.',
    fix: 'Send every day, or at least three days a week, through the warm-up and up to the peak; if a 30-day gap has happened, warm the IP again from the start.',
    ref: 'SendGrid IP warm-up (re-warm after 30 days idle); Braze IP warming ("don\'t skip days"); Salesforce Marketing Cloud IP warming (3 days a week)',
  },
  'holiday-start': {
    title: 'The warm-up avoids the holiday season',
    failureTitle: 'The warm-up starts or ramps up in the holiday season',
    severity: 'high',
    description:
      'In November and December providers see the year\'s highest volumes, filter harder and have the least time ' +
      'for postmaster requests, while recipients are already saturated: a new IP started then, or a ramp still ' +
      'climbing during the peak days themselves, is the first to be throttled.',
    fix:
      'Start warm-ups by September; if that is too late, carry the season on shared or already warm IPs and ' +
      'start the new IP after the peak. Plan the last increase before the peak starts and hold the volume through it.',
    ref: 'Holiday warm-up timing guidance (Suped, Ometria, Data Axle, Simon Data)',
  },
  'per-ip-volume': {
    title: 'Each IP carries a volume one IP can hold',
    failureTitle: 'An IP is planned to carry more than one IP should',
    severity: 'medium',
    description:
      'One IP holds a limited daily volume before providers throttle it; SendGrid sizes pools at about one IP per ' +
      'million messages a day and more than one IP is expected above 2 million a day.',
    fix: 'Add IPs to the pool and warm each one to its share of the peak volume.',
    ref: 'SendGrid IP warm-up (IP count table); Salesforce Marketing Cloud dedicated IP guidance',
  },
  'actuals-current': {
    title: 'The actual sends are up to date',
    failureTitle: 'The actual sends end days before today',
    severity: 'medium',
    description:
      'The actuals show whether the warm-up is followed only up to the last day they record. Days after it are not ' +
      'known, so they are not read as days without sends, and the other actuals rules judge up to that day: an ' +
      'export more than a week old says little about where the IP stands now.',
    fix: 'Export the actual sends again up to yesterday; write a row with 0 sent for a day the IP sent nothing, as a day without a row is not known.',
    ref: 'Braze IP warming (watch the warm-up day by day); SendGrid IP warm-up',
  },
  'actuals-on-plan': {
    title: 'Actual sends follow the plan',
    failureTitle: 'Actual sends are off the plan',
    severity: 'high',
    description:
      'A plan only protects the IP if it is followed: sending well above the plan is an unplanned jump, and ' +
      'sending well below it leaves the IP short of the volume it needs on the peak day.',
    fix: 'Bring the daily sends back to the plan; if the warm-up fell behind, move the plan (and the peak expectations) rather than catching up with a jump.',
    ref: 'Braze IP warming; SparkPost IP Warm-up Overview; Salesforce Marketing Cloud IP warming',
  },
  'bounce-rate': {
    title: 'Bounces stay under the hold level',
    failureTitle: 'Bounces are above the level where the warm-up must hold',
    severity: 'high',
    description:
      'A bounce rate above 5% tells providers the list is old or bought; Braze\'s automated warming holds the ' +
      'next day\'s volume when bounces pass 5%, and a ramp that keeps climbing through a bounce spike loses ' +
      'reputation fast.',
    fix: 'Hold the volume, remove the bounced addresses and send to recently engaged recipients until the rate is back under 5%.',
    ref: 'Braze automated IP warming (hold above 5% bounces); Braze IP warming (watch bounces above 3–5%)',
  },
  'complaint-rate': {
    title: 'Spam complaints stay low',
    failureTitle: 'Spam complaints are too high',
    severity: 'high',
    description:
      'Gmail asks bulk senders to keep the spam rate below 0.10% and never reach 0.30%, above which mitigation is ' +
      'no longer offered; Yahoo uses the same limit and Braze holds the warm-up above 0.1%.',
    fix: 'Hold the volume, narrow the audience to recent openers and clickers, make unsubscribing one click, and check that every recipient opted in.',
    ref: 'Google email sender guidelines (0.10% / 0.30%); Yahoo sender best practices; Braze automated IP warming',
  },
} satisfies Record<string, RuleMeta>;
