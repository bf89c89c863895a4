import { comingBlackFridayWeekend, yearOf } from '../lib/dates.js';

/** The starter's store time zone, where `init` takes "today" unless told. */
export const STARTER_TIMEZONE = 'America/New_York';

/**
 * What `q4check init` writes on `today`: every field commented, valid as it stands, and passing
 * its audit that day. Its dates follow the coming Black Friday weekend: the warm-up starts on
 * 1 September of the peak's year (ahead in spring, behind in autumn), when the plan below
 * reaches its volume weeks before the peak and outside the holiday freeze.
 */
export const starterProfile = (today: string): string => {
  const peak = comingBlackFridayWeekend(today);
  const year = yearOf(peak.start);
  return `# yaml-language-server: $schema=./q4check.schema.json
# q4check store profile. Generate the schema for editor completion with:
#   q4check schema > q4check.schema.json
# Values may come from the environment as \${NAME}. Tokens, and variables named *_TOKEN, *_SECRET,
# *_PASSWORD or *_KEY, are secrets and never printed.
version: 1

store:
  name: My Store                 # shown on every report
  timezone: ${STARTER_TIMEZONE}     # IANA zone; "today" is taken there

# The peak you are preparing for. Leave it out to use the coming Black Friday to Cyber Monday.
# peak:
#   name: Black Friday ${year}
#   start: ${peak.start}
#   end: ${peak.end}

# report:
#   preparedBy: Deliverability team

# DNS resolvers to ask (IP or IP:port); default: the system's.
# resolver: [192.0.2.53]

checks:
  # email-auth:
  #   requirePolicy: quarantine      # the weakest DMARC policy acceptable before the peak
  #   domains:
  #     - from: mystore.example      # the visible From domain
  #       returnPath: bounce.mystore.example
  #       dkim: [{selector: s1}]     # leave out to probe common provider selectors
  #       sendingIps: [192.0.2.10]
  #   sampleMessages: [./campaign.eml]

  # sms-routing:
  #   webhook: https://staging.mystore.example/sms/inbound
  #   authToken: \${TWILIO_AUTH_TOKEN}
  #   storeNumber: "+15005550006"
  #   testNumber: "+15005550001"
  #   brand: My Store
  #   help: {mustInclude: ["My Store"]}

  ip-warmup:
    peakDailyVolume: 396000      # messages a day needed across all IPs on the first peak day
    ips:
      - address: 192.0.2.10      # a dedicated sending IP
        start: ${year}-09-01        # first warm-up day
        # Daily volumes from the start day; the last one holds. Or "schedule: sendgrid | braze | sparkpost",
        # a published ramp scaled to the need (steeper than the growth rule allows: q4check will say so).
        plan: [500, 1000, 2000, 4000, 8000, 15000, 30000, 50000, 75000, 100000, 120000, 140000,
               165000, 195000, 230000, 250000, 275000, 300000, 330000, 360000, 396000]
    # actuals: ./sends.csv       # optional: date,ip,sent,bounced,complaints
    # thresholds:                # every limit can be tuned; see q4check checks
    #   growthWarn: 2.0

# Re-grade a rule for this store:
# severity:
#   ip-warmup/ramp-length: low

# Accept a known failure, with a reason; \`until\` makes the exception expire.
# suppress:
#   - rule: ip-warmup/holiday-start
#     subject: 192.0.2.10
#     reason: Provider-managed warm-up with overflow to a warm pool
#     until: ${year}-12-31
`;
};
