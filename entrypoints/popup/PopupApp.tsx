import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { profilesItem, readChecked, type ProfilesState } from '@/lib/stored-state';

/** The toolbar popup. Until the sessions view lands, it points a new user to the options page. */
export function PopupApp() {
  const [state, setState] = useState<ProfilesState | null>(null);
  useEffect(() => {
    void readChecked(profilesItem).then(setState);
  }, []);
  const profile = state?.profiles.find((p) => p.id === state.defaultProfileId);
  return (
    <main style={{ width: 320, padding: 16 }}>
      <h1>WARest Companion</h1>
      {state && !profile && <p>No server set up yet. Add your WARest server to get started.</p>}
      {profile && (
        <p>
          Server: <strong>{profile.name}</strong> <span className="hint">{profile.baseUrl}</span>
        </p>
      )}
      <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        {profile ? 'Servers and settings' : 'Add a server'}
      </button>
    </main>
  );
}
