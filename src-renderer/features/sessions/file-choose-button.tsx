/**
 * A button-looking label around a visually hidden file input: Tab reaches the input, Enter or Space opens the
 * chooser, and the label names it. The input is cleared at once, so the same file can be chosen again.
 */
export function FileChooseButton({
  label,
  disabled,
  onFiles,
}: {
  label: string;
  disabled: boolean;
  onFiles: (files: File[]) => void;
}) {
  return (
    <label className="button import-button file-choose">
      {label}
      <input
        type="file"
        multiple
        className="visually-hidden"
        disabled={disabled}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </label>
  );
}
