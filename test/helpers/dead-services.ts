import { createSocket, type Socket } from 'node:dgram';
import { createServer } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface DeadServices {
  /** --resolver and --set flags that point a profile's DNS and SMS webhook at the dead services. */
  flags(): string[];
  /** The token fixtures/profiles/valid/dead-services.yaml interpolates. */
  env(): Record<string, string>;
  resolver(): string;
  webhookPort(): number;
}

/** A loopback port held and let go, so a connection to it is refused: the webhook that is down. */
const refusedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

/** A resolver that takes every question and answers none, and a webhook that refuses connections, both on loopback. */
export const useDeadServices = (): DeadServices => {
  let socket: Socket | undefined;
  let resolver = '';
  let port = 0;
  beforeAll(async () => {
    socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket!.bind(0, '127.0.0.1', resolve));
    resolver = `127.0.0.1:${socket.address().port}`;
    port = await refusedPort();
  });
  afterAll(() => socket?.close());
  return {
    flags: () => ['--resolver', resolver, '--set', `checks.sms-routing.webhook=http://127.0.0.1:${port}/sms`],
    env: () => ({ DEAD_SERVICES_TOKEN: 'dead-services-token-0123456789' }),
    resolver: () => resolver,
    webhookPort: () => port,
  };
};
