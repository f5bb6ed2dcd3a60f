/**
 * The contract a candidate's `Node` class implements (see README "The Node API"). The
 * handlers are synchronous: everything a node does in answer to one virtual instant is
 * known when its handlers return, so a step needs no real timer or wall clock.
 */
export interface NodeContext {
  send(to: string, body: unknown): void;
  reply(request: ClientRequest, body: unknown): void;
  /** Returns the timer's id, for `cancelTimer`. */
  setTimer(ms: number, tag: string): string;
  cancelTimer(timerId: string): void;
  /** Virtual milliseconds since the run began, shifted by this node's clock skew. */
  now(): number;
  /** [0, 1), seeded per node and incarnation. */
  random(): number;
}

export interface ClientRequest {
  id: string;
  client: string;
  op: unknown;
}

export interface CandidateNode {
  onMessage?(from: string, body: unknown): void;
  onClientRequest?(request: ClientRequest): void;
  onTimer?(tag: string): void;
}

export type NodeClass = new (nodeId: string, peerIds: string[], ctx: NodeContext) => CandidateNode;
