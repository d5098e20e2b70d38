import type { PickedFile } from './inbox-import-run';

/** The contract's longest file name; a deep folder path keeps its end, where the file's own name is. */
const maxNameLength = 255;

/** A picked file under the name the lists show: its path inside a chosen or dropped folder, else its own name. */
export function asPicked(file: File, path: string = file.webkitRelativePath): PickedFile {
  const name = (path === '' ? file.name : path).slice(-maxNameLength);
  return { name, size: file.size, arrayBuffer: () => file.arrayBuffer() };
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

/** Every file under an entry; a directory reader answers in chunks until it returns an empty one. */
async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (isFile(entry)) {
    out.push(asPicked(await fileOf(entry), entry.fullPath.replace(/^\//, '')));
    return;
  }
  if (!isDirectory(entry)) return;
  const reader = entry.createReader();
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
    for (const child of batch) await walk(child, out);
  }
}

/**
 * The files of a drop, folders included (a USB stick's folder dragged in whole). The entries must be taken while
 * the drop event runs; reading them may continue afterwards. Browsers without entries give the plain file list.
 */
export async function droppedFiles(data: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(data.items).flatMap((item) => {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry() : null;
    return entry === null ? [] : [entry];
  });
  if (entries.length === 0) return Array.from(data.files).map((file) => asPicked(file));
  const out: PickedFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}
