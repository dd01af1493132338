import { useEffect, useState } from 'react';
import { displayNumber, parseOmniboxInput } from '@/lib/omnibox';
import { readChecked, settingsItem } from '@/lib/stored-state';
import { notify } from './api';
import { Outcome, type OutcomeState } from './Outcome';
import { rememberRecipient, sendOne } from './send-actions';
import { ServerPicker } from './ServerPicker';
import type { ServerChoice } from './use-server-choice';

/**
 * `wa <number> <message>` from the address bar: the question, with the default server's first open
 * session preselected (changeable), then Send or Cancel. Nothing is sent before Send.
 */
export function QuickSendView({ typed, choice }: { typed: string; choice: ServerChoice }) {
  const [country, setCountry] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeState | null>(null);
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
  const send = async () => {
    if (!profileId || !sessionId) return;
    setWorking(true);
    const result = await sendOne(profileId, 'postMessagesSendText', { sessionId, to: parsed.digits, message: parsed.text });
    setWorking(false);
    if (result.ok) {
      const text = `Sent to ${number} from “${sessionId}”.${result.messageId ? ` Message ID: ${result.messageId}` : ''}`;
      setOutcome({ ok: true, text });
      await rememberRecipient(parsed.digits);
      await notify('send-text', true, `Message sent to ${number}`, text);
    } else {
      const text = `The message to ${number} was not sent. ${result.message}`;
      setOutcome({ ok: false, text });
      await notify('send-text', false, `Message to ${number} not sent`, text);
    }
  };

  return (
    <>
      <ServerPicker choice={choice} />
      {sessionId && (
        <section className="card" aria-label="Confirm sending">
          <p className="question">
            Send “<span className="selection">{parsed.text}</span>” to <strong className="mono">{number}</strong> from session “{sessionId}” of server “{profileName}”?
          </p>
          {!outcome?.ok && (
            <div className="actions">
              <button type="button" className="primary" disabled={working} onClick={() => void send()}>
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
