// Meetings benchmark: one meeting followed by N clients (official @microsoft/signalr client in Node,
// spread over several processes); time from an attendance change to its receipt by every client,
// p50/p99, and the server's memory per connection. Baseline in the same run: a bare ASP.NET Core
// WebSocket broadcast (raw-ws-server.cs) of the same payload to the same number of sockets.
//
//   bash run.sh (starts both servers), or: node meeting-fanout.mjs --app http://127.0.0.1:5090 --app-pid PID --raw http://127.0.0.1:5091 --raw-pid PID \
//        --clients 100,1000,5000 --workers 4 --changes 40 --email … --password …
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const app = args.app ?? 'http://127.0.0.1:5090';
const raw = args.raw ?? 'http://127.0.0.1:5091';
const sizes = (args.clients ?? '100,1000').split(',').map(Number);
const workersCount = Number(args.workers ?? 4);
const changes = Number(args.changes ?? 40);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const rssMb = (pid) => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Number(line.split(/\s+/)[1]) / 1024;
  } catch {
    return NaN;
  }
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function call(method, path, body, cookie) {
  const response = await fetch(app + path, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-CSRF': '1', ...(cookie ? { Cookie: cookie } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function arrange() {
  const login = await call('POST', '/api/auth/login', { email: args.email, password: args.password });
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const table = await (await call('POST', '/api/tables', { name: 'Table du banc d’essai', quorum: 1 }, cookie)).json();
  const member = await (await call('POST', `/api/tables/${table.id}/members`, { name: 'Membre', sector: 'autre', email: `bench-${Date.now()}@exemple.qc.ca` }, cookie)).json();
  const meeting = await (await call('POST', '/api/meetings', { tableId: table.id, title: 'Rencontre du banc d’essai', startsAt: new Date().toISOString() }, cookie)).json();
  await call('POST', `/api/meetings/${meeting.id}/start`, null, cookie);
  return { cookie, meetingId: meeting.id, memberId: member.memberId };
}

async function startWorkers(total, config) {
  const workers = [];
  const perWorker = Math.ceil(total / workersCount);
  for (let i = 0; i < workersCount && i * perWorker < total; i++) {
    const worker = fork(new URL('./fanout-worker.mjs', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    worker.pending = new Map();
    worker.early = new Map(); // versions complete before the orchestrator started waiting for them
    worker.on('message', (m) => {
      if (m.type === 'version') {
        const waiter = worker.pending.get(m.version);
        if (waiter) waiter(m.times);
        else worker.early.set(m.version, m.times);
      }
      else worker.onMessage?.(m);
    });
    workers.push(worker);
    worker.count = Math.min(perWorker, total - i * perWorker);
  }
  const ready = await Promise.all(workers.map((w) => new Promise((resolve) => {
    w.onMessage = (m) => m.type === 'ready' && resolve(m);
    w.send({ type: 'open', config: { ...config, count: w.count } });
  })));
  return { workers, connected: ready.reduce((s, r) => s + r.connected, 0), failures: ready.reduce((s, r) => s + r.failures, 0) };
}

/** How many of each worker's connections got `version` (printed when a change did not reach everyone). */
async function countReceived(workers, version) {
  const counts = await Promise.all(workers.map((w) => new Promise((resolve) => {
    w.onMessage = (m) => m.type === 'count' && m.version === version && resolve(`${m.received}/${m.expected}`);
    w.send({ type: 'count', version });
    setTimeout(() => resolve('?'), 5000);
  })));
  console.error(`version ${version} did not reach every client within the timeout: ${counts.join(', ')}`);
}

/** Waits until every worker saw `version`; returns all receipt times (or what arrived before the timeout). */
function allReceived(workers, version, timeoutMs = 10_000) {
  return Promise.all(workers.map((w) => new Promise((resolve) => {
    if (w.early.has(version)) {
      const times = w.early.get(version);
      w.early.delete(version);
      return resolve(times);
    }
    const timer = setTimeout(() => { w.pending.delete(version); resolve(null); }, timeoutMs);
    w.pending.set(version, (times) => { clearTimeout(timer); w.pending.delete(version); resolve(times); });
  })));
}

async function stopWorkers(workers) {
  await Promise.all(workers.map((w) => new Promise((resolve) => {
    w.onMessage = (m) => m.type === 'closed' && resolve();
    w.send({ type: 'close' });
    setTimeout(resolve, 20_000);
  })));
}

function summarise(label, n, connected, failures, everyClient, deliveries, rssBefore, rssAfter, missing) {
  const e = [...everyClient].sort((a, b) => a - b);
  const d = [...deliveries].sort((a, b) => a - b);
  return {
    label, clients: n, connected, failures, changes: e.length, missing,
    everyClientP50: percentile(e, 50), everyClientP99: percentile(e, 99), everyClientMax: e[e.length - 1],
    deliveryP50: percentile(d, 50), deliveryP99: percentile(d, 99),
    rssBeforeMb: rssBefore, rssAfterMb: rssAfter, kbPerConnection: ((rssAfter - rssBefore) * 1024) / Math.max(1, connected),
  };
}

let toggles = 0;

async function runSignalR(n, arranged) {
  const rssBefore = rssMb(args['app-pid']);
  const meeting = await (await call('GET', `/api/meetings/${arranged.meetingId}`, null, arranged.cookie)).json();
  const { workers, connected, failures } = await startWorkers(n, {
    mode: 'signalr', url: `${app}/hubs/live`, cookie: arranged.cookie, topic: `meeting:${arranged.meetingId}`, sinceVersion: meeting.version, parallel: 20,
  });
  await sleep(1000);
  const rssAfter = rssMb(args['app-pid']);
  const everyClient = [];
  const deliveries = [];
  let missing = 0;
  let payload = null;
  for (let i = 0; i < changes + 3; i++) {
    const status = (toggles++ % 2 === 0) ? 'remote' : 'present'; // always a change: the same status twice raises no event
    const t0 = now();
    const response = await call('PUT', `/api/meetings/${arranged.meetingId}/attendance/${arranged.memberId}`, { status }, arranged.cookie);
    const body = await response.json();
    const accepted = now();
    const results = await allReceived(workers, body.version);
    payload ??= { topic: `meeting:${arranged.meetingId}`, version: 0, type: 'AttendanceSet', data: { attendance: body.current, quorum: { required: 1, counted: 1, reached: true } } };
    if (results.some((r) => r === null)) { missing++; await countReceived(workers, body.version); continue; }
    if (i < 3) continue; // warm-up
    const times = results.flat();
    everyClient.push(Math.max(...times) - t0);
    for (const t of times) deliveries.push(t - t0);
    void accepted;
    await sleep(50);
  }
  await stopWorkers(workers);
  return { summary: summarise('SignalR meeting topic', n, connected, failures, everyClient, deliveries, rssBefore, rssAfter, missing), payload };
}

async function runRaw(n, payload) {
  const rssBefore = rssMb(args['raw-pid']);
  const wsUrl = raw.replace(/^http/, 'ws') + '/ws';
  const { workers, connected, failures } = await startWorkers(n, { mode: 'raw', url: wsUrl, parallel: 50 });
  await sleep(1000);
  const rssAfter = rssMb(args['raw-pid']);
  const everyClient = [];
  const deliveries = [];
  let missing = 0;
  for (let i = 0; i < changes + 3; i++) {
    const version = 1_000_000 + i;
    const t0 = now();
    const wait = allReceived(workers, version);
    await fetch(`${raw}/broadcast`, { method: 'POST', body: JSON.stringify({ ...payload, version }) });
    const results = await wait;
    if (results.some((r) => r === null)) { missing++; await countReceived(workers, version); continue; }
    if (i < 3) continue;
    const times = results.flat();
    everyClient.push(Math.max(...times) - t0);
    for (const t of times) deliveries.push(t - t0);
    await sleep(50);
  }
  await stopWorkers(workers);
  return summarise('raw WebSocket broadcast (baseline)', n, connected, failures, everyClient, deliveries, rssBefore, rssAfter, missing);
}

const arranged = await arrange();
const results = [];
for (const n of sizes) {
  const { summary, payload } = await runSignalR(n, arranged);
  results.push(summary);
  console.error(JSON.stringify(summary));
  const baseline = await runRaw(n, payload);
  results.push(baseline);
  console.error(JSON.stringify(baseline));
}
console.log(JSON.stringify(results, null, 2));
