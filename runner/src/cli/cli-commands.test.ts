import { describe, expect, it } from 'vitest';
import { parseCommand } from './cli-commands.js';

describe('the challenge CLI commands', () => {
  it('prints an overview for --help, -h, help or nothing, naming every verb', () => {
    for (const argv of [['--help'], ['-h'], ['help'], []]) {
      const command = parseCommand(argv);
      expect(command.kind).toBe('help');
      if (command.kind === 'help') expect(command.text).toMatch(/validate \[id\][\s\S]*new <id>/);
    }
  });

  it('lists every option of a verb in its --help', () => {
    const validate = parseCommand(['validate', '--help']);
    expect(validate.kind === 'help' && validate.text).toMatch(/--local[\s\S]*--repeats N[\s\S]*\(default 3\)[\s\S]*--language L[\s\S]*-h, --help/);
    const created = parseCommand(['new', '-h']);
    expect(created.kind === 'help' && created.text).toMatch(/--kind K +coding or system-design \(default coding\)/);
  });

  it('parses options with their defaults', () => {
    expect(parseCommand(['validate'])).toEqual({ kind: 'run', verb: 'validate', id: undefined, local: false, repeats: '3', language: undefined, mutation: true });
    expect(parseCommand(['validate', 'rate-limiter', '--local', '--repeats', '5', '--language', 'python', '--skip-mutation'])).toEqual({ kind: 'run', verb: 'validate', id: 'rate-limiter', local: true, repeats: '5', language: 'python', mutation: false });
    expect(parseCommand(['new', 'demo', '--kind', 'system-design'])).toEqual({ kind: 'run', verb: 'new', id: 'demo', type: 'system-design' });
  });

  it('answers a mistake with a sentence that says what to type', () => {
    expect(parseCommand(['frob'])).toEqual({ kind: 'usage-error', message: '"frob" is not a challenge command; the commands are validate and new (npm run challenge -- --help).' });
    expect(parseCommand(['validate', '--lcoal'])).toEqual({ kind: 'usage-error', message: 'validate does not take --lcoal; its options are --local, --repeats N, --language L, --skip-mutation (npm run challenge -- validate --help).' });
    expect(parseCommand(['validate', '--repeats'])).toEqual({ kind: 'usage-error', message: '--repeats needs a value, e.g. --local, --repeats N, --language L, --skip-mutation (npm run challenge -- validate --help).' });
    expect(parseCommand(['new'])).toEqual({ kind: 'usage-error', message: 'new needs the id of the challenge to create, e.g. npm run challenge -- new my-challenge.' });
    expect(parseCommand(['new', 'a', 'b'])).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/^new takes one id, not 2/) });
  });
});
