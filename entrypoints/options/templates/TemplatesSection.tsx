import { useEffect, useId, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { readChecked, templatesItem, watchChecked, type MessageTemplate } from '@/lib/storage';
import { byName, checkTemplate, MAX_TEMPLATES, TEMPLATE_NAME_LIMIT, TEMPLATE_TEXT_LIMIT, variablesOf, withTemplate } from '@/lib/templates';
import { changeTemplates } from './templates-store';
import { currentLanguage, textsOf } from '@/lib/i18n';
import { rich } from '../rich';
import './templates.css';

const t = textsOf('options');
const common = textsOf('common');

/**
 * The templates section of the options page (options.html#templates): saved messages with variables ({{name}}, {{name|fallback}}), used from the
 * composer ("Insert template"), the address bar (`wa <number> /<name>`) and the right-click send
 * windows. Add, edit, rename, delete (asks first).
 */

type Editing = { id?: string; focus: 'name' | 'text' } | null;

function TemplateForm({ templates, editing, onDone }: { templates: MessageTemplate[]; editing: NonNullable<Editing>; onDone: (saved?: string) => void }) {
  const current = templates.find((item) => item.id === editing.id);
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
    <form className="template-form" aria-label={current ? t('editTemplateLabel', { name: current.name }) : t('newTemplate')} noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2>{current ? t('editTemplateTitle', { name: current.name }) : t('newTemplate')}</h2>
      <div className="field">
        <label htmlFor={ids.name}>{t('name')}</label>
        <input id={ids.name} ref={nameRef} value={name} maxLength={TEMPLATE_NAME_LIMIT + 20} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} aria-describedby={ids.nameHelp} />
        <span id={ids.nameHelp} className={errors.name ? 'error-text' : 'hint'}>
          {errors.name ?? t('templateNameHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={ids.text}>{t('message')}</label>
        <textarea id={ids.text} ref={textRef} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!!errors.text} aria-describedby={ids.textHelp} />
        <span id={ids.textHelp} className={errors.text ? 'error-text' : 'hint'}>
          {errors.text ?? t('templateTextHint', { max: TEMPLATE_TEXT_LIMIT.toLocaleString(currentLanguage()) })}
        </span>
      </div>
      {variables.length > 0 && (
        <p className="hint">
          {t('variablesFound', { list: variables.map((v) => (v.fallback !== undefined ? t('variableWithFallback', { name: v.name, fallback: v.fallback }) : v.name)).join(', ') })}
        </p>
      )}
      {saveError && <p className="error-text" role="alert">{saveError}</p>}
      <div className="actions">
        <button type="submit" className="primary">{t('saveTemplate')}</button>
        <button type="button" onClick={() => onDone()}>{common('cancel')}</button>
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
    const done = await changeTemplates((list) => list.filter((item) => item.id !== template.id));
    setStatus(done.ok ? { tone: 'ok', text: t('templateDeleted', { name: template.name }) } : { tone: 'error', text: done.message });
  }

  const sorted = byName(templates);
  return (
    <section className="card templates" id="templates" aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t('templatesTitle')}</h2>
      <p className="hint">
        {rich(t('templatesHint'), { example: <code>{t('templatesExample')}</code>, command: <code>{t('templatesCommand')}</code> })}
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
            if (saved) setStatus({ tone: 'ok', text: t('templateSaved', { name: saved }) });
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" className="primary" disabled={templates.length >= MAX_TEMPLATES} onClick={() => { setStatus(null); setEditing({ focus: 'name' }); }}>
            {t('addTemplate')}
          </button>
        </div>
      )}
      {sorted.length === 0 ? (
        <p className="empty">{t('noTemplatesYet')}</p>
      ) : (
        <ul className="templates-list" aria-label={t('templatesCount', { count: sorted.length })}>
          {sorted.map((template) => (
            <li key={template.id} className="card" aria-label={template.name}>
              <h3>{template.name}</h3>
              <p className="template-text">{template.text}</p>
              <div className="actions">
                <button type="button" aria-label={t('editNamed', { name: template.name })} onClick={() => { setStatus(null); setEditing({ id: template.id, focus: 'text' }); }}>{t('edit')}</button>
                <button type="button" aria-label={t('renameNamed', { name: template.name })} onClick={() => { setStatus(null); setEditing({ id: template.id, focus: 'name' }); }}>{t('rename')}</button>
                <button type="button" className="danger" aria-label={t('deleteNamed', { name: template.name })} onClick={() => setDeleting(template)}>{t('delete')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog title={t('deleteTitle', { name: deleting.name })} confirmLabel={t('deleteTemplate')} onConfirm={() => void remove(deleting)} onCancel={() => setDeleting(null)}>
          <p>{t('deleteBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
