import { createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { sameAddress } from './addresses.js';
import { exchangeWithDeadline, readReply, type ExchangeRequest, type ExchangeResult } from './exchange.js';

/**
 * Sends the question once over UDP from a fresh socket (so a fresh random source port) and waits for the
 * matching answer. Packets from any other address or port, or not answering this id and question, are ignored.
 */
export function udpExchange(request: ExchangeRequest): Promise<ExchangeResult> {
  return exchangeWithDeadline(request, (finish) => {
    const { host, port } = request.server;
    const socket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
    socket.on('error', (error) => finish({ kind: 'error', error: `UDP: ${error.message}` }));
    socket.on('message', (packet, from) => {
      if (from.port !== port || !sameAddress(from.address, host)) return;
      const result = readReply(packet, request);
      if (result) finish(result);
    });
    socket.send(request.query, port, host, (error) => {
      if (error) finish({ kind: 'error', error: `UDP: ${error.message}` });
    });
    return () => {
      try {
        socket.close();
      } catch {
        // Already closed after a socket error: nothing left to release.
      }
    };
  });
}
