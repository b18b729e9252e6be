import { openStore, type Store } from '@parallax/store';
import type { WorkerConfig } from './config';
import { type FleetLogger, type FleetService, startFleetService } from './service';

export interface WorkerProcess {
  service: FleetService;
  store: Store;
  /** Graceful: stop taking jobs, finish those in flight, close the store. Idempotent. */
  close(): Promise<void>;
}

/** What every worker app does once configured: open the store, then serve the stages on it. */
export async function startWorkerProcess(config: WorkerConfig, logger?: FleetLogger): Promise<WorkerProcess> {
  const store = await openStore(config.store);
  let service: FleetService;
  try {
    service = await startFleetService({ ...config.service, store, logger });
  } catch (error) {
    await store.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    service,
    store,
    close() {
      closing ??= service.close().finally(() => store.close());
      return closing;
    },
  };
}
