export { type AppContext, type RunningApp, runApp } from './app';
export { type HealthServer, startHealthServer } from './health-server';
export { type AppLogger, createAppLogger } from './logger';
export { homeDir, loadOptions, OPTIONS, type OptionFlags, type ParallaxOptions, userCwd } from './options';
export { DrainTimeout, drain, untilStopped } from './signals';
