/**
 * An error only a suite's author can have made (an error kind that is neither built in nor
 * declared): reported as the suite's mistake, never as something the candidate's code did.
 */
export class SuiteMistake extends Error {
  override readonly name = 'SuiteMistake';
}
