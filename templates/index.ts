import type { Templates } from '../src/render/render.js';
import { AccessibilityPage } from './accessibility.js';
import { AreaPage } from './area.js';
import { AreasPage } from './areas.js';
import { ComparisonPage } from './comparison.js';
import { GoalPage } from './goal.js';
import { HomePage } from './home.js';
import { NewsItemPage } from './news-item.js';
import { NewsYearPage } from './news-year.js';
import { NewsPage } from './news.js';
import { NewsletterPage } from './newsletter.js';
import { NewslettersPage } from './newsletters.js';
import { NotFoundPage } from './not-found.js';
import { FreePage } from './page.js';
import { ProjectPage } from './project.js';
import { ProjectsPage } from './projects.js';
import { ReportPage } from './report.js';
import { ReportsPage } from './reports.js';
import { SearchPage } from './search.js';

/** One template per page kind; the compiler checks that every kind has one. */
export const templates: Templates = {
  home: HomePage,
  areas: AreasPage,
  area: AreaPage,
  reports: ReportsPage,
  report: ReportPage,
  goal: GoalPage,
  comparison: ComparisonPage,
  projects: ProjectsPage,
  project: ProjectPage,
  news: NewsPage,
  'news-year': NewsYearPage,
  'news-item': NewsItemPage,
  newsletters: NewslettersPage,
  newsletter: NewsletterPage,
  search: SearchPage,
  accessibility: AccessibilityPage,
  page: FreePage,
  'not-found': NotFoundPage,
};
