/** The tariff appendix as PDF (pdfmake): a front page, then a table grouped by operator. */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatOre, formatPercent } from '../../domain/offers/index.ts';
import { APPENDIX_COLUMNS, type Appendix } from '../../domain/tariffs/index.ts';
import type { AppendixMeta } from '../xlsx/tariff-appendix.ts';
import { createPdfBytes } from './fonts.ts';

const ACCENT = '#1d3f66';
const TINT = '#eef2f7';

export async function tariffAppendixPdf(
  appendix: Appendix,
  meta: AppendixMeta,
): Promise<Uint8Array> {
  const header: TableCell[] = APPENDIX_COLUMNS.map((text, i) => ({
    text,
    bold: true,
    fillColor: TINT,
    alignment: i >= 5 ? 'right' : 'left',
  }));
  const body: TableCell[][] = [header];
  for (const group of appendix.groups) {
    for (const r of group.rows) {
      body.push([
        r.operator,
        r.offer,
        r.service,
        r.targetGroup,
        r.lawSection,
        { text: r.places === null ? '' : String(r.places), alignment: 'right' },
        { text: r.previous === null ? '' : formatOre(r.previous, true), alignment: 'right' },
        { text: formatOre(r.amount, true), alignment: 'right' },
        { text: r.change === null ? '' : formatPercent(r.change), alignment: 'right' },
      ]);
    }
    body.push([
      { text: `I alt ${group.operator}`, bold: true, colSpan: 5 },
      '',
      '',
      '',
      '',
      { text: String(group.totalPlaces), bold: true, alignment: 'right' },
      '',
      '',
      '',
    ]);
  }
  body.push([
    { text: 'I alt', bold: true, colSpan: 5 },
    '',
    '',
    '',
    '',
    { text: String(appendix.totalPlaces), bold: true, alignment: 'right' },
    '',
    '',
    '',
  ]);
  const front: Content[] = [
    {
      text: 'Nordjysk Socialaftale',
      fontSize: 13,
      bold: true,
      color: '#5b6470',
      margin: [0, 120, 0, 8],
    },
    { text: `Takstbilag ${appendix.year}`, fontSize: 34, bold: true, color: ACCENT },
    {
      text: 'Takster for tilbud omfattet af styringsaftalen',
      fontSize: 14,
      margin: [0, 8, 0, 32],
    },
    { text: `Tilbud: ${appendix.offerCount}` },
    { text: `Ydelser: ${appendix.rowCount}` },
    { text: `Pladser i alt: ${appendix.totalPlaces}` },
    { text: `Driftsherrer: ${appendix.groups.length}` },
    {
      text: meta.approvedBy === null ? 'Ikke godkendt endnu' : `Godkendt: ${meta.approvedBy}`,
      margin: [0, 16, 0, 0],
      pageBreak: 'after',
    },
  ];
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 40, 30, 40],
    info: {
      title: `Takstbilag ${appendix.year}`,
      author: 'Sekretariatet for Nordjysk Socialaftale',
    },
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    footer: (page, pages) => ({
      text: `Takstbilag ${appendix.year} · Side ${page} af ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 10, 0, 0],
    }),
    content: [
      ...front,
      {
        table: {
          headerRows: 1,
          widths: [90, 110, 100, 90, 70, 40, 65, 60, 45],
          body,
        },
        layout: 'lightHorizontalLines',
      },
    ],
  };
  return createPdfBytes(definition);
}
