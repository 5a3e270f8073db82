// Drives an ASP.NET Core SignalR hub with the official @microsoft/signalr client, for the C#
// NodeHubClient test helper. One JSON object per line on both sides.
//
//   node hub-client.mjs <hubUrl> [--cookie <header>] [--methods event,presence]
//   (or the environment variables HUB_COOKIE and HUB_CLIENT_METHODS)
//
// stdout (protocol only, nothing else is ever written there):
//   {"type":"state","state":"connected","connectionId":"..."}
//   {"type":"state","state":"reconnecting","error":"..."}
//   {"type":"state","state":"reconnected","connectionId":"..."}
//   {"type":"state","state":"closed","error":null}
//   {"type":"state","state":"failed","error":"..."}            start() failed; the process exits 1
//   {"type":"event","method":"event","data":<the argument>}     one line per server push
//   {"type":"result","id":1,"ok":true,"value":...}
//   {"type":"result","id":1,"ok":false,"error":"message"}
//   {"type":"error","error":"..."}                               a command line that could not be read
// stdin:
//   {"id":1,"op":"invoke","method":"Subscribe","args":["topic",0]}
//   {"id":2,"op":"send","method":"Ping","args":[]}               fire and forget; the result says it was sent
//   {"op":"stop"}                                                 stops the connection and exits 0
// Closing stdin does the same as "stop". Diagnostics go to stderr.

import readline from "node:readline";
import signalR from "@microsoft/signalr";

const { HubConnectionBuilder, LogLevel } = signalR;

function parseArguments(argv) {
  const options = {
    url: undefined,
    cookie: process.env.HUB_COOKIE || undefined,
    methods: process.env.HUB_CLIENT_METHODS || "event,presence",
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--cookie") options.cookie = argv[++i];
    else if (arg.startsWith("--cookie=")) options.cookie = arg.slice("--cookie=".length);
    else if (arg === "--methods") options.methods = argv[++i];
    else if (arg.startsWith("--methods=")) options.methods = arg.slice("--methods=".length);
    else if (options.url === undefined) options.url = arg;
    else throw new Error(`unexpected argument: ${arg}`);
  }
  if (!options.url) throw new Error("usage: node hub-client.mjs <hubUrl> [--cookie <header>] [--methods a,b]");
  options.methods = options.methods.split(",").map((m) => m.trim()).filter((m) => m.length > 0);
  return options;
}

function write(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

function errorText(error) {
  if (error === undefined || error === null) return null;
  if (error instanceof Error) return error.message;
  return String(error);
}

// The library's default console logger writes Information to stdout; keep stdout for the protocol.
const stderrLogger = {
  log(level, message) {
    if (level >= LogLevel.Warning) process.stderr.write(`[signalr ${LogLevel[level]}] ${message}\n`);
  },
};
console.log = (...args) => process.stderr.write(args.join(" ") + "\n");
console.info = console.log;

let options;
try {
  options = parseArguments(process.argv.slice(2));
} catch (error) {
  write({ type: "state", state: "failed", error: errorText(error) });
  process.exit(2);
}

const httpOptions = options.cookie ? { headers: { Cookie: options.cookie } } : {};
const connection = new HubConnectionBuilder()
  .withUrl(options.url, httpOptions)
  .withAutomaticReconnect([0, 200, 500, 1000, 2000])
  .configureLogging(stderrLogger)
  .build();

for (const method of options.methods) {
  connection.on(method, (...args) => {
    write({ type: "event", method, data: args.length === 1 ? args[0] : args });
  });
}
connection.onreconnecting((error) => write({ type: "state", state: "reconnecting", error: errorText(error) }));
connection.onreconnected((connectionId) => write({ type: "state", state: "reconnected", connectionId: connectionId ?? null }));

let stopping = false;
let exitCode = 0;
connection.onclose((error) => {
  write({ type: "state", state: "closed", error: errorText(error) });
  // Automatic reconnect gave up, or stop() was called: either way this process is done.
  process.exitCode = exitCode;
  setImmediate(() => process.exit(exitCode));
});

async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await connection.stop();
  } catch (error) {
    process.stderr.write(`stop failed: ${errorText(error)}\n`);
    exitCode = 1;
  }
  // onclose has normally ended the process already; this covers a connection that was closed before.
  setImmediate(() => process.exit(exitCode));
}

async function run(command) {
  const id = command.id ?? null;
  try {
    if (typeof command.method !== "string") throw new Error(`"${command.op}" needs a "method"`);
    const args = Array.isArray(command.args) ? command.args : [];
    if (command.op === "invoke") {
      const value = await connection.invoke(command.method, ...args);
      write({ type: "result", id, ok: true, value: value === undefined ? null : value });
    } else {
      await connection.send(command.method, ...args);
      write({ type: "result", id, ok: true, value: null });
    }
  } catch (error) {
    write({ type: "result", id, ok: false, error: errorText(error) });
  }
}

function handleLine(line) {
  if (line.trim().length === 0) return;
  let command;
  try {
    command = JSON.parse(line);
  } catch (error) {
    write({ type: "error", error: `not JSON: ${errorText(error)}` });
    return;
  }
  switch (command.op) {
    case "invoke":
    case "send":
      void run(command);
      break;
    case "stop":
      void stop();
      break;
    default:
      write({ type: "result", id: command.id ?? null, ok: false, error: `unknown op: ${command.op}` });
  }
}

try {
  await connection.start();
} catch (error) {
  write({ type: "state", state: "failed", error: errorText(error) });
  process.exit(1);
}
write({ type: "state", state: "connected", connectionId: connection.connectionId ?? null });

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on("line", handleLine);
input.on("close", () => void stop());
