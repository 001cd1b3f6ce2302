import { defineModule } from '../common/module.js';
import { Vertical } from './vertical.entity.js';
import { VerticalProblem } from './vertical.problems.js';
import { VerticalResolver } from './vertical.resolver.js';
import { VerticalService } from './vertical.service.js';

export { Vertical } from './vertical.entity.js';
export { VerticalProblem } from './vertical.problems.js';
export { type LevelCount, VerticalService } from './vertical.service.js';
export { verticalsOf } from './vertical.loaders.js';

/** The two-level taxonomy of verticals that products, briefs and profiles are filed under. */
export const verticalModule = defineModule({
  name: 'vertical',
  entities: [Vertical],
  resolvers: [VerticalResolver],
  problems: [VerticalProblem],
  createServices: () => ({ verticals: new VerticalService() }),
});
