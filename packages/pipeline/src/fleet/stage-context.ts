import type { FetchOptions, HostLimiter } from '@parallax/fetch';
import type { Store } from '@parallax/store';
import type { FlowProducer, Queue } from 'bullmq';
import type { ProcessedDocument } from '../stages';
import type { HandoffCache } from './handoff';
import type { JobPolicy } from './policy';

/**
 * What every stage's processor is handed (the workers build one per process). Its own module, as
 * BullMQ keeps its interfaces apart from the classes: the stages import it, never each other for it.
 */
export interface StageContext {
  store: Store;
  fetch: FetchOptions;
  /** Shared per-host politeness; absent = no limit beyond the fetch options' own. */
  hostLimiter?: HostLimiter;
  flows: FlowProducer;
  compareQueue: Queue;
  policy: JobPolicy;
  now: () => Date;
  /** The workers' job lock, in ms (see compareStage). */
  lockDurationMs: number;
  /** Every fetch's HTTP status (0 when no response came back), for metrics. */
  onFetchStatus?: (status: number) => void;
  /** What this process's stages hand each other (see HandoffCache); absent = always read the store. */
  handoff?: StageHandoff;
}

interface StageHandoff {
  /** Stored snapshots by sha256: fetch → extract. */
  snapshots: HandoffCache<{ contentType: string | null; body: Uint8Array }>;
  /** Stored documents by run and id (handoffKey): extract → compare. */
  documents: HandoffCache<ProcessedDocument>;
}
