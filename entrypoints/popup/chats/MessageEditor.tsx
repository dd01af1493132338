import { useId, useState } from 'react';
import { textsOf } from '@/lib/i18n';

const t = textsOf('chats');

/** The new text of an edited message; an empty text is refused before anything is sent. */
export function MessageEditor({ initial, busy, onSave, onCancel }: { initial: string; busy: boolean; onSave: (text: string) => Promise<void>; onCancel: () => void }) {
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const problemId = useId();
  return (
    <form
      className="inline-editor"
      aria-label={t('editMessage')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return setProblem(t('editEmpty'));
        if (text === initial) return setProblem(t('editUnchanged'));
        setProblem(null);
        void onSave(text);
      }}
    >
      <label htmlFor={fieldId}>{t('newText')}</label>
      <textarea id={fieldId} rows={2} autoFocus value={text} aria-invalid={!!problem} aria-describedby={problem ? problemId : undefined} onChange={(e) => setText(e.target.value)} />
      {problem && <p id={problemId} className="error-text" role="alert">{problem}</p>}
      <div className="actions compact">
        <button type="submit" className="small primary" disabled={busy}>{t('saveEdit')}</button>
        <button type="button" className="small" onClick={onCancel}>{t('cancelEdit')}</button>
      </div>
    </form>
  );
}
