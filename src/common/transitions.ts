/**
 * A state machine as one table: for each state, the actions allowed from it and the state each
 * leads to. Every status rule in the domain modules is one of these, so "may this happen now?"
 * has one answer, and a conditional UPDATE can name exactly the states the table allows.
 */
export interface TransitionTable<State extends string, Action extends string> {
  /** The state `action` leads to from `current`, or null when the table does not allow it. */
  next(current: State, action: Action): State | null;
  /** The states from which `action` is allowed, for conditional updates that must agree with the table. */
  statesAllowing(action: Action): State[];
}

export function transitionTable<State extends string, Action extends string>(
  table: Readonly<Record<State, Partial<Readonly<Record<Action, State>>>>>,
): TransitionTable<State, Action> {
  const states = Object.keys(table) as State[];
  const next = (current: State, action: Action): State | null => table[current]?.[action] ?? null;
  return {
    next,
    statesAllowing: (action) => states.filter((state) => next(state, action) !== null),
  };
}
