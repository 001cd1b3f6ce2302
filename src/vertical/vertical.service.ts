import type { EntityManager } from '@mikro-orm/postgresql';
import { Problem, ProblemCode, parseInput } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { CREDIBILITY_LEVELS, type CredibilityLevel } from '../credibility/credibility.js';
import { slugPlacementProblem } from './vertical-slug.js';
import { Vertical } from './vertical.entity.js';
import { verticalCreateSchema, type VerticalCreateValues, verticalUpdateSchema, type VerticalUpdateValues } from './vertical.inputs.js';
import { VerticalProblem } from './vertical.problems.js';
import { flushOrProblem } from '../db/flush.js';

export interface LevelCount {
  level: CredibilityLevel;
  count: number;
}

export class VerticalService {
  /** The top-level verticals by name, each with its children already loaded. */
  topLevel(em: EntityManager): Promise<Vertical[]> {
    return em.find(Vertical, { parent: null }, { orderBy: { name: 'asc' }, populate: ['children'] });
  }

  bySlug(em: EntityManager, slug: string): Promise<Vertical | null> {
    return em.findOne(Vertical, { slug });
  }

  async create({ em }: ServiceContext, input: VerticalCreateValues): Promise<{ vertical: Vertical }> {
    const data = parseInput(verticalCreateSchema, input);
    let parent: Vertical | null = null;
    if (data.parentSlug) {
      parent = await em.findOne(Vertical, { slug: data.parentSlug });
      if (!parent) throw unknownSlug(data.parentSlug, ['input', 'parentSlug']);
      if (parent.parent) {
        throw Problem.of(
          ProblemCode.INVALID,
          `The taxonomy has two levels and "${parent.slug}" is already a child; choose a top-level vertical as the parent.`,
          ['input', 'parentSlug'],
        );
      }
    }
    const placementProblem = slugPlacementProblem(data.slug, parent?.slug ?? null);
    if (placementProblem) throw Problem.of(ProblemCode.INVALID, placementProblem, ['input', 'slug']);
    if (await em.count(Vertical, { slug: data.slug })) throw duplicateSlug(data.slug);

    const vertical = em.create(Vertical, { slug: data.slug, name: data.name, description: data.description, parent });
    // Two admins creating the same slug at once: the unique index decides, the loser gets the same answer.
    await flushOrProblem(em, () => duplicateSlug(data.slug));
    return { vertical };
  }

  async update({ em }: ServiceContext, verticalId: string | null, input: VerticalUpdateValues): Promise<{ vertical: Vertical }> {
    const vertical = verticalId ? await em.findOne(Vertical, verticalId) : null;
    if (!vertical) throw Problem.notFound('vertical', ['id']);
    const data = parseInput(verticalUpdateSchema, input);
    if (data.name != null) vertical.name = data.name;
    if (data.description != null) vertical.description = data.description;
    await em.flush();
    return { vertical };
  }

  /**
   * The verticals behind user-given slugs, in the order given and without repeats. Any unknown
   * slug is refused with UNKNOWN_VERTICAL at `field`, one error per unknown slug.
   */
  async resolveSlugs(em: EntityManager, slugs: readonly string[], field: (string | number)[]): Promise<Vertical[]> {
    const wanted = [...new Set(slugs)];
    if (wanted.length === 0) return [];
    const bySlug = new Map((await em.find(Vertical, { slug: { $in: wanted } })).map((vertical) => [vertical.slug, vertical]));
    const unknown = wanted.filter((slug) => !bySlug.has(slug));
    if (unknown.length) {
      throw new Problem(unknown.flatMap((slug) => unknownSlug(slug, field).details));
    }
    return wanted.flatMap((slug) => bySlug.get(slug) ?? []);
  }

  /** The vertical behind one user-given slug; an unknown slug is refused with UNKNOWN_VERTICAL at `field`. */
  async resolveSlug(em: EntityManager, slug: string, field: (string | number)[]): Promise<Vertical> {
    const vertical = await em.findOne(Vertical, { slug });
    if (!vertical) throw unknownSlug(slug, field);
    return vertical;
  }

  /** Verticals for many slugs at once, in the order asked, null for a slug that no longer exists. */
  async bySlugs(em: EntityManager, slugs: readonly string[]): Promise<(Vertical | null)[]> {
    const verticals = await em.find(Vertical, { slug: { $in: [...slugs] } });
    const bySlug = new Map(verticals.map((vertical) => [vertical.slug, vertical]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  }

  /**
   * The slug and the slugs of its children, for filters in which a top-level vertical stands for
   * everything in it. An unknown slug comes back alone, so it matches nothing.
   */
  async expandWithChildren(em: EntityManager, slug: string): Promise<string[]> {
    const children = await em.find(Vertical, { parent: { slug } }, { orderBy: { slug: 'asc' } });
    return [slug, ...children.map((child) => child.slug)];
  }

  /**
   * For each vertical, how many creators hold each credibility level (all levels, zeros included).
   * A creator counts for a vertical when their slugs include it or, for a top-level vertical, one
   * of its children; a creator in several children of the same parent counts once for the parent.
   * One statement for the whole batch, using the GIN index on `creator.vertical_slugs`.
   */
  async creatorCountsByVertical(em: EntityManager, verticalIds: readonly string[]): Promise<LevelCount[][]> {
    const rows = await em.getConnection().execute<{ vertical_id: string; level: number; creators: number }[]>(
      `select v.id as vertical_id, c.credibility_level as level, count(*)::int as creators
         from vertical v
         join creator c
           on c.vertical_slugs && (array[v.slug::text] || array(select child.slug::text from vertical child where child.parent_id = v.id))
        where v.id in (?)
        group by v.id, c.credibility_level`,
      [verticalIds],
    );
    const counts = new Map<string, Map<number, number>>();
    for (const row of rows) {
      const byLevel = counts.get(row.vertical_id) ?? new Map<number, number>();
      byLevel.set(row.level, row.creators);
      counts.set(row.vertical_id, byLevel);
    }
    return verticalIds.map((id) => CREDIBILITY_LEVELS.map((level) => ({ level, count: counts.get(id)?.get(level) ?? 0 })));
  }
}

function duplicateSlug(slug: string): Problem {
  return Problem.of(ProblemCode.DUPLICATE, `A vertical with the slug "${slug}" already exists.`, ['input', 'slug']);
}

function unknownSlug(slug: string, field: (string | number)[]): Problem {
  return Problem.of(VerticalProblem.UNKNOWN_VERTICAL, `No vertical has the slug "${slug}".`, field);
}
