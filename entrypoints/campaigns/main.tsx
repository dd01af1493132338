import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './campaigns.css';
import { CampaignsApp } from './CampaignsApp';
import { useCampaignsStore } from './store';

void useCampaignsStore.getState().load();
createRoot(document.getElementById('root')!).render(<CampaignsApp />);
