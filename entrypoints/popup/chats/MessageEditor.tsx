import { useId, useState } from 'react';

/** The new text of an edited message; an empty text is refused before anything is sent. */
export function MessageEditor({ initial, busy, onSave, onCancel }: { initial: string; busy: boolean; onSave: (text: string) => Promise<void>; onCancel: () => void }) {
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const problemId = useId();
  return (
    <form
      className="inline-editor"
      aria-label="Edit message"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return setProblem('Type the new text of the message (it cannot be empty).');
        if (text === initial) return setProblem('The text is unchanged: change it, or cancel.');
        setProblem(null);
        void onSave(text);
      }}
    >
      <label htmlFor={fieldId}>New text</label>
      <textarea id={fieldId} rows={2} autoFocus value={text} aria-invalid={!!problem} aria-describedby={problem ? problemId : undefined} onChange={(e) => setText(e.target.value)} />
      {problem && <p id={problemId} className="error-text" role="alert">{problem}</p>}
      <div className="actions compact">
        <button type="submit" className="small primary" disabled={busy}>Save edit</button>
        <button type="button" className="small" onClick={onCancel}>Cancel edit</button>
      </div>
    </form>
  );
}
