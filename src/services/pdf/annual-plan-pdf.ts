/**
 * The årshjul as a PDF in A3 landscape (pdfmake), like the printed one: twelve month columns
 * side by side, one row per day with the weekday letter, the week number on Mondays, the holiday
 * named, and the day's events in short form; weekends and holidays shaded.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { monthGrid, type PlanEvent } from '../../domain/calendar/index.ts';
import { createPdfBytes } from './fonts.ts';

const short = (e: PlanEvent) =>
  `${e.startTime ? `${e.startTime} ` : ''}${e.cancelled ? 'AFLYST ' : ''}${e.title}`;

export function buildAnnualPlanPdfDefinition(
  year: number,
  events: readonly PlanEvent[],
  title: string,
): TDocumentDefinitions {
  const grid = monthGrid(year, events);
  const header: TableCell[] = grid.map((m) => ({
    text: m.name.toUpperCase(),
    bold: true,
    alignment: 'center',
    fillColor: '#1a3f6f',
    color: '#ffffff',
    fontSize: 8,
  }));
  const rows: TableCell[][] = [];
  for (let day = 0; day < 31; day++) {
    rows.push(
      grid.map((m): TableCell => {
        const d = m.days[day];
        if (!d) return { text: '', fillColor: '#eeeeee' };
        const parts: Content[] = [
          { text: `${d.weekdayLetter} ${d.day}`, bold: d.holiday?.public === true },
          ...(d.week !== null ? [{ text: `  uge ${d.week}`, color: '#666666', fontSize: 5 }] : []),
        ];
        const lines: string[] = [];
        if (d.holiday) lines.push(d.holiday.name);
        for (const e of d.events) lines.push(short(e));
        return {
          stack: [
            { text: parts },
            ...(lines.length > 0 ? [{ text: lines.join('\n'), fontSize: 5 }] : []),
          ],
          fillColor: d.holiday?.public ? '#f6d7d7' : d.weekend ? '#e9eef5' : undefined,
        };
      }),
    );
  }
  return {
    pageSize: 'A3',
    pageOrientation: 'landscape',
    pageMargins: [20, 36, 20, 24],
    info: { title: `${title} ${year}` },
    defaultStyle: { font: 'Roboto', fontSize: 6 },
    header: { text: `${title} ${year}`, bold: true, fontSize: 14, margin: [20, 12, 20, 0] },
    content: [
      {
        table: {
          headerRows: 1,
          widths: grid.map(() => '*'),
          body: [header, ...rows],
          dontBreakRows: true,
        },
        layout: {
          hLineWidth: () => 0.3,
          vLineWidth: () => 0.3,
          hLineColor: () => '#aaaaaa',
          vLineColor: () => '#aaaaaa',
          paddingTop: () => 0.5,
          paddingBottom: () => 0.5,
        },
      },
    ],
  };
}

export function renderAnnualPlanPdf(
  year: number,
  events: readonly PlanEvent[],
  title = 'Årshjul, Nordjysk Socialaftale',
) {
  return createPdfBytes(buildAnnualPlanPdfDefinition(year, events, title));
}
