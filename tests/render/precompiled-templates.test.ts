import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/load/validate-document.js';
import { personalizeFor } from '../../src/pipeline/build-learner.js';
import { createHandlebars, precompileTemplates } from '../../src/render/handlebars-env.js';
import type { TemplateSet } from '../../src/render/template-set.js';
import { NOW, shippedProject, shippedSources } from '../helpers/project.js';

/** What scripts/bundle.ts puts into the CLI bundle: every shipped template, precompiled. */
function precompiledMap(templates: TemplateSet): Map<string, TemplateSpecification> {
  // The specification is JavaScript source; the bundle embeds it, a test evaluates it.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
  return new Map(precompileTemplates(templates).map(([source, spec]) => [source, new Function(`return ${spec}`)() as TemplateSpecification]));
}

describe('precompiled templates (the CLI bundle)', () => {
  it('render the shipped README and workbook exactly as templates compiled from source', async () => {
    const { templates } = await shippedSources();
    const ahead = createHandlebars(templates, precompiledMap(templates));
    const fromSource = createHandlebars(templates, new Map());
    const project = await shippedProject();
    for (const input of [{}, { name: 'Rahim <b>Uddin</b> {{x}}', track: 'llmops', locale: 'en' as const, level: 'L2' }, { track: 'edge-ml', paper: 'Letter' as const }]) {
      const view = personalizeFor(project, resolveParams(input), NOW);
      for (const which of ['readme', 'workbook'] as const) {
        const text = ahead.render(which, view);
        expect(text.length).toBeGreaterThan(1000);
        expect(text).toBe(fromSource.render(which, view));
      }
    }
  });

  it('are used only for the exact source they were made from: an edited template is compiled', async () => {
    const { templates } = await shippedSources();
    const edited: TemplateSet = { ...templates, readme: { ...templates.readme, source: `# Edited\n\n${templates.readme.source}` } };
    const hb = createHandlebars(edited, precompiledMap(templates));
    const view = personalizeFor(await shippedProject(), resolveParams({}), NOW);
    expect(hb.render('readme', view)).toMatch(/^# Edited\n/);
  });
});
