import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPdfBytes } from '../services/pdf/fonts.ts';
import { extractAttachmentText } from './attachment-text.ts';

void describe('attachment text', () => {
  void it('reads the text layer of a PDF', async () => {
    const pdf = await createPdfBytes({
      content: ['Notat om takststrukturen på Kvisten', 'Side to'],
    });
    const text = await extractAttachmentText(pdf, 'notat.pdf', 'application/pdf');
    assert.match(text ?? '', /takststrukturen på Kvisten/);
  });
  void it('decodes text files and gives null for binary or broken files', async () => {
    const latin1 = new Uint8Array([0x50, 0xe6, 0x64, 0x61, 0x67, 0x6f, 0x67]); // "Pædagog" in Latin-1
    assert.equal(await extractAttachmentText(latin1, 'noter.txt', 'text/plain'), 'Pædagog');
    assert.equal(
      await extractAttachmentText(
        new Uint8Array([0, 1, 2, 3, 255]),
        'x.bin',
        'application/octet-stream',
      ),
      null,
    );
    assert.equal(
      await extractAttachmentText(
        new TextEncoder().encode('%PDF-1.4 broken'),
        'x.pdf',
        'application/pdf',
      ),
      null,
    );
  });
});
