import { constants } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { z } from 'zod';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { idleMinutesSchema } from '../../src-shared/identity/idle-lock';
import { errorCode } from './fs-durability';
import { createSecretFile } from './secret-file';

/**
 * Main's settings, `<dataDir>/settings.json`, format `scorebook.settings/1`. Settings are a convenience, never a
 * reason not to start: a missing, unreadable or corrupt file reads as the defaults. A corrupt file is left exactly
 * as found until the user changes a setting (someone may want to see what was in it); only then is it replaced,
 * and a copy `settings.json.corrupt-<time>` is kept first.
 */

export const settingsFormat = 'scorebook.settings/1';

export const settingsSchema = z.strictObject({
  format: z.literal(settingsFormat),
  idleMinutes: idleMinutesSchema,
});

export type Settings = z.infer<typeof settingsSchema>;
/** The settings a user can change (everything but the format tag). */
export type SettingsChange = Partial<Omit<Settings, 'format'>>;

/** Every default comes from the schema, so the defaults and the validation cannot drift apart. */
export const defaultSettings: Settings = settingsSchema.parse({ format: settingsFormat });

/** A settings file is a few dozen bytes; anything far larger is not ours and is not read whole. */
const maxSettingsBytes = 64 * 1024;

export interface SettingsFile {
  /** The stored settings, or the defaults when there are none or they cannot be read; never fails. */
  read(): Promise<Settings>;
  /** Applies `change` to the current settings and stores the result atomically; gives the new settings. */
  update(change: SettingsChange): Promise<Result<Settings>>;
}

export interface SettingsFileDeps {
  /** Full path of settings.json. */
  readonly path: string;
  /** Wall clock, for the name of the copy of a corrupt file. */
  readonly now: () => number;
}

type Loaded = { readonly kind: 'none' | 'valid'; readonly settings: Settings } | { readonly kind: 'corrupt' };

export function createSettingsFile(deps: SettingsFileDeps): SettingsFile {
  const file = createSecretFile(deps.path, { maxBytes: maxSettingsBytes });
  // Updates run one at a time, so two changes cannot both copy the same corrupt file or lose each other's change.
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<Loaded> => {
    const read = await file.read();
    // Unreadable (too large, permissions) counts as corrupt: it is not ours to overwrite without a copy.
    if (!read.ok) return { kind: 'corrupt' };
    if (read.value === undefined) return { kind: 'none', settings: defaultSettings };
    const parsed = parseSettings(read.value);
    return parsed === undefined ? { kind: 'corrupt' } : { kind: 'valid', settings: parsed };
  };

  const update = async (change: SettingsChange): Promise<Result<Settings>> => {
    const current = await load();
    if (current.kind === 'corrupt') {
      const kept = await keepCorruptCopy(deps.path, deps.now());
      if (!kept.ok) return kept;
    }
    const base = current.kind === 'corrupt' ? defaultSettings : current.settings;
    const next = settingsSchema.safeParse({ ...base, ...change, format: settingsFormat });
    if (!next.success) {
      const detail = `settings: ${next.error.issues.map((issue) => issue.path.join('.')).join(', ')}`;
      return fail('E_BAD_REQUEST', detail, { detail });
    }
    const written = await file.write(new TextEncoder().encode(`${JSON.stringify(next.data, null, 2)}\n`));
    return written.ok ? ok(next.data) : written;
  };

  return {
    async read() {
      const loaded = await load();
      return loaded.kind === 'corrupt' ? defaultSettings : loaded.settings;
    },
    update(change) {
      const run = queue.then(() => update(change));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** The settings in `bytes`, or undefined when they are not UTF-8 JSON of this format. */
export function parseSettings(bytes: Uint8Array): Settings | undefined {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Copies the corrupt file to `<path>.corrupt-<UTC time>` without ever replacing an earlier copy (COPYFILE_EXCL;
 * a numbered suffix when two copies fall in the same millisecond). If no copy can be made, the update fails and
 * the corrupt file stays in place: keeping the evidence outranks saving a setting.
 */
async function keepCorruptCopy(path: string, nowMs: number): Promise<Result<void>> {
  const stamp = new Date(nowMs).toISOString().replace(/[-:.]/g, '');
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const target = `${path}.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
    try {
      await copyFile(path, target, constants.COPYFILE_EXCL);
      return ok(undefined);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return ok(undefined); // gone meanwhile: nothing left to keep
      if (errorCode(error) !== 'EEXIST') {
        const detail = `cannot keep a copy of the damaged settings file: ${errorCode(error) ?? String(error)}`;
        return fail('E_STORAGE_WRITE', detail, { detail });
      }
    }
  }
  const detail = 'cannot keep a copy of the damaged settings file: too many copies';
  return fail('E_STORAGE_WRITE', detail, { detail });
}
