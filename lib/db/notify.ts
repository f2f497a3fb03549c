// Notifications between the processes that share one database: PostgreSQL LISTEN/NOTIFY when several
// web and worker processes share PostgreSQL, an in-process emitter on SQLite (one process does it all).
// Payloads are small JSON pointers ("job X has lines up to seq N", "cancel job Y"); the data itself
// is always read from the database, so a missed notification delays a viewer but never loses a line.
import "server-only";
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { Client } from "pg";
import { env } from "@/lib/env";
import { providerOf } from "./provider";

/** Tells a process's own notifications from another's (PostgreSQL delivers them to the sender too). */
export const PROCESS_ID = randomUUID();

/** PostgreSQL refuses payloads of 8000 bytes or more. */
const MAX_PAYLOAD = 7900;

export type Note = Record<string, unknown> & { from: string };
type Listener = (note: Note) => void;

interface Hub {
  emitter: EventEmitter;
  /** Channels this process LISTENs on, re-issued after a reconnect. */
  channels: Set<string>;
  client?: Promise<Client | null>;
  url?: string;
}

const g = globalThis as unknown as { archwayNotify?: Hub };
const hub: Hub = (g.archwayNotify ??= { emitter: new EventEmitter().setMaxListeners(0), channels: new Set() });

const usesPostgres = () => providerOf(env().databaseUrl) === "postgresql";

function quoteIdent(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Bad notification channel ${channel}`);
  return `"${channel}"`;
}

/** One dedicated connection per process for LISTEN; on loss it reconnects and listens again. */
function listenClient(): Promise<Client | null> {
  const url = env().databaseUrl;
  if (hub.client && hub.url === url) return hub.client;
  hub.url = url;
  hub.client = (async () => {
    const client = new Client({ connectionString: url });
    client.on("notification", (msg) => {
      if (!msg.payload) return;
      try {
        hub.emitter.emit(msg.channel, JSON.parse(msg.payload));
      } catch {
        // Not ours: someone else NOTIFYing on the channel with another format.
      }
    });
    client.on("error", (err) => {
      console.error(`[archway] notification connection lost: ${err.message}; reconnecting`);
      hub.client = undefined;
      void client.end().catch(() => undefined);
      setTimeout(() => void reconnect(), 1000).unref();
    });
    await client.connect();
    for (const channel of hub.channels) await client.query(`LISTEN ${quoteIdent(channel)}`);
    return client;
  })().catch((err) => {
    console.error(`[archway] cannot listen for notifications: ${(err as Error).message}; retrying`);
    hub.client = undefined;
    setTimeout(() => void reconnect(), 2000).unref();
    return null;
  });
  return hub.client;
}

async function reconnect() {
  if (hub.channels.size && usesPostgres()) await listenClient();
}

/** Sends a note to every process listening on the channel (this one included). */
export async function notify(channel: string, payload: Record<string, unknown>): Promise<void> {
  const note: Note = { ...payload, from: PROCESS_ID };
  if (!usesPostgres()) {
    hub.emitter.emit(channel, note);
    return;
  }
  const text = JSON.stringify(note);
  if (Buffer.byteLength(text) > MAX_PAYLOAD) throw new Error(`Notification on ${channel} too large`);
  const { db } = await import("@/lib/db");
  await db().$executeRaw`SELECT pg_notify(${channel}, ${text})`;
}

/** Calls fn with every note on the channel until the returned function is called. */
export async function listen(channel: string, fn: Listener): Promise<() => void> {
  quoteIdent(channel);
  hub.emitter.on(channel, fn);
  if (usesPostgres() && !hub.channels.has(channel)) {
    hub.channels.add(channel);
    const client = await listenClient();
    await client?.query(`LISTEN ${quoteIdent(channel)}`);
  }
  return () => hub.emitter.off(channel, fn);
}

/** Closes the LISTEN connection (tests, shutdown). */
export async function closeNotifications(): Promise<void> {
  const client = await hub.client;
  hub.client = undefined;
  hub.channels.clear();
  await client?.end().catch(() => undefined);
}
