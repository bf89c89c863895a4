import { isIP } from 'node:net';

export interface ListenAddress {
  host: string;
  port: number;
}

/**
 * `127.0.0.1:9411`, `[::1]:9411` or `localhost:9411` (port 0: any free port). An address literal, so the
 * collector binds exactly where the profile says and no name lookup decides it.
 */
export const parseListenAddress = (text: string): ListenAddress => {
  const match = /^\[([0-9a-fA-F:.]+)\]:(\d{1,5})$/.exec(text.trim()) ?? /^([^:[\]]+):(\d{1,5})$/.exec(text.trim());
  const rawHost = match?.[1]?.toLowerCase();
  const port = Number(match?.[2]);
  if (rawHost === undefined || !(port >= 0 && port <= 65_535)) throw new Error(`listen must be host:port, such as 127.0.0.1:9411 (got ${JSON.stringify(text)})`);
  const host = rawHost === 'localhost' ? '127.0.0.1' : rawHost;
  if (isIP(host) === 0) throw new Error(`listen must name an IP address or localhost (got ${JSON.stringify(rawHost)})`);
  return { host, port };
};

export { isLoopbackAddress } from '../lib/loopback.js';
