import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The `challenge` CLI's verbs and options, in one place: parsing and `--help` both read this
 * table, so every option a verb accepts is listed in its help.
 */
type Option = { type: 'boolean' | 'string'; short?: string; default?: boolean | string; value?: string; help: string };
type Verb = { args: string; summary: string; options: Record<string, Option> };

export type VerbName = 'validate' | 'new';

const VERBS: Record<VerbName, Verb> = {
  validate: {
    args: '[id]',
    summary: 'Prove challenge folders (all of them, or the one named): requirements traced, reference and alternatives pass, starter and wrong solutions fail, gradings agree, the hidden suite kills its mutants.',
    options: {
      local: { type: 'boolean', default: false, help: "grade the author's trusted solutions as host processes (fast inner loop); default: real sandboxes, as candidates get" },
      repeats: { type: 'string', default: '3', value: 'N', help: 'gradings of the reference and of the starter that must agree test by test' },
      language: { type: 'string', value: 'L', help: 'validate one language only (typescript, javascript or python)' },
      'skip-mutation': { type: 'boolean', default: false, help: "skip the mutation score of the hidden suite (killed mutants of the TypeScript reference, at least 95%); nothing is recorded then" },
    },
  },
  new: {
    args: '<id>',
    summary: 'Scaffold a challenge folder in ASSAY_CHALLENGES_DIR (default challenges/); every TODO in it must be filled in before it validates.',
    options: {
      kind: { type: 'string', default: 'coding', value: 'K', help: 'coding or system-design' },
    },
  },
};
export type Command =
  | { kind: 'help'; text: string }
  | { kind: 'usage-error'; message: string }
  | { kind: 'run'; verb: 'validate'; id: string | undefined; local: boolean; repeats: string; language: string | undefined; mutation: boolean }
  | { kind: 'run'; verb: 'new'; id: string; type: string };

const HELP: Option = { type: 'boolean', short: 'h', help: 'show this help' };

export function parseCommand(argv: readonly string[]): Command {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') return { kind: 'help', text: overview() };
  if (!isVerb(verb)) return { kind: 'usage-error', message: `"${verb}" is not a challenge command; the commands are ${Object.keys(VERBS).join(' and ')} (npm run challenge -- --help).` };
  const parsed = parse(verb, rest);
  if ('message' in parsed) return { kind: 'usage-error', message: parsed.message };
  const { positionals, values } = parsed;
  if (values.help === true) return { kind: 'help', text: verbHelp(verb) };
  if (positionals.length > 1) return { kind: 'usage-error', message: `${verb} takes one id, not ${positionals.length} (npm run challenge -- ${verb} --help).` };
  const text = (name: string) => {
    const value = values[name] ?? VERBS[verb].options[name]?.default;
    return typeof value === 'string' ? value : undefined;
  };
  if (verb === 'new') {
    const [id] = positionals;
    if (!id) return { kind: 'usage-error', message: 'new needs the id of the challenge to create, e.g. npm run challenge -- new my-challenge.' };
    return { kind: 'run', verb, id, type: text('kind') ?? 'coding' };
  }
  return { kind: 'run', verb, id: positionals[0], local: values.local === true, repeats: text('repeats') ?? '3', language: text('language'), mutation: values['skip-mutation'] !== true };
}

function parse(verb: VerbName, args: string[]) {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, o] of Object.entries({ ...VERBS[verb].options, help: HELP })) {
    options[name] = { type: o.type, ...(o.short === undefined ? {} : { short: o.short }) };
  }
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages describe the parser; say what to change instead.
    const message = error instanceof Error ? error.message : '';
    const option = /'(--?[a-z-]+)/i.exec(message)?.[1] ?? 'that option';
    const see = `(npm run challenge -- ${verb} --help)`;
    if (/unknown option/i.test(message)) return { message: `${verb} does not take ${option}; its options are ${optionNames(verb)} ${see}.` };
    return { message: `${option} needs a value, e.g. ${optionNames(verb)} ${see}.` };
  }
}

function isVerb(name: string): name is VerbName {
  return Object.hasOwn(VERBS, name);
}

function optionNames(verb: VerbName): string {
  return Object.entries(VERBS[verb].options).map(([name, o]) => `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`).join(', ');
}

function overview(): string {
  const lines = ['usage: npm run challenge -- <command> [options]', '', 'commands:'];
  for (const [name, verb] of Object.entries(VERBS)) lines.push(`  ${`${name} ${verb.args}`.padEnd(14)} ${verb.summary}`);
  lines.push('', 'npm run challenge -- <command> --help lists the options of a command. The authoring guide is challenges/README.md.');
  return lines.join('\n');
}

function verbHelp(name: VerbName): string {
  const verb = VERBS[name];
  const lines = [`usage: npm run challenge -- ${name} ${verb.args} [options]`, '', verb.summary, '', 'options:'];
  for (const [option, o] of Object.entries({ ...verb.options, help: HELP })) {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${option}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    const fallback = o.default === undefined || o.type === 'boolean' ? '' : ` (default ${o.default})`;
    lines.push(`  ${flag.padEnd(18)} ${o.help}${fallback}`);
  }
  return lines.join('\n');
}
