import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { startPageLanguage } from '@/lib/ui/language';
import { followThemeSetting } from '@/lib/ui/look';
import './campaigns.css';
import { CampaignsApp } from './CampaignsApp';
import { useCampaignsStore } from './store';
import { t } from './words';

void useCampaignsStore.getState().load();
followThemeSetting();
// Resolves at once unless the settings chose a language other than the browser's.
await startPageLanguage();
document.title = t('pageTitle');
createRoot(document.getElementById('root')!).render(<CampaignsApp />);
