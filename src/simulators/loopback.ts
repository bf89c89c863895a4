import type { IncomingMessage, Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';

/** What every simulator shares: it listens on loopback only, on a port the system picks by default. */
export const LOOPBACK = '127.0.0.1';

/** Listens on 127.0.0.1 and resolves with the port bound. */
export async function listenOnLoopback(server: Server, port: number, name: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error(`the ${name} did not bind a TCP port`);
  return bound.port;
}

/**
 * A loopback port nothing listens on at this moment: for a listener that binds later (q4check's event
 * collector) and whose address a simulator must be given first.
 */
export async function freeLoopbackPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Closes the server and every connection still open, kept-alive ones included. */
export async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

/** The body as UTF-8, or undefined when it is larger than `maxBytes` (then it is read and dropped). */
export function readBody(request: IncomingMessage, maxBytes: number, done: (body: string | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  });
  request.on('end', () => done(size > maxBytes ? undefined : Buffer.concat(chunks).toString('utf8')));
  request.on('error', () => undefined);
}

/** Delayed answers and switches, all cancelled by stop() so a stopped simulator leaves no timer behind. */
export class DelayedCalls {
  readonly #timers = new Set<NodeJS.Timeout>();

  /** Calls `call` after `delayMs`, or now when the delay is not positive. */
  run(delayMs: number, call: () => void): void {
    if (delayMs <= 0) {
      call();
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      call();
    }, delayMs);
    this.#timers.add(timer);
  }

  cancelAll(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
