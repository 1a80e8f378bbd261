// Types for client.cjs (plain CommonJS, so that the bin can load it before the bundle).
import type { Socket } from 'node:net';

export const KEYED_ENV: string[];
export function serverKey(root: string, env?: NodeJS.ProcessEnv): string;
/** `create`: make the private socket folder (the server); a client finding none runs cold. */
export function socketPath(root: string, env?: NodeJS.ProcessEnv, create?: boolean): string;
export function onMessages(socket: Socket, handle: (message: Record<string, unknown>) => void): void;
export function send(socket: Socket, message: unknown): void;
export function control(root: string, what: 'stop' | 'status'): Promise<Record<string, unknown> | undefined>;
/** Starts a server in the background for this build; returns at once. */
export function spawnServer(root: string): void;
export function runOnServer(argv: string[], root: string): Promise<boolean>;
export function isDaemonCommand(argv: string[]): boolean;
