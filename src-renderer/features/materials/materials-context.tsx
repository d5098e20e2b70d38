import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AssignmentMaterial } from '../../../src-shared/stages/stage-setup';
import { useServices } from '../../components/services';
import { useAsync, type AsyncState } from '../../components/use-async';
import { loadApplicantMaterials } from './material-list';
import { MaterialViewerDock } from './material-viewer';

/** What "cite this page" hands to the comment being written. */
export interface MaterialCite {
  readonly materialName: string;
  readonly page: number;
}

export type CiteTarget = (cite: MaterialCite) => void;

/** The materials API any page may use; without a MaterialsProvider above it, every call does nothing. */
export interface MaterialsApi {
  /** False for the no-op API (no provider): callers may hide their "open material" links. */
  readonly available: boolean;
  /** Opens a material of the applicant at a page; null opens the applicant's first material. */
  readonly openMaterial: (sha256: string | null, page: number) => void;
  /**
   * The comment editor that has focus registers itself; "cite this page" calls it. Register on focus and pass null
   * on unmount — not on blur: pressing the cite button moves the focus out of the editor first.
   */
  readonly registerCiteTarget: (fn: CiteTarget | null) => void;
}

const noMaterials: MaterialsApi = {
  available: false,
  openMaterial: () => undefined,
  registerCiteTarget: () => undefined,
};

const MaterialsContext = createContext<MaterialsApi>(noMaterials);

export interface OpenRequest {
  readonly sha256: string | null;
  readonly page: number;
  /** Bumped by every openMaterial call, so opening the same page again still moves there. */
  readonly nonce: number;
}

/** What the materials panel and the dock share inside a provider. */
export interface MaterialsState {
  readonly assignmentId: string;
  readonly applicantId: string;
  readonly materials: AsyncState<readonly AssignmentMaterial[]>;
  readonly hasCiteTarget: boolean;
  readonly cite: (cite: MaterialCite) => boolean;
}

const MaterialsStateContext = createContext<MaterialsState | undefined>(undefined);

export function useMaterials(): MaterialsApi {
  return useContext(MaterialsContext);
}

/** The provider's shared state, or undefined outside one (the panel then renders nothing). */
export function useMaterialsState(): MaterialsState | undefined {
  return useContext(MaterialsStateContext);
}

function normalPage(page: number): number {
  return Number.isFinite(page) && page >= 1 ? Math.trunc(page) : 1;
}

/**
 * Gives the pages below it the materials of one applicant of one assignment, and shows the viewer dock when a
 * material is opened. Focus goes back to where it was when the dock closes.
 */
export function MaterialsProvider({
  assignmentId,
  applicantId,
  children,
}: {
  assignmentId: string;
  applicantId: string;
  children: ReactNode;
}) {
  const { db, now } = useServices();
  const materials = useAsync(
    () => loadApplicantMaterials(db, assignmentId, applicantId, now),
    [db, assignmentId, applicantId, now],
  );
  const [request, setRequest] = useState<OpenRequest | null>(null);
  const [hasCiteTarget, setHasCiteTarget] = useState(false);
  // A ref, not state: an editor re-registering a new closure on every render must not re-render the page.
  const citeTarget = useRef<CiteTarget | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const nonce = useRef(0);

  const api = useMemo<MaterialsApi>(
    () => ({
      available: true,
      openMaterial: (sha256, page) => {
        const active = document.activeElement;
        if (active instanceof HTMLElement && active.closest('.materials-dock') === null) returnFocus.current = active;
        nonce.current += 1;
        setRequest({ sha256, page: normalPage(page), nonce: nonce.current });
      },
      registerCiteTarget: (fn) => {
        citeTarget.current = fn;
        setHasCiteTarget(fn !== null);
      },
    }),
    [],
  );

  const cite = useCallback((value: MaterialCite): boolean => {
    const target = citeTarget.current;
    if (target === null) return false;
    target(value);
    return true;
  }, []);

  const close = useCallback(() => setRequest(null), []);

  useEffect(() => {
    if (request !== null) return;
    const element = returnFocus.current;
    returnFocus.current = null;
    if (element?.isConnected === true) element.focus();
  }, [request]);

  const state = useMemo<MaterialsState>(
    () => ({ assignmentId, applicantId, materials, hasCiteTarget, cite }),
    [assignmentId, applicantId, materials, hasCiteTarget, cite],
  );

  return (
    <MaterialsContext.Provider value={api}>
      <MaterialsStateContext.Provider value={state}>
        {children}
        {request !== null && <MaterialViewerDock request={request} state={state} onClose={close} />}
      </MaterialsStateContext.Provider>
    </MaterialsContext.Provider>
  );
}
