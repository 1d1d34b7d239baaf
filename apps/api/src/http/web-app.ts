import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** Where the reader's build (apps/web, built by Vite) is when WEB_DIR does not say: dist/apps/web beside this api. */
export const DEFAULT_WEB_DIR = resolve(__dirname, '..', '..', '..', 'web');

/** Paths the api itself answers: the reader's fallback never shadows them. */
const API_PATHS = /^\/(v1|docs|docs-json|health|metrics)(\/|$)/i; // Express routes ignore case
/** A missing asset is a 404 (from the api's own not-found answer), not the app. */
const NOT_THE_APP = /^\/assets\//;

/** A browser navigating names text/html; an API client (any type, or JSON) gets the api's own 404 for an unknown path. */
const asksForHtml = (request: Request): boolean => (request.headers.accept ?? '').toLowerCase().includes('text/html');

/**
 * Serves the reader (a single-page app) under /: its hashed assets with a long cache, and index.html for any
 * other GET a browser asks for, so /articles/… and /entities/… load the app, which then routes itself. The api's
 * routes are never shadowed, and the app has no inline script, so helmet's Content-Security-Policy holds.
 * Returns false (and serves nothing) when the directory holds no build.
 */
export function serveWebApp(server: Express, dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  server.use('/assets', express.static(join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d' }));
  server.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path) || NOT_THE_APP.test(request.path)) return next();
    // The same path is the app for a browser and the api's 404 for anyone else: caches must key on Accept.
    response.vary('Accept');
    if (!asksForHtml(request)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index, (error) => error && next(error));
  });
  return true;
}
