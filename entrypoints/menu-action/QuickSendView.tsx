import { useEffect, useState } from 'react';
import { displayNumber, messageIntent, parseOmniboxInput } from '@/lib/omnibox';
import { findTemplate } from '@/lib/templates';
import { readChecked, settingsItem } from '@/lib/storage';
import { Outcome } from './Outcome';
import { ServerPicker } from './ServerPicker';
import type { ServerChoice } from './use-server-choice';
import { useSend } from './use-send';
import { useTemplates, useVariables, VariableInputs } from '@/components/TemplateTools';
import { withNodes } from './with-nodes';
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');
const common = textsOf('common');
/** The address bar's keyword (wxt.config.ts, omnibox), and the template mark: typed as is, not words. */
const KEYWORD = 'wa';
const SLASH = '/';

/**
 * `wa <number> <message>` from the address bar: the question, with the default server's first open
 * session preselected (changeable), then Send or Cancel. Nothing is sent before Send.
 */
export function QuickSendView({ typed, choice }: { typed: string; choice: ServerChoice }) {
  const [country, setCountry] = useState<string | null>(null);
  const sending = useSend('send-text');
  const { working, outcome } = sending;
  const templates = useTemplates();
  useEffect(() => void readChecked(settingsItem).then((s) => setCountry(s.defaultCountryCode)), []);
  const parsed = country === null ? null : parseOmniboxInput(typed, country);
  // `wa <number> /<name>`: a saved template, its variables filled in here before Send.
  const intent = parsed?.ok ? messageIntent(parsed.text) : undefined;
  const lookup = intent?.kind === 'template' && templates ? findTemplate(templates, intent.name) : undefined;
  const template = lookup?.ok ? lookup.template : undefined;
  const variables = useVariables(template?.text ?? '');
  if (!parsed || (intent?.kind === 'template' && !templates)) return <p className="hint" aria-busy="true">{t('readingTyped')}</p>;

  if (!parsed.ok) {
    return (
      <>
        <p className="banner error" role="alert">{t('nothingSent', { reason: parsed.message })}</p>
        <p className="hint">{withNodes(t('typedHint'), { typed: <span className="mono">{KEYWORD} {typed}</span>, keyword: <span className="mono">{KEYWORD}</span> })}</p>
      </>
    );
  }

  if (lookup && !lookup.ok) {
    return (
      <>
        <p className="banner error" role="alert">{t('nothingSent', { reason: lookup.message })}</p>
        <p className="hint">
          {withNodes(t('typedTemplateHint'), {
            typed: <span className="mono">{KEYWORD} {typed}</span>,
            keyword: <span className="mono">{KEYWORD}</span>,
            slash: <span className="mono">{SLASH}</span>,
            slashes: <span className="mono">{SLASH}{SLASH}</span>,
          })}
        </p>
      </>
    );
  }

  const { profileId, profileName, sessionId } = choice;
  const number = displayNumber(parsed.digits);
  const text = template ? (variables.filled.ok ? variables.filled.text : undefined) : intent?.kind === 'text' ? intent.text : parsed.text;
  const send = () => {
    if (!profileId || !sessionId || !text) return;
    void sending.send({ profileId, sessionId, to: parsed.digits, label: number, what: 'message' }, 'postMessagesSendText', { sessionId, to: parsed.digits, message: text });
  };

  return (
    <>
      <ServerPicker choice={choice} />
      {sessionId && (
        <section className="card" aria-label={t('confirmSending')}>
          {template && (
            <>
              <p className="hint">{t('templateName', { name: template.name })}</p>
              <VariableInputs text={template.text} {...variables} disabled={working || !!outcome?.ok} />
            </>
          )}
          <p className="question">
            {withNodes(t('quickQuestion', { session: sessionId, server: profileName }), {
              text: <span className="selection">{text ?? template?.text}</span>,
              number: <strong className="mono">{number}</strong>,
            })}
          </p>
          {sending.unsureView}
          {!outcome?.ok && !sending.unsure && (
            <div className="actions">
              <button type="button" className="primary" disabled={working || !text} onClick={send}>
                {working ? t('sending') : t('send')}
              </button>
              <button type="button" disabled={working} onClick={() => window.close()}>{common('cancel')}</button>
            </div>
          )}
        </section>
      )}
      {outcome && <Outcome outcome={outcome} />}
    </>
  );
}
