import { useEffect, useState } from 'react';
import { displayNumber, messageIntent, parseOmniboxInput } from '@/lib/omnibox';
import { findTemplate } from '@/lib/templates';
import { readChecked, settingsItem } from '@/lib/storage';
import { Outcome } from './Outcome';
import { ServerPicker } from './ServerPicker';
import type { ServerChoice } from './use-server-choice';
import { useSend } from './use-send';
import { useTemplates, useVariables, VariableInputs } from '@/components/TemplateTools';

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
  if (!parsed || (intent?.kind === 'template' && !templates)) return <p className="hint" aria-busy="true">Reading what you typed…</p>;

  if (!parsed.ok) {
    return (
      <>
        <p className="banner error" role="alert">Nothing was sent. {parsed.message}</p>
        <p className="hint">You typed: <span className="mono">wa {typed}</span>. Type <span className="mono">wa</span>, a space, the number and your message in the address bar again.</p>
      </>
    );
  }

  if (lookup && !lookup.ok) {
    return (
      <>
        <p className="banner error" role="alert">Nothing was sent. {lookup.message}</p>
        <p className="hint">You typed: <span className="mono">wa {typed}</span>. Type <span className="mono">wa</span>, the number, then <span className="mono">/</span> and a template’s name (two slashes, <span className="mono">//</span>, send a text that starts with one).</p>
      </>
    );
  }

  const { profileId, profileName, sessionId } = choice;
  const number = displayNumber(parsed.digits);
  const text = template ? (variables.filled.ok ? variables.filled.text : undefined) : intent?.kind === 'text' ? intent.text : parsed.text;
  const send = () => {
    if (!profileId || !sessionId || !text) return;
    void sending.send({ profileId, sessionId, to: parsed.digits, label: number, sentWords: 'Sent to', notSentWords: 'The message was not sent to' }, 'postMessagesSendText', { sessionId, to: parsed.digits, message: text });
  };

  return (
    <>
      <ServerPicker choice={choice} />
      {sessionId && (
        <section className="card" aria-label="Confirm sending">
          {template && (
            <>
              <p className="hint">Template “{template.name}”</p>
              <VariableInputs text={template.text} {...variables} disabled={working || !!outcome?.ok} />
            </>
          )}
          <p className="question">
            Send “<span className="selection">{text ?? template?.text}</span>” to <strong className="mono">{number}</strong> from session “{sessionId}” of server “{profileName}”?
          </p>
          {sending.unsureView}
          {!outcome?.ok && !sending.unsure && (
            <div className="actions">
              <button type="button" className="primary" disabled={working || !text} onClick={send}>
                {working ? 'Sending…' : 'Send'}
              </button>
              <button type="button" disabled={working} onClick={() => window.close()}>Cancel</button>
            </div>
          )}
        </section>
      )}
      {outcome && <Outcome outcome={outcome} />}
    </>
  );
}
