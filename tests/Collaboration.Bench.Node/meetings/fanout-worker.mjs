// One process of the meetings fan-out benchmark: holds `count` connections (official @microsoft/signalr
// client, or raw WebSockets for the baseline) and reports, per version, when each connection received it.
// Driven by meeting-fanout.mjs over IPC.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(new URL('../../Collaboration.Testing/node/package.json', import.meta.url));
const signalR = require('@microsoft/signalr');
const WebSocket = require('ws');

const now = () => performance.timeOrigin + performance.now();
const receipts = new Map(); // version → [ms epoch]
let expected = 0;
const connections = [];

function received(version) {
  const t = now();
  let list = receipts.get(version);
  if (!list) receipts.set(version, (list = []));
  list.push(t);
  if (list.length === expected) process.send({ type: 'version', version, times: list });
}

async function openSignalR({ url, cookie, topic, sinceVersion }) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url, { headers: { Cookie: cookie }, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection.serverTimeoutInMilliseconds = 120_000;
  connection.on('event', (envelope) => received(envelope.version));
  await connection.start();
  await connection.invoke('Subscribe', topic, sinceVersion);
  connections.push(connection);
}

function openRaw({ url }) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    socket.on('open', () => { connections.push(socket); resolve(); });
    socket.on('error', reject);
    socket.on('message', (data) => received(JSON.parse(data.toString()).version));
  });
}

async function open(config) {
  expected = config.count;
  let failures = 0;
  let next = 0;
  const lane = async () => {
    while (next < config.count) {
      next++;
      try {
        await (config.mode === 'raw' ? openRaw(config) : openSignalR(config));
      } catch (error) {
        failures++;
        if (failures <= 3) process.stderr.write(`connect failed: ${error?.message ?? error}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: config.parallel ?? 25 }, lane));
  expected = connections.length;
  process.send({ type: 'ready', connected: connections.length, failures });
}

process.on('message', async (message) => {
  if (message.type === 'open') await open(message.config);
  if (message.type === 'count') {
    process.send({ type: 'count', version: message.version, received: receipts.get(message.version)?.length ?? 0, expected });
  }
  if (message.type === 'close') {
    await Promise.all(connections.map((c) => (c.stop ? c.stop().catch(() => {}) : c.close())));
    process.send({ type: 'closed' });
    setTimeout(() => process.exit(0), 100);
  }
});
