import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './menu-action.css';
import { MenuActionApp } from './MenuActionApp';

createRoot(document.getElementById('root')!).render(<MenuActionApp />);
