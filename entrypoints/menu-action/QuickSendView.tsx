import { useEffect, useState } from 'react';
import { displayNumber, parseOmniboxInput } from '@/lib/omnibox';
import { readChecked, settingsItem } from '@/lib/storage';
import { Outcome } from './Outcome';
import { ServerPicker } from './ServerPicker';
import type { ServerChoice } from './use-server-choice';
import { useSend } from './use-send';

/**
 * `wa <number> <message>` from the address bar: the question, with the default server's first open
 * session preselected (changeable), then Send or Cancel. Nothing is sent before Send.
 */
export function QuickSendView({ typed, choice }: { typed: string; choice: ServerChoice }) {
  const [country, setCountry] = useState<string | null>(null);
  const sending = useSend('send-text');
  const { working, outcome } = sending;
  useEffect(() => void readChecked(settingsItem).then((s) => setCountry(s.defaultCountryCode)), []);
  if (country === null) return <p className="hint" aria-busy="true">Reading what you typed…</p>;

  const parsed = parseOmniboxInput(typed, country);
  if (!parsed.ok) {
    return (
      <>
        <p className="banner error" role="alert">Nothing was sent. {parsed.message}</p>
        <p className="hint">You typed: <span className="mono">wa {typed}</span>. Type <span className="mono">wa</span>, a space, the number and your message in the address bar again.</p>
      </>
    );
  }

  const { profileId, profileName, sessionId } = choice;
  const number = displayNumber(parsed.digits);
  const send = () => {
    if (!profileId || !sessionId) return;
    void sending.send({ profileId, sessionId, to: parsed.digits, label: number, sentWords: 'Sent to', notSentWords: 'The message was not sent to' }, 'postMessagesSendText', { sessionId, to: parsed.digits, message: parsed.text });
  };

  return (
    <>
      <ServerPicker choice={choice} />
      {sessionId && (
        <section className="card" aria-label="Confirm sending">
          <p className="question">
            Send “<span className="selection">{parsed.text}</span>” to <strong className="mono">{number}</strong> from session “{sessionId}” of server “{profileName}”?
          </p>
          {sending.unsureView}
          {!outcome?.ok && !sending.unsure && (
            <div className="actions">
              <button type="button" className="primary" disabled={working} onClick={send}>
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
