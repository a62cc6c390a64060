import { useTestEnvironment } from './test-environment';

// The end-to-end tests get the same environment from global-setup.ts, before Jest starts its workers.
useTestEnvironment();
