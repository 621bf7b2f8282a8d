/**
 * pdfmake set up for Node: the Roboto TTF files that ship with pdfmake, and resource access
 * policies (our documents never load images or URLs, only these fonts).
 *
 * pdfmake's Node entry is one shared instance, so the fonts are (re)registered right before each
 * `createPdf` call: another module that calls `setFonts` cannot leave us without Roboto.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TCreatedPdf } from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);

/** node_modules/pdfmake/build/fonts/Roboto, found through module resolution. */
export const ROBOTO_DIR = path.join(
  path.dirname(require.resolve('pdfmake/package.json')),
  'build',
  'fonts',
  'Roboto',
);

/** The TTF files as pdfmake 0.3 ships them: "bold" is the Medium cut. */
export const ROBOTO = {
  normal: path.join(ROBOTO_DIR, 'Roboto-Regular.ttf'),
  bold: path.join(ROBOTO_DIR, 'Roboto-Medium.ttf'),
  italics: path.join(ROBOTO_DIR, 'Roboto-Italic.ttf'),
  bolditalics: path.join(ROBOTO_DIR, 'Roboto-MediumItalic.ttf'),
} as const;

const FONTS: TFontDictionary = { Roboto: { ...ROBOTO } };
const allowedFiles = new Set<string>(Object.values(ROBOTO));

let policiesSet = false;

function ensureConfigured(): void {
  if (!policiesSet) {
    // Without policies pdfmake warns on every document; ours only ever read the font files.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file) => allowedFiles.has(path.resolve(file)));
    policiesSet = true;
  }
  pdfmake.addFonts(FONTS);
}

/** Lays out and writes a document with the Roboto fonts; resolves to the PDF bytes. */
export async function createPdfBytes(definition: TDocumentDefinitions): Promise<Uint8Array> {
  ensureConfigured();
  const created: TCreatedPdf = pdfmake.createPdf(definition);
  const buffer = await created.getBuffer();
  // A plain Uint8Array that owns its bytes (a Buffer may be a view on a shared pool).
  return new Uint8Array(buffer);
}
