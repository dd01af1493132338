import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { followThemeSetting } from '@/lib/ui/look';
import './options.css';
import { OptionsApp } from './OptionsApp';
import { useOptionsStore } from './store';

void useOptionsStore.getState().load();
followThemeSetting();
createRoot(document.getElementById('root')!).render(<OptionsApp />);
