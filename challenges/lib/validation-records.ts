import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationRecord, type ValidationStatus } from '@assay/contract';

/** Validation records live in `<data dir>/validation/<challenge id>.json`. */
const fileOf = (dataDir: string, id: string) => join(dataDir, 'validation', `${id}.json`);

export async function writeValidationRecord(dataDir: string, record: ValidationRecord): Promise<void> {
  await mkdir(join(dataDir, 'validation'), { recursive: true });
  await writeFile(fileOf(dataDir, record.challengeId), `${JSON.stringify(ValidationRecord.parse(record), null, 2)}\n`);
}

/** The last validation of a challenge, judged against its current content hash. */
export async function validationStatus(dataDir: string, id: string, contentHash: string): Promise<ValidationStatus> {
  const text = await readFile(fileOf(dataDir, id), 'utf8').catch(() => null);
  const parsed = text === null ? null : ValidationRecord.safeParse(JSON.parse(text));
  if (!parsed?.success) return { status: 'not-validated', at: null, failures: [], mutation: null };
  const record = parsed.data;
  return { status: record.contentHash === contentHash ? record.status : 'stale', at: record.at, failures: record.failures, mutation: record.mutation ?? null };
}
