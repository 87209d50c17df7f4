import { replace } from '../fixes/edits';
import type { Finding, Rule } from '../types';
import { exposedPorts, instructionsReachingFinalImage, portRemover } from './support/queries';

const SSH_PORT = 22;

export const rule: Rule = {
  id: 'ssh-port-exposed',
  meta: {
    severity: 'error',
    category: 'security',
    docs: { summary: 'Port 22 (SSH) is exposed by the final image.' },
    fix: 'sometimes',
    messages: {
      exposed: ({ port }) => `Port \`${port}\` (SSH) is exposed; remove it and use \`docker exec\` for a shell.`,
      inRange: ({ port }) => `Port range \`${port}\` includes 22 (SSH); leave 22 out and use \`docker exec\` for a shell.`,
      viaVariable: ({ port, value }) => `\`${port}\` exposes port ${value} (SSH); remove it and use \`docker exec\` for a shell.`,
    },
    crossRefs: [
      { linter: 'trivy', id: 'DS004', match: 'same' },
      { linter: 'checkov', id: 'CKV_DOCKER_1', match: 'same' },
    ],
  },
  *check(model, ctx): Generator<Finding> {
    if (ctx.settings.allowedPorts.includes(SSH_PORT)) return;
    for (const instruction of instructionsReachingFinalImage(model, 'EXPOSE')) {
      const ports = exposedPorts(model, instruction);
      const removePort = portRemover(model, instruction, ports);
      for (const [index, port] of ports.entries()) {
        const hit = port.values.find((value) => value.protocol !== 'udp' && value.from <= SSH_PORT && SSH_PORT <= value.to);
        if (!hit) continue;
        const removal = removePort(index);
        const base = { instruction: instruction.index, span: port.span };
        if (port.viaVariable) {
          const single = port.values.length === 1 && hit.from === hit.to;
          yield { ...base, messageId: 'viaVariable', data: { port: port.text, value: String(SSH_PORT) }, fixes: single ? [removal] : [] };
        } else if (hit.from !== hit.to) {
          const rest = [hit.from <= SSH_PORT - 1 ? range(hit.from, SSH_PORT - 1) : null, SSH_PORT + 1 <= hit.to ? range(SSH_PORT + 1, hit.to) : null]
            .filter((r): r is string => r !== null)
            .map((r) => (hit.protocol ? `${r}/${hit.protocol}` : r));
          yield {
            ...base,
            messageId: 'inRange',
            data: { port: port.text },
            fixes: [{ title: `Replace \`${port.text}\` with \`${rest.join(' ')}\``, safety: 'safe', edits: [replace(port.span, rest.join(' '))] }],
          };
        } else {
          yield { ...base, messageId: 'exposed', data: { port: port.text }, fixes: [removal] };
        }
      }
    }
  },
};

function range(from: number, to: number): string {
  return from === to ? String(from) : `${from}-${to}`;
}
