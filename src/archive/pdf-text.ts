import { extractText, getDocumentProxy } from 'unpdf';
import { ArchiveInputError } from './errors.ts';

/**
 * Turns PDF bytes into the text of each page, keeping page boundaries so items can record
 * their page range. The only impure corner of the archive parser (it runs pdf.js).
 *
 * @throws ArchiveInputError for an encrypted or broken PDF, or one with no text layer.
 */
export async function extractPdfPages(bytes: Uint8Array): Promise<string[]> {
  let pages: string[];
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
    const document = await getDocumentProxy(new Uint8Array(bytes));
    const result = await extractText(document, { mergePages: false });
    pages = result.text;
  } catch (error) {
    if (isPasswordError(error)) {
      throw new ArchiveInputError(
        'encrypted-pdf',
        "PDF'en er krypteret eller beskyttet med adgangskode; gem en kopi uden beskyttelse og prøv igen.",
      );
    }
    throw new ArchiveInputError(
      'broken-pdf',
      "PDF'en er beskadiget eller ufuldstændig og kan ikke læses; hent en ny kopi af dokumentet.",
    );
  }
  if (pages.every((page) => page.trim() === '')) {
    throw new ArchiveInputError(
      'pdf-without-text',
      "PDF'en indeholder ingen tekst; den skal OCR-behandles først",
    );
  }
  return pages;
}

function isPasswordError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'PasswordException' || /password/i.test(error.message))
  );
}
