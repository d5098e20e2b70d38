/**
 * What the scorebook needs of the applicant's materials viewer (issue 5 item 2). The viewer is another feature; the
 * app shell passes its context in (app.tsx), since feature folders do not import each other.
 */

/** A page "cited" from the viewer: the comment being written takes the page and, if it has no reference, the name. */
export interface Citation {
  readonly materialName: string;
  readonly page: number;
}

export type CiteTarget = (citation: Citation) => void;

export interface MaterialsLink {
  /** Opens a material at a page; null: the applicant's material the viewer shows (or its first). */
  readonly openMaterial: (sha256: string | null, page: number) => void;
  /** The comment that has focus registers itself (not undone on blur: the cite button takes the focus); null on unmount. */
  readonly registerCiteTarget: (target: CiteTarget | null) => void;
}
