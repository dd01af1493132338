import { useId } from 'react';
import { textsOf } from '@/lib/i18n';

const t = textsOf('common');

/** A full-tab page's server picker (All actions, Campaigns): shown once there is a server. */
export function ServerChoice({ profiles, value, onChoose }: { profiles: ReadonlyArray<{ id: string; name: string }>; value: string | null | undefined; onChoose(profileId: string): void }) {
  const id = useId();
  if (profiles.length === 0) return null;
  return (
    <div className="server-choice">
      <label htmlFor={id}>{t('server')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChoose(e.target.value)}>
        {profiles.map((profile) => <option key={profile.id} value={profile.id}>{profile.name}</option>)}
      </select>
    </div>
  );
}
