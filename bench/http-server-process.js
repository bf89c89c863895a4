// A trivial HTTP server on loopback in a process of its own, so the load generator being measured does not
// share its event loop. Arguments: the delay before each answer, in ms, and `record`. Prints the port.
// GET /__arrivals answers {arrivals, holds}: the arrival time (epoch ms, sub-ms precision) of every other
// request, so the bench can measure the rate the server saw, and how long each was really held (a timer
// fires a little after its delay), so the bench can tell the server's own lateness from the client's.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';

const delayMs = Number(process.argv[2] ?? 0);
const record = process.argv[3] === 'record';
const arrivals = [];
const holds = [];
const body = '{"ok":true}';
const server = createServer((req, res) => {
  if (req.url === '/__arrivals') {
    res.end(JSON.stringify({ arrivals, holds }));
    return;
  }
  const arrived = performance.now();
  if (record) arrivals.push(performance.timeOrigin + arrived);
  const answer = () => {
    if (record) holds.push(performance.now() - arrived);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
  };
  req.resume();
  if (delayMs > 0) setTimeout(answer, delayMs);
  else answer();
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
