/** Where prompt.md shows the challenge's requirements. */
export const REQUIREMENTS_PLACEHOLDER = '{{requirements}}';

/** The prompt as the candidate reads it: the requirement sentences, as a list, in place of the placeholder. */
export function renderPrompt(prompt: string, requirements: Readonly<Record<string, string>>): string {
  const list = Object.values(requirements).map((sentence) => `- ${sentence}`).join('\n');
  return prompt.replaceAll(REQUIREMENTS_PLACEHOLDER, list);
}
