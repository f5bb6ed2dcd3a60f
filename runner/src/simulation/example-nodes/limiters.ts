import type { CandidateNode, ClientRequest, NodeContext } from '../node-api.js';

/**
 * Rate limiters for a global `limit` per window. Both count only locally and never talk to
 * peers; they differ in the budget each node allows itself.
 */
function localLimiter(share: (limit: number, nodes: number) => number, limit: number, windowMs: number) {
  return class implements CandidateNode {
    private window = -1;
    private admitted = 0;
    private readonly budget: number;

    constructor(
      _id: string,
      peers: string[],
      private readonly ctx: NodeContext,
    ) {
      this.budget = share(limit, peers.length + 1);
    }

    onClientRequest(request: ClientRequest): void {
      const window = Math.floor(this.ctx.now() / windowMs);
      if (window !== this.window) [this.window, this.admitted] = [window, 0];
      const admitted = this.admitted < this.budget;
      if (admitted) this.admitted++;
      this.ctx.reply(request, { admitted });
    }
  };
}

/** Correct, at a price: each node may admit only its 1/N share, so the bound holds under any partition while a busy node refuses what an idle one could have admitted. */
export const splitBudgetLimiter = (limit: number, windowMs: number) => localLimiter((l, n) => Math.floor(l / n), limit, windowMs);

/** Wrong: each node admits the whole global limit by itself, so N nodes admit up to N times it. */
export const localOnlyLimiter = (limit: number, windowMs: number) => localLimiter((l) => l, limit, windowMs);
