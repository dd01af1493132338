import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { followThemeSetting } from '@/lib/ui/look';
import './actions.css';
import { ActionsApp } from './ActionsApp';
import { useExplorerStore } from './store';

void useExplorerStore.getState().load();
followThemeSetting();
createRoot(document.getElementById('root')!).render(<ActionsApp />);
