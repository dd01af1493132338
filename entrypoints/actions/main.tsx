import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { startPageLanguage } from '@/lib/ui/language';
import { followThemeSetting } from '@/lib/ui/look';
import './actions.css';
import { ActionsApp } from './ActionsApp';
import { useExplorerStore } from './store';

void useExplorerStore.getState().load();
followThemeSetting();
// Resolves at once unless the settings chose a language other than the browser's.
await startPageLanguage();
createRoot(document.getElementById('root')!).render(<ActionsApp />);
