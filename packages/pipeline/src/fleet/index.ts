export { type FailedJob, FleetClient, type FleetProgress } from './client';
export {
  parseStages,
  type StoreLocation,
  type WorkerConfig,
  type WorkerOptions,
  workerConfig,
} from './config';
export { redisConnection } from './connection';
export { discoverSource, type SourceDiscovery } from './discovery-stage';
export { RedisHostLimiter } from './host-limiter';
export { FleetMetrics } from './metrics';
export {
  CompareResult,
  DiscoverJob,
  DiscoverResult,
  ExtractJob,
  ExtractResult,
  FetchJob,
  FetchResult,
  jobIds,
  QUEUES,
  STAGES,
  type Stage,
} from './payloads';
export { DEFAULT_JOB_POLICY, type JobPolicy } from './policy';
export { type RobotsAgent, RobotsGate } from './robots-gate';
export { type FleetRunOptions, runOnFleet } from './run-on-fleet';
export { RunSummary } from './runs';
export { enqueueSourceRun, type ScheduleSync, syncSchedules } from './scheduler';
export { type FleetLogger, type FleetService, type FleetServiceOptions, startFleetService } from './service';
export {
  DiscoverySummary,
  isSourceDiscoverJob,
  SourceDiscoverJob,
  SourceToDiscover,
  sourceToDiscover,
} from './source-job';
export { startWorkerProcess, type WorkerProcess } from './worker-process';
export {
  DEFAULT_CONCURRENCY,
  type StageWorkers,
  type StageWorkersOptions,
  startStageWorkers,
} from './workers';
