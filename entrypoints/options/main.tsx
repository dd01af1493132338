import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './options.css';
import { OptionsApp } from './OptionsApp';
import { useOptionsStore } from './store';

void useOptionsStore.getState().load();
createRoot(document.getElementById('root')!).render(<OptionsApp />);
