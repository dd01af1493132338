import { useEffect, useId, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { readChecked, templatesItem, watchChecked, type MessageTemplate } from '@/lib/storage';
import { byName, checkTemplate, MAX_TEMPLATES, TEMPLATE_NAME_LIMIT, TEMPLATE_TEXT_LIMIT, variablesOf, withTemplate } from '@/lib/templates';
import { changeTemplates } from './templates-store';
import './templates.css';

/**
 * The templates section of the options page (options.html#templates): saved messages with variables ({{name}}, {{name|fallback}}), used from the
 * composer ("Insert template"), the address bar (`wa <number> /<name>`) and the right-click send
 * windows. Add, edit, rename, delete (asks first).
 */

type Editing = { id?: string; focus: 'name' | 'text' } | null;

function TemplateForm({ templates, editing, onDone }: { templates: MessageTemplate[]; editing: NonNullable<Editing>; onDone: (saved?: string) => void }) {
  const current = templates.find((t) => t.id === editing.id);
  const [name, setName] = useState(current?.name ?? '');
  const [text, setText] = useState(current?.text ?? '');
  const [tried, setTried] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const ids = { name: useId(), text: useId(), nameHelp: useId(), textHelp: useId() };
  const nameRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => (editing.focus === 'name' ? nameRef : textRef).current?.focus(), [editing.focus]);
  const check = checkTemplate({ name, text }, templates, editing.id);
  const errors = tried && !check.ok ? check.errors : {};
  const variables = variablesOf(text);

  async function save() {
    setTried(true);
    if (!check.ok) return;
    const id = editing.id ?? crypto.randomUUID();
    const saved = await changeTemplates((list) => {
      // Checked again on the list as stored now: another page may have added the same name.
      const again = checkTemplate({ name: check.name, text: check.text }, list, editing.id);
      return again.ok ? withTemplate(list, { id, name: again.name, text: again.text }, Date.now()) : list;
    });
    if (!saved.ok) return setSaveError(saved.message);
    onDone(check.name);
  }

  return (
    <form className="template-form" aria-label={current ? `Edit template ${current.name}` : 'New template'} noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2>{current ? `Edit “${current.name}”` : 'New template'}</h2>
      <div className="field">
        <label htmlFor={ids.name}>Name</label>
        <input id={ids.name} ref={nameRef} value={name} maxLength={TEMPLATE_NAME_LIMIT + 20} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} aria-describedby={ids.nameHelp} />
        <span id={ids.nameHelp} className={errors.name ? 'error-text' : 'hint'}>
          {errors.name ?? 'In the address bar: wa <number> /<name>, e.g. wa +62 812 3456 7890 /welcome'}
        </span>
      </div>
      <div className="field">
        <label htmlFor={ids.text}>Message</label>
        <textarea id={ids.text} ref={textRef} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!!errors.text} aria-describedby={ids.textHelp} />
        <span id={ids.textHelp} className={errors.text ? 'error-text' : 'hint'}>
          {errors.text ?? `Variables: {{name}}, or {{name|there}} with a word for when it has no value. At most ${TEMPLATE_TEXT_LIMIT.toLocaleString('en-US')} characters.`}
        </span>
      </div>
      {variables.length > 0 && (
        <p className="hint">
          Variables: {variables.map((v) => (v.fallback !== undefined ? `${v.name} (else “${v.fallback}”)` : v.name)).join(', ')}
        </p>
      )}
      {saveError && <p className="error-text" role="alert">{saveError}</p>}
      <div className="actions">
        <button type="submit" className="primary">Save template</button>
        <button type="button" onClick={() => onDone()}>Cancel</button>
      </div>
    </form>
  );
}

export default function TemplatesSection() {
  const [templates, setTemplates] = useState<MessageTemplate[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<MessageTemplate | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    void readChecked(templatesItem).then(setTemplates);
    return watchChecked(templatesItem, (next) => setTemplates(next));
  }, []);
  useEffect(() => {
    // Opened from the popup or a send window: options.html#templates.
    if (templates && location.hash === '#templates') document.getElementById('templates')?.scrollIntoView();
  }, [!templates]);
  if (!templates) return <section className="card templates" id="templates" aria-busy="true" />;

  async function remove(template: MessageTemplate) {
    setDeleting(null);
    const done = await changeTemplates((list) => list.filter((t) => t.id !== template.id));
    setStatus(done.ok ? { tone: 'ok', text: `Template “${template.name}” deleted.` } : { tone: 'error', text: done.message });
  }

  const sorted = byName(templates);
  return (
    <section className="card templates" id="templates" aria-labelledby="templates-heading">
      <h2 id="templates-heading">Message templates</h2>
      <p className="hint">
        Saved messages with variables, e.g. <code>Hello {'{{name|there}}'}, your order {'{{order}}'} is ready</code>. Use them from the composer’s “Insert
        template”, from the address bar (<code>wa &lt;number&gt; /&lt;template name&gt;</code>) and from the right-click “Send … to” windows; a variable without a
        value or fallback is asked for before anything is sent.
      </p>
      {status && (
        <p className={`banner ${status.tone}`} role={status.tone === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      {editing ? (
        <TemplateForm
          key={editing.id ?? 'new'}
          templates={templates}
          editing={editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setStatus({ tone: 'ok', text: `Template “${saved}” saved.` });
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" className="primary" disabled={templates.length >= MAX_TEMPLATES} onClick={() => { setStatus(null); setEditing({ focus: 'name' }); }}>
            Add template
          </button>
        </div>
      )}
      {sorted.length === 0 ? (
        <p className="empty">No templates yet. Add one: a name (e.g. “welcome”) and its message.</p>
      ) : (
        <ul className="templates-list" aria-label={`Templates (${sorted.length})`}>
          {sorted.map((template) => (
            <li key={template.id} className="card" aria-label={template.name}>
              <h3>{template.name}</h3>
              <p className="template-text">{template.text}</p>
              <div className="actions">
                <button type="button" aria-label={`Edit ${template.name}`} onClick={() => { setStatus(null); setEditing({ id: template.id, focus: 'text' }); }}>Edit</button>
                <button type="button" aria-label={`Rename ${template.name}`} onClick={() => { setStatus(null); setEditing({ id: template.id, focus: 'name' }); }}>Rename</button>
                <button type="button" className="danger" aria-label={`Delete ${template.name}`} onClick={() => setDeleting(template)}>Delete</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog title={`Delete the template “${deleting.name}”?`} confirmLabel="Delete template" onConfirm={() => void remove(deleting)} onCancel={() => setDeleting(null)}>
          <p>It is removed from the composer, the address bar and the send windows. Messages already sent or scheduled with it are not changed.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
