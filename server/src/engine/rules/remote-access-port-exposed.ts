import { replace } from '../fixes/edits';
import type { Finding, Rule } from '../types';
import { exposedPorts, instructionsReachingFinalImage, portRemover, type PortValue } from './support/queries';

/** Remote-access services other than SSH (ssh-port-exposed covers 22), with the protocols they use. */
const SERVICES: readonly { port: number; service: string; udp: boolean }[] = [
  { port: 23, service: 'Telnet', udp: false },
  { port: 3389, service: 'RDP', udp: true },
  { port: 5800, service: 'VNC over HTTP', udp: false },
  { port: 5900, service: 'VNC', udp: false },
  { port: 5901, service: 'VNC', udp: false },
];

export const rule: Rule = {
  id: 'remote-access-port-exposed',
  meta: {
    severity: 'error',
    category: 'security',
    docs: { summary: 'A remote-access port (Telnet, RDP, VNC) is exposed by the final image.' },
    fix: 'sometimes',
    messages: {
      exposed: ({ port, service }) =>
        `Port \`${port}\` (${service}) is exposed, a remote login path that bypasses the orchestrator's access control; remove it and use \`docker exec\` for a shell.`,
      inRange: ({ port, service }) =>
        `Port range \`${port}\` includes ${service}, a remote login path that bypasses the orchestrator's access control; leave those ports out.`,
      viaVariable: ({ port, value, service }) =>
        `\`${port}\` exposes port ${value} (${service}), a remote login path that bypasses the orchestrator's access control; remove it from the value.`,
    },
    crossRefs: [{ linter: 'sonar', id: 'S6473', match: 'partial' }],
  },
  *check(model, ctx): Generator<Finding> {
    const services = SERVICES.filter((s) => !ctx.settings.allowedPorts.includes(s.port));
    for (const instruction of instructionsReachingFinalImage(model, 'EXPOSE')) {
      const ports = exposedPorts(model, instruction);
      const removePort = portRemover(model, instruction, ports);
      for (const [index, port] of ports.entries()) {
        const hits = port.values.flatMap((value) => services.filter((s) => covers(value, s)).map((service) => ({ value, service })));
        const first = hits[0];
        if (!first) continue;
        const names = [...new Set(hits.map((hit) => hit.service.service))].join(' and ');
        const removal = removePort(index);
        const base = { instruction: instruction.index, span: port.span };
        if (port.viaVariable) {
          const single = port.values.length === 1 && first.value.from === first.value.to;
          yield { ...base, messageId: 'viaVariable', data: { port: port.text, value: String(first.service.port), service: names }, fixes: single ? [removal] : [] };
        } else if (first.value.from !== first.value.to && port.values.length === 1) {
          const rest = remainder(first.value, hits.map((hit) => hit.service.port));
          yield {
            ...base,
            messageId: 'inRange',
            data: { port: port.text, service: names },
            fixes: [rest.length === 0 ? removal : { title: `Replace \`${port.text}\` with \`${rest.join(' ')}\``, safety: 'safe', edits: [replace(port.span, rest.join(' '))] }],
          };
        } else {
          yield { ...base, messageId: 'exposed', data: { port: port.text, service: names }, fixes: [removal] };
        }
      }
    }
  },
};

function covers(value: PortValue, service: { port: number; udp: boolean }): boolean {
  if (value.protocol === 'udp' && !service.udp) return false;
  return value.from <= service.port && service.port <= value.to;
}

/** The parts of a range left when the given ports are taken out, in EXPOSE syntax. */
function remainder(value: PortValue, excluded: readonly number[]): string[] {
  const cuts = [...new Set(excluded)].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = value.from;
  for (const cut of cuts) {
    if (cut > from) parts.push(range(from, cut - 1));
    from = cut + 1;
  }
  if (from <= value.to) parts.push(range(from, value.to));
  return parts.map((part) => (value.protocol ? `${part}/${value.protocol}` : part));
}

function range(from: number, to: number): string {
  return from === to ? String(from) : `${from}-${to}`;
}
