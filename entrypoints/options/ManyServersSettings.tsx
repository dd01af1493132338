import { useEffect, useState } from 'react';
import { useOptionsStore } from './store';

/**
 * Settings for people with several servers: what the toolbar badge counts, and whether the
 * server list follows the browser's sync. Each choice is saved as soon as it is made.
 */
export function ManyServersSettings() {
  const { settings, saveSettings } = useOptionsStore();
  const [saved, setSaved] = useState<string | null>(null);
  // The choice shows at once; the stored settings follow (and win when they change elsewhere).
  const [scope, setScope] = useState(settings.badgeScope ?? 'default');
  const [sync, setSync] = useState(settings.syncServers === true);
  useEffect(() => {
    setScope(settings.badgeScope ?? 'default');
    setSync(settings.syncServers === true);
  }, [settings.badgeScope, settings.syncServers]);
  const save = (changes: Parameters<typeof saveSettings>[0], words: string) => {
    setSaved(null);
    if (changes.badgeScope) setScope(changes.badgeScope);
    if (changes.syncServers !== undefined) setSync(changes.syncServers);
    void saveSettings(changes).then(() => setSaved(words));
  };
  return (
    <section className="card many-servers" aria-labelledby="many-servers-heading">
      <h2 id="many-servers-heading">Badge and sync</h2>
      <fieldset>
        <legend>Toolbar badge counts</legend>
        <label className="check">
          <input type="radio" name="badge-scope" checked={scope === 'default'} onChange={() => save({ badgeScope: 'default' }, 'The badge counts the default server’s sessions.')} />
          <span>The default server’s sessions only</span>
        </label>
        <label className="check">
          <input type="radio" name="badge-scope" checked={scope === 'all'} onChange={() => save({ badgeScope: 'all' }, 'The badge counts the sessions of every server.')} />
          <span>Sessions on all servers (the tooltip lists which)</span>
        </label>
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={sync}
          onChange={(e) => save({ syncServers: e.target.checked }, e.target.checked ? 'The server list now follows your browser’s sync.' : 'The server list no longer follows your browser’s sync.')}
        />
        <span>Sync the server list (names and addresses, never API keys) with your other browsers through the browser’s sync</span>
      </label>
      <p className="hint">
        Servers that arrive through sync appear here without a key and ask for one. Removing a server here does not remove it in your other browsers.
      </p>
      {saved && <p role="status" className="hint">{saved}</p>}
    </section>
  );
}
