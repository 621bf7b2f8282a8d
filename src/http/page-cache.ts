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
