// Types of lib/http/request-guard.mjs for the TypeScript code and tests that import it.
import type net from "node:net";

export type GuardConfig = { hosts: Set<string>; publicOrigins: string[]; publicHttps: boolean; trusted: net.BlockList };
export type HeaderMap = Record<string, string | string[] | undefined>;
export type GuardProblem = { status: number; detail: string; errors: Record<string, string[]> };

export const PEER_HEADER: string;
export const FORWARDED_HEADERS: string[];
export function isHostSyntax(host: string): boolean;
export function hostName(host: string): string;
export function peerAddress(addr: string | null | undefined): string;
export function machineHosts(): string[];
export function guardConfig(env?: Record<string, string | undefined>): GuardConfig;
export function isAllowedHost(config: GuardConfig, host: string): boolean;
export function isTrustedPeer(config: GuardConfig, peer: string | null | undefined): boolean;
export function requestedOrigin(
  config: GuardConfig,
  headers: HeaderMap,
  opts: { peer: string | null | undefined; encrypted?: boolean },
): { proto: string; host: string; trusted: boolean };
export const HSTS: string;
export function securityHeaders(
  config: GuardConfig,
  headers: HeaderMap,
  opts: { peer: string | null | undefined; encrypted?: boolean },
): Record<string, string>;
export function checkRequest(
  config: GuardConfig,
  req: { method: string; headers: HeaderMap; peer: string | null | undefined; encrypted?: boolean },
): GuardProblem | null;
