import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeForm } from '../../../src/twilio/inbound.js';
import { signTwilioRequest } from '../../../src/twilio/signature.js';
import { SmsSimulator } from '../../../src/simulators/sms/server.js';
import { messagesOf, send, startSms, TOKEN } from './helpers.js';

let simulator: SmsSimulator;

beforeEach(async () => {
  simulator = await startSms();
});

afterEach(async () => {
  await simulator.stop();
});

describe('starting and stopping', () => {
  it('listens on 127.0.0.1 on a free port and gives the webhook URL', () => {
    const { url, host, port } = simulator.address;
    expect(host).toBe('127.0.0.1');
    expect(port).toBeGreaterThan(0);
    expect(url).toBe(`http://127.0.0.1:${port}/sms`);
  });

  it('listens on a given port and path, and stops cleanly, twice', async () => {
    const { port } = simulator.address;
    await simulator.stop();
    expect(() => simulator.address).toThrow('not started');
    const again = new SmsSimulator({ authToken: TOKEN, port, path: '/hooks/twilio' });
    expect(await again.start()).toEqual({ url: `http://127.0.0.1:${port}/hooks/twilio`, host: '127.0.0.1', port });
    expect(messagesOf(await send(again, 'HELP'))).toHaveLength(1);
    await again.stop();
    await again.stop();
  });

  it('stop() drops an answer still waiting for its delay', async () => {
    simulator.setFaults({ latencyMs: 60_000 });
    const pending = send(simulator, 'HELP');
    while (simulator.inFlight < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    await simulator.stop();
    await expect(pending).rejects.toThrow();
    expect(simulator.log.entries).toEqual([]);
  });
});

describe('the signature', () => {
  it('serves a request signed with the store token over the URL it is reached at, as TwiML', async () => {
    const sent = await send(simulator, 'HELP');
    expect(sent.status).toBe(200);
    expect(sent.contentType).toBe('text/xml');
    expect(messagesOf(sent)).toHaveLength(1);
    expect(simulator.log.entries[0]).toMatchObject({ method: 'POST', path: '/sms', signature: 'valid', status: 200, from: sent.form.From, body: 'HELP', messageSid: sent.form.MessageSid });
  });

  it('refuses an unsigned request with 403 and does not act on it', async () => {
    const sent = await send(simulator, 'STOP', { signing: 'none' });
    expect(sent.status).toBe(403);
    expect(sent.reply.kind).toBe('not-twiml');
    expect(simulator.isOptedOut(sent.form.From ?? '')).toBe(false);
    expect(simulator.log.entries[0]).toMatchObject({ signature: 'missing', status: 403, reply: 'Twilio Request Validation Failed.' });
  });

  it('refuses a request signed with another token', async () => {
    const sent = await send(simulator, 'STOP', { signing: 'forged' });
    expect(sent.status).toBe(403);
    expect(simulator.isOptedOut(sent.form.From ?? '')).toBe(false);
    expect(simulator.log.count({ signature: 'invalid', status: 403 })).toBe(1);
  });

  it('refuses a request signed over another URL, or whose body was changed after signing', async () => {
    const { url } = simulator.address;
    const form = { From: '+14155550123', Body: 'STOP', MessageSid: `SM${'f'.repeat(32)}` };
    const post = async (signedUrl: string, body: Record<string, string>): Promise<number> =>
      (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TOKEN, signedUrl, form) },
          body: encodeForm(body),
        })
      ).status;
    expect(await post(`${url}?x=1`, form)).toBe(403);
    expect(await post(url.replace('http:', 'https:'), form)).toBe(403);
    expect(await post(url, { ...form, Body: 'START' })).toBe(403);
    expect(await post(url, form)).toBe(200);
  });

  it('signs the query string too, and accepts a quote signed raw but sent escaped, as twilio-node does', async () => {
    const url = `${simulator.address.url}?store=acme&token=a'b`;
    const sent = await send(simulator, 'HELP', { url });
    expect(sent.status).toBe(200);
    // fetch's URL parser escapes the quote on the wire; the signature was made over the raw one.
    expect(simulator.log.entries[0]?.path).toBe('/sms?store=acme&token=a%27b');
  });

  it('answers 404 on another path and 405 on GET, before looking at the signature', async () => {
    expect((await send(simulator, 'HELP', { url: simulator.address.url.replace('/sms', '/other') })).status).toBe(404);
    expect((await fetch(simulator.address.url)).status).toBe(405);
    expect(simulator.log.entries.map((entry) => [entry.status, entry.signature])).toEqual([
      [404, 'unchecked'],
      [405, 'unchecked'],
    ]);
  });

  it('answers a request target no URL parser accepts with 404, and keeps serving', async () => {
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(simulator.address.port, '127.0.0.1', () => {
        socket.write('POST http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 6\r\n\r\nBody=a');
      });
      let received = '';
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('latin1');
        socket.end();
      });
      socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
    });
    expect(statusLine).toBe('HTTP/1.1 404 Not Found');
    expect((await send(simulator, 'HELP')).status).toBe(200);
  });

  it('refuses a body too large to be a webhook call', async () => {
    const response = await fetch(simulator.address.url, { method: 'POST', body: `Body=${'a'.repeat(70_000)}` });
    expect(response.status).toBe(413);
  });

  it('refuses a doubled signature header (Node joins the two values)', async () => {
    const form = { From: '+14155550123', Body: 'HELP', MessageSid: `SM${'e'.repeat(32)}` };
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request(simulator.address.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': [signTwilioRequest(TOKEN, simulator.address.url, form), 'junk'] },
      });
      outgoing.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on('error', reject);
      outgoing.end(encodeForm(form));
    });
    expect(status).toBe(403);
  });
});
