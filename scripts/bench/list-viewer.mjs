// A viewer reading one list in its own thread, as a browser is its own process: in the process that
// runs a thousand simulated agents, a list's last byte also waited behind the agents' own requests
// and garbage collections. Reads `url` once at once (reported as `first`), then, once told `until`,
// every `everyMs` until then; each read timed to its last byte on the wire (wireGet) and checked.
import { parentPort, workerData } from "node:worker_threads";
import { wireGet } from "./server.mjs";

const { url, token, everyMs, expectLength } = workerData;
const ms = [];
const decodeMs = [];
const errors = [];

async function read() {
  try {
    const res = await wireGet(url, { authorization: `Bearer ${token}` });
    decodeMs.push(res.decodeMs);
    if (res.status !== 200) errors.push(`GET list ${res.status}`);
    else if (res.rows !== expectLength) errors.push(`list had ${res.rows} rows, not ${expectLength}`);
    else return res.ms;
  } catch (err) {
    errors.push(`GET list: ${err.code ?? err.message}`);
  }
  return undefined;
}

const until = new Promise((resolve) => parentPort.once("message", resolve));
parentPort.postMessage({ first: await read() });
const end = await until;
while (Date.now() < end) {
  const started = Date.now();
  const took = await read();
  if (took !== undefined) ms.push(took);
  await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - started))));
}
parentPort.postMessage({ ms, decodeMs, errors });
