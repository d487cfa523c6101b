// Worker entry: loads the TypeScript decoder through tsx (the thread does not inherit the main thread's loader).
import { register } from 'tsx/esm/api';

register();
await import('./decode-worker.ts');
