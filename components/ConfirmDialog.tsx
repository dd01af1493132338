import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * Asks before a destructive action. With `typeToConfirm`, the confirm button stays disabled
 * until the person types that exact text (used for deletions that cannot be undone).
 */
export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  typeToConfirm?: string;
}) {
  const { title, children, confirmLabel, onConfirm, onCancel, typeToConfirm } = props;
  const [typed, setTyped] = useState('');
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  // What had focus when it was asked for (read while rendering, before the dialog takes focus):
  // closing the dialog, by a button or Escape, gives focus back to it while it is still there.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [opener]);
  const blocked = typeToConfirm !== undefined && typed !== typeToConfirm;
  return (
    <dialog ref={dialogRef} className="confirm" role="alertdialog" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-body">{children}</div>
      {typeToConfirm !== undefined && (
        <label className="field">
          <span>Type “{typeToConfirm}” to confirm</span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel} autoFocus>Cancel</button>
        <button type="button" className="danger" disabled={blocked} onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </dialog>
  );
}
