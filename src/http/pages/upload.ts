/** What every file-upload form checks first, and how it lists a file's problems. */
import { formatSize } from './meeting-view.tsx';
import type { PageContext } from './render.tsx';

export type UploadCheck =
  { ok: true; name: string; bytes: Uint8Array } | { ok: false; message: string; status: 400 | 413 };

/** The form's `file` field: present, not empty, within the upload limit. */
export async function uploadedFile(c: PageContext, field = 'file'): Promise<UploadCheck> {
  const file = (await c.req.parseBody())[field];
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, message: 'Vælg en fil at indlæse.', status: 400 };
  }
  const limit = c.get('config').maxUploadBytes;
  if (file.size > limit) {
    return { ok: false, message: `Filen er for stor; højst ${formatSize(limit)}.`, status: 413 };
  }
  return { ok: true, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** "Række 3: …" lines for at most 20 problems, then how many more there are. */
export function problemLines(
  problems: readonly { line: number | null; message: string }[],
): string[] {
  const shown = problems
    .slice(0, 20)
    .map((p) => (p.line === null ? p.message : `Række ${p.line}: ${p.message}`));
  return problems.length > 20 ? [...shown, `… og ${problems.length - 20} fejl mere.`] : shown;
}
