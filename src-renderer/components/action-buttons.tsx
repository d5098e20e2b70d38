/** One action a table row offers: its visible text and the label that names the row it acts on. */
export interface RowButton {
  readonly text: string;
  readonly label: string;
  readonly onClick: () => void;
  /** The key the page moves focus back to after the action (data-focus-key). */
  readonly focusKey?: string;
  readonly primary?: boolean;
}

/** A row's action buttons, each named with its row (e.g. "Edit 王芳"), so a screen reader hears which row. */
export function ActionButtons({ buttons }: { buttons: readonly RowButton[] }) {
  return (
    <>
      {buttons.map((button) => (
        <button
          key={button.label}
          type="button"
          className={button.primary === true ? 'primary' : undefined}
          data-focus-key={button.focusKey}
          aria-label={button.label}
          onClick={button.onClick}
        >
          {button.text}
        </button>
      ))}
    </>
  );
}
