import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { Sandbox, SandboxOptions } from '../../sandbox/server.mjs';
export declare const ROOT: string;
export declare const EXTENSION_DIR: string;
export declare const CRM_HOSTS: string[];
export declare const API_HOST: string;
export declare const DEMO_CREDENTIALS: { clientId: string; clientSecret: string; apiUser: string; apiPassword: string; storeId: number };
export declare const DEMO_SETUP: Record<string, string | number | boolean>;
export declare const SEND_WITHOUT_PREVIEW: string;
export declare function scratchDir(name: string): string;
export declare function fixture(name: string): string;
export declare function fixtureUrl(name: string): string;
export declare function fixturePages(names: string[]): Record<string, string>;
export declare function popupUrl(extensionId: string): string;
export declare function connect(stack: Stack, values?: Record<string, string | number | boolean>): Promise<Page>;
export declare function evaluateInWorker<R, A = undefined>(worker: Worker, fn: (arg: A) => R | Promise<R>, arg?: A, timeoutMs?: number): Promise<R>;
export declare function stopServiceWorkers(page: Page): Promise<void>;
export declare function fillSetup(page: Page, values: Record<string, string | number | boolean | undefined>, press?: string): Promise<void>;
export interface CrmServer { port: number; setPage(path: string, html: string): void; close(): Promise<void> }
export interface Stack {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  sandbox: Sandbox;
  crm: CrmServer;
  hosts: Record<string, number>;
  dir: string;
  sandboxUp: boolean;
  stopSandbox(): Promise<void>;
  startSandbox(): Promise<void>;
  closeBrowser(): Promise<void>;
  relaunchBrowser(): Promise<void>;
  close(): Promise<void>;
}
export declare function startStack(options?: {
  pages?: Record<string, string>;
  userDataDir?: string;
  headless?: boolean;
  sandboxOptions?: SandboxOptions;
  log?: (line: string) => void;
  /** More hostnames to map to the CRM server (and put in the certificate). */
  extraHosts?: string[];
  /** Another build of the extension (default `.output/chrome-mv3`). */
  extensionDir?: string;
  /** More Chromium switches, e.g. `['--lang=es']`. */
  args?: string[];
  /** More environment variables for Chromium (added to this process's), e.g. `{ LANGUAGE: 'es' }`. */
  env?: Record<string, string>;
}): Promise<Stack>;
export declare function writeJson(path: string, value: unknown): void;
