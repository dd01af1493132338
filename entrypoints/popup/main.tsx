import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { followThemeSetting } from '@/lib/ui/look';
import './popup.css';
import { PopupApp } from './PopupApp';
import { usePopupStore } from './shared/store';

// Start reading storage before React mounts: the first paint shows the last known sessions.
void usePopupStore.getState().load();
followThemeSetting();
createRoot(document.getElementById('root')!).render(<PopupApp />);
