import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { followThemeSetting } from '@/lib/ui/look';
import './menu-action.css';
import { MenuActionApp } from './MenuActionApp';

followThemeSetting();
createRoot(document.getElementById('root')!).render(<MenuActionApp />);
