import { isIP } from 'node:net';

/** 127.0.0.0/8 and ::1 (also as ::ffff:127.x.x.x): a socket bound there takes no connection from another machine. */
export const isLoopbackAddress = (host: string): boolean => {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/^::ffff:/, '');
  return isIP(bare) === 4 ? bare.startsWith('127.') : bare === '::1';
};

/** A loopback address, or `localhost` and names under it (RFC 6761): a request to it never leaves this machine. */
export const isLoopbackHost = (host: string): boolean => {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '');
  return isLoopbackAddress(bare) || bare === 'localhost' || bare.endsWith('.localhost');
};
