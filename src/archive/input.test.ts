import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, hasPdfHeader, validateArchiveBytes } from './input.ts';
import { ArchiveInputError } from './errors.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(input: Uint8Array, maxBytes?: number): ArchiveInputError {
  try {
    validateArchiveBytes(input, maxBytes === undefined ? {} : { maxBytes });
  } catch (error) {
    assert.ok(error instanceof ArchiveInputError);
    return error;
  }
  assert.fail('expected a refusal');
}

void test('an empty file is refused in Danish', () => {
  const error = refusal(new Uint8Array());
  assert.equal(error.problem, 'empty');
  assert.equal(error.message, 'Filen er tom.');
  assert.equal(refusal(utf8(' \n\n ')).problem, 'empty');
});

void test('a file over the size limit is refused with the limit in the message', () => {
  const error = refusal(new Uint8Array(2 * 1024 * 1024), 1024 * 1024);
  assert.equal(error.problem, 'too-large');
  assert.match(error.message, /for stor \(2,0 MB\).*1,0 MB/);
  assert.match(refusal(new Uint8Array(51 * 1024 * 1024)).message, /50 MB/);
});

void test('binary that is not a PDF is refused', () => {
  const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
  const error = refusal(png);
  assert.equal(error.problem, 'binary');
  assert.match(error.message, /hverken en PDF eller en tekstfil/);
});

void test('a PDF is told by its magic bytes, also after a little junk', () => {
  assert.equal(validateArchiveBytes(utf8('%PDF-1.7\n...')).type, 'pdf');
  assert.ok(hasPdfHeader(utf8('\ufeff%PDF-1.4')));
  assert.equal(hasPdfHeader(utf8('PDF-1.4')), false);
});

void test('UTF-8 text is decoded as such, Latin-1 (Windows-1252) text as Latin-1', () => {
  assert.deepEqual(validateArchiveBytes(utf8('Punkt 1.\nGodkendelse af år')), {
    type: 'text',
    text: 'Punkt 1.\nGodkendelse af år',
  });
  // "Møde på Læsø – ok" in Windows-1252: ø = F8, å = E5, – = 96.
  const latin1 = bytes(
    0x4d,
    0xf8,
    0x64,
    0x65,
    0x20,
    0x70,
    0xe5,
    0x20,
    0x4c,
    0xe6,
    0x73,
    0xf8,
    0x20,
    0x96,
    0x20,
    0x6f,
    0x6b,
  );
  assert.equal(decodeText(latin1), 'Møde på Læsø – ok');
  assert.equal(
    decodeText(bytes(0xef, 0xbb, 0xbf, 0x41)),
    'A',
    'a UTF-8 byte-order mark is dropped',
  );
  assert.equal(
    decodeText(bytes(0xff, 0xfe, 0x41, 0x00, 0xe6, 0x00)),
    'Aæ',
    'UTF-16 with a byte-order mark',
  );
});
