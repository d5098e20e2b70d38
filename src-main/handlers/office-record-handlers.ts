import { fail, ok } from '../../src-shared/contract/result';
import { decodeBase64Strict, encodeBase64 } from '../../src-shared/packages/base64';
import { sha256Hex } from '../../src-shared/packages/bytes';
import { canonicalBytes, type JsonValue } from '../../src-shared/packages/jcs';
import type { KeyStore } from '../services/key-store';
import { readXlsxTable, writeTableXlsx } from '../services/xlsx-applicants';
import type { Handlers } from './handler-types';
import { unlockedOfficeKey } from './office-key';

export interface OfficeRecordDeps {
  readonly keys: KeyStore;
  readonly keyFilePath: string;
  readonly now: () => number;
}

/** Domain separation: a record signature can never be mistaken for a package signature (DSSE PAE) or another record. */
function signedMessage(recordType: string, sha256: string): Uint8Array {
  return new TextEncoder().encode(`scorebook.office-record/1\n${recordType}\n${sha256}`);
}

/**
 * The office's records it signs (a consensus, a recommendation) and its spreadsheets. A record is signed over the
 * SHA-256 of its canonical JSON (RFC 8785), prefixed with its type, so the signature binds exactly what was agreed.
 */
export function createOfficeRecordHandlers(
  deps: OfficeRecordDeps,
): Pick<Handlers, 'office:sign-record' | 'office:xlsx-read' | 'office:xlsx-write'> {
  return {
    async 'office:sign-record'({ recordType, record }) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      // The record came through the contract as JSON, so it is JSON; canonicalBytes still refuses what RFC 8785 cannot hold.
      const bytes = canonicalBytes(record as JsonValue);
      if (!bytes.ok) return fail('E_BAD_REQUEST', 'record is not canonical JSON', { detail: bytes.error.message });
      const sha256 = await sha256Hex(bytes.value);
      const signature = await deps.keys.sign(signedMessage(recordType, sha256));
      if (!signature.ok) return signature;
      return ok({
        sha256,
        signature: encodeBase64(signature.value),
        keyId: office.value.fingerprint,
        signedAt: new Date(deps.now()).toISOString(),
      });
    },
    async 'office:xlsx-read'({ base64 }) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      const bytes = decodeBase64Strict(base64);
      if (bytes === undefined) return fail('E_BAD_REQUEST', 'base64', { detail: 'base64: not canonical base64' });
      const table = await readXlsxTable(bytes);
      if (!table.ok) return table;
      return ok({
        rows: table.value.rows.map((row) => ({ line: row.line, cells: [...row.cells] })),
        errors: table.value.errors.map((error) => ({ ...error, params: { ...error.params } })),
      });
    },
    async 'office:xlsx-write'({ sheetName, rows }) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      return ok({ base64: encodeBase64(await writeTableXlsx(sheetName, rows)) });
    },
  };
}
