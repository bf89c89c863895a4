import { describe, expect, it } from 'vitest';
import { parseActuals } from '../../../checks/ip-warmup/csv.js';

const row = { date: '2026-10-01', ip: '198.51.100.10', sent: 1000, bounced: 12, complaints: 1 };

describe('parseActuals', () => {
  it('reads rows under the header', () => {
    expect(parseActuals('date,ip,sent,bounced,complaints\n2026-10-01,198.51.100.10,1000,12,1\n')).toEqual({ rows: [row] });
  });

  it('takes the columns in any order and ignores extra ones', () => {
    expect(parseActuals('ip,campaign,complaints,date,bounced,sent\n198.51.100.10,welcome,1,2026-10-01,12,1000')).toEqual({ rows: [row] });
  });

  it('accepts CRLF, blank lines, a byte-order mark, spaces and quoted fields', () => {
    const text = '\uFEFFDate, IP, Sent, Bounced, Complaints\r\n\r\n"2026-10-01", "198.51.100.10" ,1000,12,1\r\n\r\n';
    expect(parseActuals(text)).toEqual({ rows: [row] });
  });

  it('reads IPv6 addresses', () => {
    expect(parseActuals('date,ip,sent,bounced,complaints\n2026-10-01,2001:db8::25,10,0,0')).toEqual({
      rows: [{ date: '2026-10-01', ip: '2001:db8::25', sent: 10, bounced: 0, complaints: 0 }],
    });
  });

  it('keeps a header-only file as no rows', () => {
    expect(parseActuals('date,ip,sent,bounced,complaints\n')).toEqual({ rows: [] });
  });

  it.each([
    ['an empty file', '', /^is empty; expected a header/],
    ['a file without a header', '2026-10-01,198.51.100.10,1000,12,1\n', /^line 1: expected a header .*missing: date, ip, sent, bounced, complaints$/],
    ['a missing column', 'date,ip,sent,bounced\n', /^line 1: .*missing: complaints$/],
    ['a column named twice', 'date,ip,sent,sent,bounced,complaints\n', /^line 1: the header names the column "sent" twice$/],
    ['a short line, counted with the blank lines', 'date,ip,sent,bounced,complaints\n\n2026-10-01,198.51.100.10,1000,12\n', /^line 3: expected 5 fields like the header, found 4$/],
    ['an impossible date', 'date,ip,sent,bounced,complaints\n2026-02-30,198.51.100.10,1,0,0', /^line 2: date "2026-02-30" is not a date/],
    ['a bad IP address', 'date,ip,sent,bounced,complaints\n2026-10-01,198.51.100.300,1,0,0', /^line 2: ip "198.51.100.300" is not an IP address$/],
    ['a fractional count', 'date,ip,sent,bounced,complaints\n2026-10-01,198.51.100.10,10.5,0,0', /^line 2: sent "10.5" is not a whole number/],
    ['a negative count', 'date,ip,sent,bounced,complaints\n2026-10-01,198.51.100.10,10,-1,0', /^line 2: bounced "-1" is not a whole number/],
    ['an empty count', 'date,ip,sent,bounced,complaints\n2026-10-01,198.51.100.10,10,1,', /^line 2: complaints "" is not a whole number/],
    ['more bounces than sends', 'date,ip,sent,bounced,complaints\n2026-10-01,198.51.100.10,10,11,0', /^line 2: bounced \(11\) is more than sent \(10\)$/],
    ['more complaints than sends', 'date,ip,sent,bounced,complaints\n2026-10-01,198.51.100.10,10,0,11', /^line 2: complaints \(11\) is more than sent \(10\)$/],
  ])('reports %s with its line number', (_name, text, message) => {
    const parsed = parseActuals(text);
    expect(parsed).toEqual({ error: expect.stringMatching(message) });
  });

  it('reports the first bad line and no rows', () => {
    const text = 'date,ip,sent,bounced,complaints\n2026-10-01,198.51.100.10,1,0,0\n2026-10-02,x,1,0,0\n2026-10-03,y,1,0,0\n';
    expect(parseActuals(text)).toEqual({ error: 'line 3: ip "x" is not an IP address' });
  });
});
