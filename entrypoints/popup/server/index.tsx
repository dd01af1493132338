import { useState, type ReactNode } from 'react';
import { ServerCpu } from './ServerCpu';
import { ServerRestart } from './ServerRestart';
import { ServerInfo, ServerStatus } from './ServerStatus';
import { activeProfile, useProfileChoice } from '@/lib/ui/profile-choice';
import { readPing } from '@/lib/answers/server';
import { useAnswer } from '../shared/answer-parts';
import { usePopupStore } from '../shared/store';
import '../shared/sections.css';
import './server.css';
import { textsOf } from '@/lib/i18n';

const t = textsOf('server');
const common = textsOf('common');

/** Seconds after a restart before the view reads the server again (a restart takes a few). */
const AFTER_RESTART_MS = 5000;

export type ServerView = { name: 'server' };

/**
 * The active server's status, details, CPU history and restart controls. Its own chunk, loaded
 * when first shown (../features.ts).
 */
export default function ServerScreen(_props: { view: ServerView }): ReactNode {
  const show = usePopupStore((s) => s.show);
  const serverName = useProfileChoice((s) => activeProfile(s)?.name ?? t('thisServer'));
  // Bumping the round reads everything again.
  const [round, setRound] = useState(0);
  const again = () => setRound((n) => n + 1);
  // One ping for the status and for the restart form's time zone (the server's own, as it says).
  const ping = useAnswer('getServerPing', {}, String(round));
  const serverZone = ping.data ? readPing(ping.data).timezone : undefined;
  return (
    <section className="panel profile-panel" aria-label={common('server')}>
      <div className="view-head">
        <button type="button" className="small" onClick={() => show({ name: 'list' })}><span aria-hidden="true">← </span>{t('backToSessions')}</button>
      </div>
      <h2>{t('heading', { server: serverName })}</h2>
      <div className="actions compact">
        <button type="button" onClick={again}>{t('checkAgain')}</button>
      </div>
      <ServerStatus round={round} serverName={serverName} ping={ping} />
      <ServerInfo round={round} serverName={serverName} />
      <ServerCpu round={round} serverName={serverName} />
      <ServerRestart serverName={serverName} serverZone={serverZone} onRestarted={() => setTimeout(again, AFTER_RESTART_MS)} />
    </section>
  );
}
