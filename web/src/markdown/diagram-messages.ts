import { z } from 'zod';

/** What the page asks of the diagram frame: draw this mermaid source. */
export const DiagramRequest = z.object({ type: z.literal('draw'), source: z.string() });
export type DiagramRequest = z.infer<typeof DiagramRequest>;

/** What the diagram frame answers: loaded and waiting, drawn (at this height), or not drawn and why. */
export const DiagramReply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('drawn'), height: z.number().nonnegative() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type DiagramReply = z.infer<typeof DiagramReply>;
