import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageCache } from './page-cache.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) =>
  b === undefined ? undefined : new TextDecoder().decode(b);

void describe('public page cache', () => {
  void it('serves a page only for the stamp it was rendered at', () => {
    const cache = new PageCache(2);
    cache.set('m1', 'v1', bytes('<p>1</p>'));
    assert.equal(text(cache.get('m1', 'v1')), '<p>1</p>');
    assert.equal(cache.get('m1', 'v2'), undefined);
  });
  void it('drops the least recently used page past its size', () => {
    const cache = new PageCache(2);
    cache.set('a', 's', bytes('A'));
    cache.set('b', 's', bytes('B'));
    cache.get('a', 's');
    cache.set('c', 's', bytes('C'));
    assert.equal(cache.get('b', 's'), undefined);
    assert.equal(text(cache.get('a', 's')), 'A');
    assert.equal(text(cache.get('c', 's')), 'C');
  });
});
