/**
 * A small cache of rendered public pages. Every anonymous visitor gets the same HTML for a
 * meeting, so it is rendered once per content stamp (read from the database on each request,
 * so several app processes never serve a stale page). Bounded by entry count, oldest out first.
 */
export class PageCache {
  private readonly entries = new Map<string, { stamp: string; body: Uint8Array }>();
  constructor(private readonly maxEntries = 200) {}

  get(key: string, stamp: string): Uint8Array | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.stamp !== stamp) return undefined;
    // Refresh its place so the most used pages stay.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.body;
  }

  /** Keeps the page encoded, so a hit costs no UTF-8 encoding of the 100 KB page. */
  set(key: string, stamp: string, body: Uint8Array): void {
    this.entries.delete(key);
    this.entries.set(key, { stamp, body });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/**
 * Serves an anonymous visitor's page from `cache` while `stamp` is unchanged, else renders it and
 * keeps it (200 only). `stamp` is null when the page is not to be cached (a signed-in viewer,
 * a one-off notice); it must be read before rendering, so a change committed meanwhile only
 * makes the kept page newer than its stamp, never older.
 */
export async function servePublicPage(
  cache: PageCache,
  key: string,
  stamp: string | null,
  render: () => Promise<Response>,
): Promise<Response> {
  if (stamp !== null) {
    const hit = cache.get(key, stamp);
    if (hit !== undefined)
      return new Response(hit as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: { 'content-type': 'text/html; charset=UTF-8' },
      });
  }
  const response = await render();
  if (stamp !== null && response.status === 200)
    cache.set(key, stamp, new Uint8Array(await response.clone().arrayBuffer()));
  return response;
}
