import { textsOf } from '@/lib/i18n';
import { useOptionsStore } from './store';

const t = textsOf('options');

export function ProfileList() {
  const { profiles, selected, select, withoutKey } = useOptionsStore();
  return (
    <nav className="profile-list" aria-label={t('serverProfiles')}>
      <ul>
        {profiles.profiles.map((profile) => (
          <li key={profile.id}>
            <button
              type="button"
              className={profile.id === selected ? 'current' : ''}
              aria-current={profile.id === selected ? 'true' : undefined}
              onClick={() => select(profile.id)}
            >
              <span className="profile-name">{profile.name}</span>
              {profile.id === profiles.defaultProfileId && <span className="badge">{t('default')}</span>}
              {withoutKey.includes(profile.id) && <span className="badge warn">{t('needsKey')}</span>}
              <span className="hint">{profile.baseUrl}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className={selected === 'new' ? 'current' : ''} onClick={() => select('new')}>
        {t('addServer')}
      </button>
    </nav>
  );
}
