import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDocumentProxy } from 'unpdf';
import type { PlanEvent } from '../../domain/calendar/index.ts';
import { fillRowHeight, renderAnnualPlanPdf } from './annual-plan-pdf.ts';

const TITLES = [
  'DAS-møde',
  'FU-møde',
  'Frist for takstindberetning',
  'Netværksgruppen for børn og unge',
];

/** `perDay` events on every `step`th day of 2026. */
function events(perDay: number, step: number): PlanEvent[] {
  const out: PlanEvent[] = [];
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= 28; d += step) {
      for (let i = 0; i < perDay; i++) {
        out.push({
          key: `event-${out.length}`,
          kind: 'meeting',
          title: TITLES[(m + d + i) % TITLES.length] ?? '',
          date: `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
          endDate: null,
          startTime: i % 2 === 1 ? '13:00' : null,
          endTime: null,
          place: '',
          description: '',
          committeeId: null,
          committeeShortName: null,
          internal: false,
          cancelled: false,
          recurring: false,
        });
      }
    }
  }
  return out;
}

/** Pages, and the lowest text on page 1 in points from the bottom edge (pdf.js counts upwards). */
async function layout(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  const ys = content.items.flatMap((item) =>
    'transform' in item && item.str.trim() !== '' ? [Number(item.transform[5])] : [],
  );
  const texts = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  return { pages: pdf.numPages, lowest: Math.min(...ys), texts };
}

void describe('the årshjul PDF', () => {
  void it('raises the shortest rows first to spread the free height', () => {
    assert.equal(fillRowHeight([10, 10, 30], 20), 20);
    assert.equal(fillRowHeight([10, 20], 5), 15);
    assert.equal(fillRowHeight([10, 12], 100), 61);
    assert.equal(fillRowHeight([10, 12], 0), null);
  });

  void it('fills one A3 page, for a quiet year and for one too full for the normal font', async () => {
    for (const [perDay, step] of [
      [1, 5],
      [4, 1],
    ] as const) {
      const pdf = await layout(await renderAnnualPlanPdf(2026, events(perDay, step)));
      assert.equal(pdf.pages, 1, `${perDay} a day`);
      // The bottom margin is 24 pt; the last row (the 31st) is at most a few rows high.
      assert.ok(pdf.lowest > 24 && pdf.lowest < 70, `lowest text at ${pdf.lowest} pt`);
      assert.match(pdf.texts, /Nytårsaften/);
    }
  });
});
