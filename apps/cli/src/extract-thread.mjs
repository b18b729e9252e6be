// The entry of an `extract --jobs` worker thread. Node 20 does not run the CLI's `--import tsx` in a
// worker (nodejs/node#47747), so the thread registers tsx's loader itself, then loads its TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./extract-thread.ts');
