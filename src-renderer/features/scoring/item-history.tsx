import { useState } from 'react';
import { ok } from '../../../src-shared/contract/result';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import type { AuditRow } from '../../data/row-schemas';
import { itemHistory } from '../../data/sheet-repository';
import { useI18n, type Translate } from '../../i18n/i18n';

function describe(json: string, t: Translate): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (value === null || value === '') return t('score.empty');
  if (typeof value === 'number') return `${value}%`;
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 60)}…` : value;
  if (Array.isArray(value)) {
    const texts = value.map((entry: unknown) =>
      typeof entry === 'object' && entry !== null && 'text' in entry ? String(entry.text) : '',
    );
    return texts.length === 0 ? t('score.empty') : texts.map((text, i) => `${i + 1}. ${text.slice(0, 30)}`).join(' ');
  }
  return json;
}

function time(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang, { hour12: false });
}

/** The change history of one item, read from its audit entries when opened. */
export function ItemHistory({
  sheetId,
  itemId,
  version,
}: {
  sheetId: string;
  itemId: string;
  version: string | undefined;
}) {
  const { t, lang } = useI18n();
  const { db, now } = useServices();
  const [open, setOpen] = useState(false);
  const history = useAsync(
    async () => ok(open ? await itemHistory(db, sheetId, itemId, now) : ([] as AuditRow[])),
    [open, db, sheetId, itemId, now, version],
  );
  return (
    <details className="history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('score.history')}</summary>
      {open && history.status === 'ready' && history.value.length === 0 && (
        <p className="muted">{t('score.historyEmpty')}</p>
      )}
      {history.status === 'ready' && history.value.length > 0 && (
        <ol className="history-list" aria-label={t('score.history')}>
          {[...history.value].reverse().map((entry) => (
            <li key={entry.seq}>
              {t('score.historyEntry', {
                time: time(entry.at, lang),
                field: t(`score.field.${entry.field}`),
                old: describe(entry.old, t),
                new: describe(entry.new, t),
              })}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
