import type { Root } from 'hast';
import type { PageContext } from '../src/render/context.js';
import type { Route } from '../src/routes/routes.js';
import { Layout } from './layout.js';
import { ProjectList } from './parts/common.js';

/** Every project, ongoing first. */
export function ProjectsPage({ projects }: Extract<Route, { kind: 'projects' }>, ctx: PageContext): Root {
  const ongoing = projects.filter((project) => project.status === 'pagaende');
  const finished = projects.filter((project) => project.status !== 'pagaende');
  return Layout({
    ctx,
    title: 'Projekt',
    description: `${ctx.site.organisation}s projekt: ${ongoing.length} pågående och ${finished.length} avslutade.`,
    breadcrumbs: [],
    children: [
      <h2>Pågående projekt</h2>,
      ongoing.length > 0 ? ProjectList(ongoing, 3) : <p>Inga pågående projekt just nu.</p>,
      <h2>Avslutade projekt</h2>,
      finished.length > 0 ? ProjectList(finished, 3) : <p>Inga avslutade projekt.</p>,
    ],
  });
}
