import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { followThemeSetting } from '@/lib/ui/look';
import './campaigns.css';
import { CampaignsApp } from './CampaignsApp';
import { useCampaignsStore } from './store';

void useCampaignsStore.getState().load();
followThemeSetting();
createRoot(document.getElementById('root')!).render(<CampaignsApp />);
