/** What `q4check init` writes: every field commented, valid as it stands. */
export const STARTER_PROFILE = `# yaml-language-server: $schema=./q4check.schema.json
# q4check store profile. Generate the schema for editor completion with:
#   q4check schema > q4check.schema.json
# Values may come from the environment as \${NAME}; they are treated as secrets and never printed.
version: 1

store:
  name: My Store                 # shown on every report
  timezone: America/New_York     # IANA zone; "today" is taken there

# The peak you are preparing for. Leave it out to use the coming Black Friday to Cyber Monday.
# peak:
#   name: Black Friday 2026
#   start: 2026-11-27
#   end: 2026-11-30

# report:
#   preparedBy: Deliverability team

checks:
  ip-warmup:
    peakDailyVolume: 400000      # messages a day needed across all IPs on the first peak day
    ips:
      - address: 192.0.2.10      # a dedicated sending IP
        start: 2026-08-24        # first warm-up day
        schedule: braze          # a published ramp scaled to the need: sendgrid | braze | sparkpost
        # plan: [50, 100, 500, 1000, 5000, 10000, 20000, 40000, 70000, 100000]   # or your own daily volumes
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
#     until: 2026-12-31
`;
