import { createRoot } from 'react-dom/client';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<main><h1>All actions</h1></main>);
