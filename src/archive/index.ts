/** The archive importer: meeting documents (PDF or text) in, structured meetings out. */
export { parseMeetingDocument } from './parse-meeting.ts';
export { toContractJson, type ContractItem, type ContractMeeting } from './contract.ts';
export { validateArchiveBytes, DEFAULT_MAX_BYTES, type ArchiveInput } from './input.ts';
export { readArchiveDocument } from './read-document.ts';
export { ArchiveInputError, type ArchiveInputProblem } from './errors.ts';
export type * from './types.ts';
