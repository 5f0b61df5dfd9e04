import type { NavView, ViewModel } from './view-model.js';

/**
 * The chapter navigation's links to sibling roadmaps that the project has. Outputs go to
 * `<out>/<roadmap>/<folder>/`, so the same learner's README of a sibling roadmap is
 * `../../<sibling>/<folder>/README.md`: right whenever the learner gets the same folder there
 * (the same name and track, or the same batch `id`). A nav entry naming no roadmap, or one the
 * project lacks (a lone `--data` file), gets no link.
 */
export function withSiblingLinks(view: ViewModel, roadmapIds: readonly string[], folder: string): ViewModel {
  const link = (nav: NavView | null): NavView | null =>
    nav && nav.roadmap !== null && nav.roadmap !== view.meta.id && roadmapIds.includes(nav.roadmap) ? { ...nav, href: `../../${nav.roadmap}/${folder}/README.md` } : nav;
  return { ...view, meta: { ...view.meta, nav: { prev: link(view.meta.nav.prev), next: link(view.meta.nav.next) } } };
}
