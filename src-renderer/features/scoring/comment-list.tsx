import { useCallback, useEffect, useRef } from 'react';
import type { Comment } from '../../data/row-schemas';
import { useI18n } from '../../i18n/i18n';
import type { MaterialsLink } from './materials-link';

interface CommentListProps {
  readonly kind: 'strengths' | 'ofis';
  readonly comments: readonly Comment[];
  readonly newId: () => string;
  /** `typing` marks keystrokes, which are written after a short pause; structure changes are written at once. */
  readonly onChange: (next: readonly Comment[], typing: boolean) => void;
  readonly onBlur: () => void;
  /** The materials viewer, when the page has one: page numbers open it, a focused comment takes citations. */
  readonly materials?: MaterialsLink;
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

/** Strengths or improvement opportunities: add, edit, reorder and delete, each with its evidence reference. */
export function CommentList({ kind, comments, newId, onChange, onBlur, materials }: CommentListProps) {
  const { t } = useI18n();
  const title = t(kind === 'strengths' ? 'score.strengths' : 'score.ofis');
  // A citation arrives later, from the viewer: it must edit the comments as they are then, not as they were.
  const latest = useRef({ comments, onChange, register: materials?.registerCiteTarget });
  useEffect(() => {
    latest.current = { comments, onChange, register: materials?.registerCiteTarget };
  });
  const takeCitations = useCallback((id: string) => {
    latest.current.register?.((citation) => {
      const current = latest.current;
      current.onChange(
        current.comments.map((c) =>
          c.id === id ? { ...c, page: citation.page, ref: c.ref.trim() === '' ? citation.materialName : c.ref } : c,
        ),
        false,
      );
    });
  }, []);
  // When the list goes (the expert moves to another item), none of its comments takes citations any more.
  useEffect(() => {
    const state = latest;
    return () => state.current.register?.(null);
  }, []);
  const update = (index: number, patch: Partial<Comment>, typing: boolean): void =>
    onChange(
      comments.map((c, i) => (i === index ? { ...c, ...patch } : c)),
      typing,
    );
  return (
    <section className={`comments comments-${kind}`} aria-label={title}>
      <h3>{title}</h3>
      {comments.length === 0 && <p className="muted">{t('score.noComments')}</p>}
      <ol>
        {comments.map((comment, index) => {
          const n = index + 1;
          const label = t('score.commentText', { kind: title, n });
          return (
            <li key={comment.id} className="comment" onFocus={() => takeCitations(comment.id)}>
              {comment.carriedFrom !== undefined && (
                <span
                  className="badge carried-badge"
                  title={t('stageScoring.carriedBadgeTitle', { stage: t(`stage.${comment.carriedFrom}`) })}
                  data-testid="carried-badge"
                >
                  {t('stageScoring.carriedBadge')}
                  <span className="visually-hidden">
                    {' '}
                    {t('stageScoring.carriedBadgeTitle', { stage: t(`stage.${comment.carriedFrom}`) })}
                  </span>
                </span>
              )}
              <textarea
                aria-label={label}
                value={comment.text}
                placeholder={t('score.commentPlaceholder')}
                rows={3}
                onChange={(e) => update(index, { text: e.target.value }, true)}
                onBlur={onBlur}
              />
              <div className="evidence">
                <label>
                  {t('score.page')}
                  <input
                    type="number"
                    min={1}
                    inputMode="numeric"
                    aria-label={`${label} ${t('score.page')}`}
                    value={comment.page ?? ''}
                    onChange={(e) => {
                      const page = Number.parseInt(e.target.value, 10);
                      update(index, { page: Number.isInteger(page) && page > 0 ? page : null }, true);
                    }}
                    onBlur={onBlur}
                  />
                </label>
                {materials !== undefined && comment.page !== null && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('stageScoring.openPageLabel', { comment: label, page: comment.page })}
                    onClick={() => materials.openMaterial(null, comment.page ?? 1)}
                  >
                    {t('stageScoring.openPage', { page: comment.page })}
                  </button>
                )}
                <label className="grow">
                  {t('score.ref')}
                  <input
                    type="text"
                    aria-label={`${label} ${t('score.ref')}`}
                    placeholder={t('score.refPlaceholder')}
                    value={comment.ref}
                    onChange={(e) => update(index, { ref: e.target.value }, true)}
                    onBlur={onBlur}
                  />
                </label>
                <button
                  type="button"
                  aria-label={t('score.moveUp', { kind: title, n })}
                  disabled={index === 0}
                  onClick={() => onChange(move(comments, index, index - 1), false)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('score.moveDown', { kind: title, n })}
                  disabled={index === comments.length - 1}
                  onClick={() => onChange(move(comments, index, index + 1), false)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={t('score.delete', { kind: title, n })}
                  onClick={() =>
                    onChange(
                      comments.filter((_, i) => i !== index),
                      false,
                    )
                  }
                >
                  ✕
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => onChange([...comments, { id: newId(), text: '', page: null, ref: '' }], false)}
      >
        + {t(kind === 'strengths' ? 'score.addStrength' : 'score.addOfi')}
      </button>
    </section>
  );
}
