/**
 * What subscribers are told. An event names what changed and who it concerns, never the data
 * itself: each subscriber reads the object afresh with their own rights, and what the event
 * carries lets every delivery be checked against the subscriber before anything is read. Events
 * travel as JSON (through Redis between instances), so they hold only JSON values.
 *
 * The bus knows nothing of bids or deals: each domain module declares its own event types (with
 * `type` set to the module's name), the channels they travel on and who may hear them.
 */
export interface LiveEvent {
  /** The declaring module's event type, e.g. `bid` or `deal`. */
  type: string;
  /** Unique per event: a subscriber reached through two channels sees it once. */
  eventId: string;
  /** ISO 8601. */
  occurredAt: string;
}

/** An event with the channels it is published on. */
export interface OutgoingEvent<E extends LiveEvent = LiveEvent> {
  event: E;
  channels: readonly string[];
}
