export { type FailedJob, FleetClient, type FleetProgress } from './client';
export { redisConnection } from './connection';
export { RedisHostLimiter } from './host-limiter';
export {
  CompareResult,
  DiscoverJob,
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
export { type FleetRunOptions, runOnFleet } from './run-on-fleet';
export {
  DEFAULT_CONCURRENCY,
  type StageWorkers,
  type StageWorkersOptions,
  startStageWorkers,
} from './workers';
