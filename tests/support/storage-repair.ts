import { setRepairLoader } from '@/lib/storage/checked';
import * as repair from '@/lib/storage/repair';

// Unit tests run background and page modules in one Node context: the repair is registered
// statically, as the service worker does (entrypoints/background/index.ts).
setRepairLoader(() => Promise.resolve(repair));
