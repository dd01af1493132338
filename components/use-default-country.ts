import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, readChecked, settingsItem, watchChecked } from '@/lib/storage';

/** The default country code from the settings, unless the caller gave one. */
export function useDefaultCountry(given?: string): string {
  const [stored, setStored] = useState(DEFAULT_SETTINGS.defaultCountryCode);
  useEffect(() => {
    if (given !== undefined) return;
    let live = true;
    void readChecked(settingsItem).then((settings) => live && setStored(settings.defaultCountryCode));
    // A code saved meanwhile (the one-click fix, the options page) applies at once.
    const stop = watchChecked(settingsItem, (settings) => setStored(settings.defaultCountryCode));
    return () => {
      live = false;
      stop();
    };
  }, [given]);
  return given ?? stored;
}
