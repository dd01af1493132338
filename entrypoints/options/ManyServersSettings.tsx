import { useEffect, useState } from 'react';
import { textsOf } from '@/lib/i18n';
import { useOptionsStore } from './store';

const t = textsOf('options');

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
      <h2 id="many-servers-heading">{t('badgeTitle')}</h2>
      <fieldset>
        <legend>{t('badgeLegend')}</legend>
        <label className="check">
          <input type="radio" name="badge-scope" checked={scope === 'default'} onChange={() => save({ badgeScope: 'default' }, t('badgeDefaultSaved'))} />
          <span>{t('badgeDefault')}</span>
        </label>
        <label className="check">
          <input type="radio" name="badge-scope" checked={scope === 'all'} onChange={() => save({ badgeScope: 'all' }, t('badgeAllSaved'))} />
          <span>{t('badgeAll')}</span>
        </label>
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={sync}
          onChange={(e) => save({ syncServers: e.target.checked }, e.target.checked ? t('syncOnSaved') : t('syncOffSaved'))}
        />
        <span>{t('syncLabel')}</span>
      </label>
      <p className="hint">
        {t('syncHint')}
      </p>
      {saved && <p role="status" className="hint">{saved}</p>}
    </section>
  );
}
