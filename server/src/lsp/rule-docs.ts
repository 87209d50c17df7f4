import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Reads the first paragraph of "Why it matters" in `docs/rules/<id>.md`, once per rule. The later
 * paragraphs say what the rule looks at; the hover links the page for those.
 */
export class RuleDocs {
  private readonly sections = new Map<string, string | null>();

  constructor(private readonly directory: string) {}

  whyItMatters(ruleId: string): string | null {
    if (!RULE_ID.test(ruleId)) return null;
    let section = this.sections.get(ruleId);
    if (section === undefined) {
      section = readFirstParagraph(join(this.directory, `${ruleId}.md`), 'Why it matters');
      this.sections.set(ruleId, section);
    }
    return section;
  }
}

function readFirstParagraph(path: string, heading: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start === -1) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('## '));
  const body = (end === -1 ? rest : rest.slice(0, end)).join('\n').trim();
  const first = body.split(/\n\s*\n/)[0]?.trim() ?? '';
  return first.length > 0 ? first : null;
}
