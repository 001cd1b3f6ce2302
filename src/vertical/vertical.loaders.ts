import DataLoader from 'dataloader';
import { loader, type RequestContext } from '../graphql/context.js';
import type { Vertical } from './vertical.entity.js';

/** The verticals a profile lists by slug, for every profile on the page in one statement. */
export async function verticalsOf(context: RequestContext, slugs: readonly string[]): Promise<Vertical[]> {
  const verticals = await loader(
    context,
    'vertical.bySlug',
    ({ em, services }) => new DataLoader<string, Vertical | null>((keys) => services.verticals.bySlugs(em, keys)),
  ).loadMany(slugs);
  return verticals.filter((vertical): vertical is Vertical => vertical !== null && !(vertical instanceof Error));
}
