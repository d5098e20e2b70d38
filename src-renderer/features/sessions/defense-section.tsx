import { useId } from 'react';
import { segmentClocks } from '../../../src-shared/stages/stage-rules';
import type { StageSetup } from '../../../src-shared/stages/stage-setup';
import type { DefenseWork } from '../../../src-shared/stages/stage-work';
import { useServices } from '../../components/services';
import { useI18n } from '../../i18n/i18n';
import { DefenseTimer } from './defense-timer';
import { IssuesReadOnly } from './issues-editor';
import { QuestionLog } from './question-log';
import { RubricPanel } from './rubric-panel';
import { typingOption, type SessionEditing } from './session-editing';
import { segmentUses } from './timer-logic';
import { useNow } from './use-now';

const emptyDefense: DefenseWork = { segments: [], questions: [], rubric: [] };

/**
 * The defense: the timer over the cycle's segments, the questions and answers, the optional rubric beside the sheet,
 * and the issues carried from material review to ask about (read-only here).
 */
export function DefenseSection({ editing, setup }: { editing: SessionEditing; setup: StageSetup }) {
  const { t } = useI18n();
  const { now } = useServices();
  const { row, change, flush } = editing;
  const defense = row.defense ?? emptyDefense;
  const running = segmentClocks(setup.defenseSegments, row.timer, now().getTime()).some((clock) => clock.running);
  const shownNow = useNow(running);
  const ids = { timer: useId(), questions: useId(), rubric: useId(), issues: useId() };
  const editDefense = (patch: Partial<DefenseWork>, typing = false): void =>
    change((current) => ({ defense: { ...(current.defense ?? emptyDefense), ...patch } }), typingOption(typing));
  return (
    <>
      <section className="panel" aria-labelledby={ids.timer}>
        <h2 id={ids.timer}>{t('stageSessions.timer.title')}</h2>
        <DefenseTimer
          segments={setup.defenseSegments}
          events={row.timer}
          now={shownNow}
          readClock={() => now().getTime()}
          onEvent={(event, clocks) =>
            change((current) => ({
              timer: [...current.timer, event],
              defense: { ...(current.defense ?? emptyDefense), segments: segmentUses(setup.defenseSegments, clocks) },
            }))
          }
        />
      </section>
      <section className="panel" aria-labelledby={ids.questions}>
        <h2 id={ids.questions}>{t('stageSessions.questions.title')}</h2>
        <QuestionLog
          questions={defense.questions}
          itemChoices={editing.itemChoices}
          newId={editing.newId}
          nowIso={editing.nowIso}
          onChange={(questions, typing) => editDefense({ questions }, typing)}
          onBlur={flush}
        />
      </section>
      {setup.defenseRubric.length > 0 && (
        <section className="panel" aria-labelledby={ids.rubric}>
          <h2 id={ids.rubric}>{t('stageSessions.rubric.title')}</h2>
          <RubricPanel
            rubric={setup.defenseRubric}
            scores={defense.rubric}
            onChange={(rubric) => editDefense({ rubric }, true)}
            onBlur={flush}
          />
        </section>
      )}
      <section className="panel" aria-labelledby={ids.issues}>
        <h2 id={ids.issues}>{t('stageSessions.issues.carriedTitle')}</h2>
        <IssuesReadOnly issues={row.issues} itemChoices={editing.itemChoices} />
      </section>
    </>
  );
}
