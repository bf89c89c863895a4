/** One row of the actual-sends CSV: date,ip,sent,bounced,complaints. */
export interface SendRow {
  date: string;
  ip: string;
  sent: number;
  bounced: number;
  complaints: number;
}

/** What gather saw: the plan lives in the profile, the actual sends in a CSV file. */
export interface IpWarmupArtifact {
  actuals:
    | null
    | { file: string; rows: SendRow[] }
    /**
     * The file could not be read, was cut off or has a bad line: the actuals rules become `error`, never a false
     * verdict. `cause` is the short stable `<kind>: <what>` the reports group by; older recordings lack it.
     */
    | { file: string; error: string; cause?: string };
}
