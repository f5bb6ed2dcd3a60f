import { CreateInviteBody } from '@assay/contract';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './field-errors.js';

describe('form errors from the contract', () => {
  it('gives each bad field its message, in words, keyed by the field', () => {
    const { errors } = fieldErrors(CreateInviteBody, { candidateName: ' ', candidateEmail: 'not an email', challengeId: 'rate-limiter' });
    expect(errors).toEqual({ candidateName: "enter the candidate's name", candidateEmail: "enter the candidate's email address" });
  });

  it('passes the parsed value when all is well', () => {
    expect(fieldErrors(CreateInviteBody, { candidateName: 'Grace', candidateEmail: 'grace@example.test', challengeId: 'x' }).data).toEqual({ candidateName: 'Grace', candidateEmail: 'grace@example.test', challengeId: 'x' });
  });
});
