/** Where each rule's documentation page is published; derived from the id, never stored per rule. */
export const RULE_DOCS_BASE_URL = 'https://github.com/bulkhead-dev/bulkhead/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
