/**
 * How many more deals a creator can take on now. A creator may lower their capacity below the
 * deals already running; those deals go on, and the creator simply takes no new ones.
 */
export function availableSlots(capacity: number, activeDealCount: number): number {
  return Math.max(0, capacity - activeDealCount);
}
