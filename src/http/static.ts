/** Serves Det Fælles Designsystem's files from the installed package and our own small stylesheet. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

// The package exports only its script (dist/js/dkfds.min.js); dist/ is two levels up from it.
const dkfdsDist = dirname(dirname(createRequire(import.meta.url).resolve('dkfds')));
const assets = fileURLToPath(new URL('./assets/', import.meta.url));

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

async function serveFrom(root: string, rel: string): Promise<Response | null> {
  const path = normalize(join(root, rel));
  if (!path.startsWith(root)) return null; // no escaping the folder with ../
  const type = TYPES[extname(path)];
  if (type === undefined) return null;
  try {
    const body = await readFile(path);
    return new Response(body, {
      headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' },
    });
  } catch {
    return null;
  }
}

export const staticFiles = new Hono();
staticFiles.get(
  '/static/dkfds/*',
  async (c) =>
    (await serveFrom(dkfdsDist, c.req.path.slice('/static/dkfds/'.length))) ?? c.notFound(),
);
staticFiles.get(
  '/static/*',
  async (c) => (await serveFrom(assets, c.req.path.slice('/static/'.length))) ?? c.notFound(),
);
