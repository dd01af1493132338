import { setRepairLoader } from '@/lib/storage/checked';

// Unit tests run background and page modules in one Node context, where `import()` works; the
// worker registers its own (static) loader in entrypoints/background/index.ts.
setRepairLoader(() => import('@/lib/storage/repair'));
