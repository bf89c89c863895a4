import { connect } from 'node:net';
import { exchangeWithDeadline, readReply, type ExchangeRequest, type ExchangeResult } from './exchange.js';
import { FrameReader, frame } from './framing.js';

/** Asks the question over TCP (after a truncated UDP answer), one connection per question. */
export function tcpExchange(request: ExchangeRequest): Promise<ExchangeResult> {
  return exchangeWithDeadline(request, (finish) => {
    const reader = new FrameReader();
    const socket = connect({ host: request.server.host, port: request.server.port });
    socket.on('error', (error) => finish({ kind: 'error', error: `TCP: ${error.message}` }));
    socket.on('close', () => finish({ kind: 'error', error: 'TCP: connection closed before an answer' }));
    socket.on('data', (chunk) => {
      for (const message of reader.push(chunk)) {
        const result = readReply(message, request);
        if (result) {
          finish(result);
          return;
        }
      }
    });
    socket.write(frame(request.query));
    return () => socket.destroy();
  });
}
