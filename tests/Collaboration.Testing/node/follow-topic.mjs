// Follows one live topic as a page does: the product's own client/src/live.js (WebSockets only, no negotiate
// request, version replay after every reconnect) over the official @microsoft/signalr package, in Node.
// For the C# TopicFollower test helper. One JSON object per line on stdout.
//
//   node follow-topic.mjs <path of live.js> <hubUrl> <topic>      (HUB_COOKIE: the Cookie header to send)
//
// stdout:
//   {"type":"state","state":"connected"|"reconnecting"|"offline"}
//   {"type":"ready","version":12}                 the first Subscribe answer is applied
//   {"type":"event","envelope":{topic,version,type,data}}   each change once, in version order
//   {"type":"snapshot","version":12}              a snapshot replaced what was missed (too far behind)
//   {"type":"error","error":"..."}                the subscription was refused
// Closing stdin stops the connection and exits 0. Diagnostics go to stderr.

import { pathToFileURL } from "node:url";
import readline from "node:readline";
import signalR from "@microsoft/signalr";

const [livePath, hubUrl, topic] = process.argv.slice(2);
if (!livePath || !hubUrl || !topic) {
  process.stderr.write("usage: node follow-topic.mjs <live.js> <hubUrl> <topic>\n");
  process.exit(2);
}

function write(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

// live.js and the library log through console: keep stdout for the protocol.
console.log = (...args) => process.stderr.write(args.join(" ") + "\n");
console.info = console.log;
console.warn = console.log;
console.error = console.log;

const { createLive, HUB_CONNECTION_OPTIONS } = await import(pathToFileURL(livePath).href);
const cookie = process.env.HUB_COOKIE || "";

// The page's own connection options (WebSockets, skipNegotiation); in Node the cookie is a header, the browser sends it itself.
const createConnection = (url, retryPolicy) =>
  new signalR.HubConnectionBuilder()
    .withUrl(url, { ...HUB_CONNECTION_OPTIONS, headers: cookie ? { Cookie: cookie } : {} })
    .withAutomaticReconnect(retryPolicy)
    .configureLogging(signalR.LogLevel.Warning)
    .build();

const live = createLive({ url: hubUrl, createConnection });
live.onStateChange((state) => write({ type: "state", state }));
const subscription = live.subscribe(topic, (envelope) => write({ type: "event", envelope }), {
  onSnapshot: (_snapshot, version) => write({ type: "snapshot", version }),
  onError: (error) => write({ type: "error", error: error?.message ?? String(error) }),
});
subscription.ready.then(() => write({ type: "ready", version: subscription.lastVersion }));
live.start();

const input = readline.createInterface({ input: process.stdin });
input.on("close", async () => {
  await live.stop().catch(() => {});
  process.exit(0);
});
