import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './templates.css';
import { TemplatesApp } from './TemplatesApp';

createRoot(document.getElementById('root')!).render(<TemplatesApp />);
