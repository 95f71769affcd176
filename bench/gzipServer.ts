/**
 * A static server for a built app, gzip-compressed as a real host serves it (Lighthouse weighs the
 * bytes on the wire; `vite preview` sends them raw). Unknown paths get index.html, as the service
 * worker's navigation fallback does. Bodies are compressed once and kept, so serving costs no CPU
 * while a page is measured.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};
/** Already compressed: gzip would only add bytes. */
const STORED = new Set(['.png', '.woff2', '.woff']);

interface Body {
  readonly type: string;
  readonly bytes: Buffer;
  readonly gzip: boolean;
}

export interface StaticServer {
  readonly url: string;
  readonly close: () => Promise<void>;
}

function fileIn(root: string, urlPath: string): string | null {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    return statSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}

/** Serves `dir` on 127.0.0.1:`port` (0: any free port) until `close`. */
export async function serveGzipped(dir: string, port = 0): Promise<StaticServer> {
  const root = resolve(dir);
  const cache = new Map<string, Body>();
  const bodyOf = (path: string): Body => {
    let body = cache.get(path);
    if (!body) {
      const ext = extname(path);
      const raw = readFileSync(path);
      const gzip = !STORED.has(ext);
      body = {
        type: TYPES[ext] ?? 'application/octet-stream',
        bytes: gzip ? gzipSync(raw, { level: 9 }) : raw,
        gzip,
      };
      cache.set(path, body);
    }
    return body;
  };
  const server: Server = createServer((request, response) => {
    const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
    const path = fileIn(root, urlPath === '/' ? '/index.html' : urlPath) ?? join(root, 'index.html');
    const body = bodyOf(path);
    const headers: Record<string, string> = {
      'Content-Type': body.type,
      'Content-Length': String(body.bytes.length),
      // Hashed assets may be cached for good; the page and the service worker are checked each time.
      'Cache-Control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (body.gzip) headers['Content-Encoding'] = 'gzip';
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body.bytes);
  });
  await new Promise<void>((resolveListen) => server.listen(port, '127.0.0.1', resolveListen));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}
