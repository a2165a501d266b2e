/** The public API. Re-exports only, so modules behind it can move freely. */
export { build, buildSite, loadSite, type BuildResult, type SiteBuild } from './build.js';
export { normaliseBaseUrl } from './format/base-url.js';
export { defaults, type BuildOptions } from './config.js';
export type { Area, ContentGraph, Goal, NewsItem, Newsletter, Project, Report, Site } from './content/graph.js';
export { ContentError } from './content/problems.js';
export { rules, type RuleId } from './errors.js';
export { deriveRoutes, type Route } from './routes/routes.js';
export { slugify } from './format/slug.js';
export { formatDate } from './format/dates.js';
