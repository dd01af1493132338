import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { startPageLanguage } from '@/lib/ui/language';
import { followThemeSetting } from '@/lib/ui/look';
import './actions.css';
import { ActionsApp } from './ActionsApp';
import { useExplorerStore } from './store';
import { textsOf } from '@/lib/i18n';

void useExplorerStore.getState().load();
followThemeSetting();
// Resolves at once unless the settings chose a language other than the browser's.
await startPageLanguage();
document.title = textsOf('actions')('pageTitle');
createRoot(document.getElementById('root')!).render(<ActionsApp />);
