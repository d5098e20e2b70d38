import { segmentClocks } from '../../../src-shared/stages/stage-rules';
import type { StageSetup } from '../../../src-shared/stages/stage-setup';
import type { DefenseWork } from '../../../src-shared/stages/stage-work';
import { useServices } from '../../components/services';
import { useI18n } from '../../i18n/i18n';
import { DefenseTimer } from './defense-timer';
import { IssuesReadOnly } from './issues-editor';
import { QuestionLog } from './question-log';
import { RubricPanel } from './rubric-panel';
import { logProps, typingOption, type SessionEditing } from './session-editing';
import { SessionPanel } from './session-panel';
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
  const editDefense = (patch: Partial<DefenseWork>, typing = false): void =>
    change((current) => ({ defense: { ...(current.defense ?? emptyDefense), ...patch } }), typingOption(typing));
  return (
    <>
      <SessionPanel title={t('stageSessions.timer.title')}>
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
      </SessionPanel>
      <SessionPanel title={t('stageSessions.questions.title')}>
        <QuestionLog
          questions={defense.questions}
          {...logProps(editing)}
          nowIso={editing.nowIso}
          onChange={(questions, typing) => editDefense({ questions }, typing)}
        />
      </SessionPanel>
      {setup.defenseRubric.length > 0 && (
        <SessionPanel title={t('stageSessions.rubric.title')}>
          <RubricPanel
            rubric={setup.defenseRubric}
            scores={defense.rubric}
            onChange={(rubric) => editDefense({ rubric }, true)}
            onBlur={flush}
          />
        </SessionPanel>
      )}
      <SessionPanel title={t('stageSessions.issues.carriedTitle')}>
        <IssuesReadOnly issues={row.issues} itemChoices={editing.itemChoices} />
      </SessionPanel>
    </>
  );
}
