import { fail, type AppError, type Result } from '../../../src-shared/contract/result';
import type { StoredFile } from '../../../src-shared/contract/stage-channels';
import type { Evidence } from '../../../src-shared/stages/stage-work';
import { toBase64 } from '../../components/file-bytes';
import { checkEvidenceSize } from './session-records';

/** A chosen or dropped file as the adder needs it; the bytes are read only once the size passed. */
export interface EvidenceFile {
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
  readonly bytes: () => Promise<Uint8Array>;
}

export function evidenceFileOf(file: File): EvidenceFile {
  return {
    name: file.name,
    size: file.size,
    // Browsers leave the type blank for unknown extensions.
    mediaType: file.type === '' ? 'application/octet-stream' : file.type.slice(0, 100),
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  };
}

/** What new evidence is linked to from the start (an issue's "attach evidence" links it to that issue and its items). */
export interface EvidenceLink {
  readonly itemIds: readonly string[];
  readonly issueIds: readonly string[];
}

export type SendEvidence = (request: {
  assignmentId: string;
  name: string;
  mediaType: string;
  base64: string;
}) => Promise<Result<StoredFile>>;

/**
 * Adds files one after another (one file's bytes in memory at a time): a file over the cycle's limit is refused on
 * its size and never read; the others go to main (`evidence:add`), which stores them by SHA-256. Each stored file is
 * handed to `onAdded` at once, so it is saved before the next is read; progress counts every file handled.
 */
export async function addEvidenceFiles(input: {
  readonly files: readonly EvidenceFile[];
  readonly limit: number;
  readonly assignmentId: string;
  readonly link: EvidenceLink;
  readonly newId: () => string;
  readonly send: SendEvidence;
  readonly onProgress: (done: number, total: number) => void;
  readonly onAdded: (evidence: Evidence) => void;
}): Promise<{ readonly added: number; readonly refused: readonly AppError[] }> {
  const refused: AppError[] = [];
  let added = 0;
  const total = input.files.length;
  input.onProgress(0, total);
  for (const [index, file] of input.files.entries()) {
    const result = await addOne(file, input);
    if (result.ok) {
      input.onAdded(result.value);
      added += 1;
    } else refused.push(result.error);
    input.onProgress(index + 1, total);
  }
  return { added, refused };
}

async function addOne(
  file: EvidenceFile,
  input: Pick<Parameters<typeof addEvidenceFiles>[0], 'limit' | 'assignmentId' | 'link' | 'newId' | 'send'>,
): Promise<Result<Evidence>> {
  const size = checkEvidenceSize(file, input.limit);
  if (!size.ok) return size;
  let base64: string;
  try {
    base64 = toBase64(await file.bytes());
  } catch (error) {
    // The file went away or cannot be read (e.g. removed from the USB stick after choosing).
    const detail = error instanceof Error ? error.message : String(error);
    return fail('E_ATTACHMENT', `cannot read ${file.name}: ${detail}`, { name: file.name });
  }
  const stored = await input.send({
    assignmentId: input.assignmentId,
    name: file.name.slice(0, 255),
    mediaType: file.mediaType,
    base64,
  });
  if (!stored.ok) return stored;
  return {
    ok: true,
    value: {
      id: input.newId(),
      sha256: stored.value.sha256,
      size: stored.value.size,
      name: stored.value.name,
      mediaType: stored.value.mediaType,
      caption: '',
      itemIds: [...input.link.itemIds],
      issueIds: [...input.link.issueIds],
    },
  };
}

/**
 * The evidence list with `added` in it: the same file (SHA-256) twice stays one record, its links joined, so a photo
 * attached to two issues is one file linked to both.
 */
export function mergeEvidence(list: readonly Evidence[], added: Evidence): Evidence[] {
  const same = list.find((evidence) => evidence.sha256 === added.sha256);
  if (same === undefined) return [...list, added];
  const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
  return list.map((evidence) =>
    evidence === same
      ? {
          ...evidence,
          itemIds: union(evidence.itemIds, added.itemIds),
          issueIds: union(evidence.issueIds, added.issueIds),
        }
      : evidence,
  );
}
