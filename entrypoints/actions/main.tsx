import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './actions.css';
import { ActionsApp } from './ActionsApp';
import { useExplorerStore } from './store';

void useExplorerStore.getState().load();
createRoot(document.getElementById('root')!).render(<ActionsApp />);
