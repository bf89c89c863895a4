import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ROOT } from '../../../helpers/cli.js';

const TLS = path.join(ROOT, 'fixtures/tls');

/** The test CA, relative to the project root: what `mtaSts.trustedCa` names. */
export const TEST_CA = 'fixtures/tls/ca.pem';

export interface PolicyReply {
  status: number;
  body: string;
  contentType?: string;
}

export interface StsServer {
  port: number;
  stop(): Promise<void>;
}

/**
 * HTTPS on loopback with the test certificate (fixtures/tls), answering
 * /.well-known/mta-sts.txt per Host header; any other host or path is a 404.
 */
export const startStsServer = async (policies: Readonly<Record<string, PolicyReply>>): Promise<StsServer> => {
  const server = createServer({ key: readFileSync(path.join(TLS, 'server.key')), cert: readFileSync(path.join(TLS, 'server.pem')) }, (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const reply = request.url === '/.well-known/mta-sts.txt' ? policies[host] : undefined;
    const { status, body, contentType } = reply ?? { status: 404, body: 'not found\n' };
    response.writeHead(status, { 'content-type': contentType ?? 'text/plain' });
    response.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
