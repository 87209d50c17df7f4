import { endOfLifeAt } from '../../knowledge/images';
import type { Rule } from '../types';
import { replaceImage } from './support/final-image';

export const rule: Rule = {
  id: 'deprecated-base-image',
  meta: {
    severity: 'warning',
    category: 'security',
    docs: { summary: 'A stage is built on a deprecated image or on a release past its end of life.' },
    fix: 'sometimes',
    messages: {
      deprecatedImage: ({ image, subject, date, successor }) =>
        `\`${image}\` uses the \`${subject}\` image, deprecated since ${date}, which gets no security updates; switch to \`${successor}\`.`,
      endOfLife: ({ image, subject, date, successor }) =>
        `\`${image}\` is on ${subject}, which reached end of life on ${date} and gets no security fixes; move to \`${successor}\`.`,
    },
    crossRefs: [],
  },
  *check(model, ctx) {
    // Every stage counts, builders included: an unpatched builder compiles what ships.
    for (const stage of model.stages) {
      if (!stage.image || !stage.imageSpan) continue;
      const eol = endOfLifeAt(stage.image, ctx.now);
      if (!eol?.successor) continue;
      const edit = replaceImage(stage, eol.successor);
      yield {
        messageId: eol.reason === 'deprecated-image' ? 'deprecatedImage' : 'endOfLife',
        data: { image: stage.imageText, subject: eol.subject, date: eol.date, successor: eol.successor },
        span: stage.imageSpan,
        instruction: stage.from.index,
        fixes: edit ? [{ title: `Switch to \`${eol.successor}\``, safety: 'unsafe', edits: [edit] }] : [],
        tags: ['deprecated'],
      };
    }
  },
};
