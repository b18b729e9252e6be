export { type Catalog, ReportCatalog, type ReportListing } from './catalog';
export { type Dashboard, type DashboardOptions, DEFAULT_QUEUE_NAMES, startDashboard } from './server';
