import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { startPageLanguage } from '@/lib/ui/language';
import { followThemeSetting } from '@/lib/ui/look';
import './popup.css';
import { PopupApp } from './PopupApp';
import { usePopupStore } from './shared/store';

// Start reading storage before React mounts: the first paint shows the last known sessions.
void usePopupStore.getState().load();
followThemeSetting();
// Resolves at once unless the settings chose a language other than the browser's.
await startPageLanguage();
createRoot(document.getElementById('root')!).render(<PopupApp />);
