import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { startPageLanguage } from '@/lib/ui/language';
import { followThemeSetting } from '@/lib/ui/look';
import './options.css';
import { OptionsApp } from './OptionsApp';
import { useOptionsStore } from './store';
import { textsOf } from '@/lib/i18n';

void useOptionsStore.getState().load();
followThemeSetting();
// Resolves at once unless the settings chose a language other than the browser's.
await startPageLanguage();
document.title = textsOf('options')('pageTitle');
createRoot(document.getElementById('root')!).render(<OptionsApp />);
