import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../src-shared/contract/result';
import type { Evidence } from '../../../src-shared/stages/stage-work';
import { useServices } from '../../components/services';
import { addEvidenceFiles, evidenceFileOf, type EvidenceLink } from './evidence-add';

export interface EvidenceAdder {
  /** While files are being added: how many of how many are handled. */
  readonly progress: { readonly done: number; readonly total: number } | undefined;
  /** The files refused by the last add (too large, unreadable, refused by main), each with its reason. */
  readonly refused: readonly AppError[];
  readonly add: (files: readonly File[], link: EvidenceLink) => void;
}

/** Adds chosen or dropped files as evidence through main, one at a time, with progress; one add runs at a time. */
export function useEvidenceAdder(input: {
  assignmentId: string;
  limit: number;
  onAdded: (evidence: Evidence) => void;
}): EvidenceAdder {
  const { client, newId } = useServices();
  const [progress, setProgress] = useState<EvidenceAdder['progress']>(undefined);
  const [refused, setRefused] = useState<readonly AppError[]>([]);
  const busy = useRef(false);
  const live = useRef(true);
  const onAdded = useRef(input.onAdded);
  useEffect(() => {
    onAdded.current = input.onAdded;
  }, [input.onAdded]);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const { assignmentId, limit } = input;
  const add = useCallback(
    (files: readonly File[], link: EvidenceLink) => {
      if (busy.current || files.length === 0) return;
      busy.current = true;
      setRefused([]);
      void addEvidenceFiles({
        files: files.map(evidenceFileOf),
        limit,
        assignmentId,
        link,
        newId,
        send: (request) => client.call('evidence:add', request),
        onProgress: (done, total) => {
          if (live.current) setProgress({ done, total });
        },
        // The latest save path of the page; a file stored after the page was left stays unlisted in main's store
        // (choosing it again lists it and stores no second copy).
        onAdded: (evidence) => onAdded.current(evidence),
      }).then((outcome) => {
        busy.current = false;
        if (!live.current) return;
        setProgress(undefined);
        setRefused(outcome.refused);
      });
    },
    [assignmentId, client, limit, newId],
  );
  return { progress, refused, add };
}
