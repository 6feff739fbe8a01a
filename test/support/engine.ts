import { readFileSync } from 'node:fs';
import { buildTemplateModel, type TemplateModel } from '../../server/src/engine';
import { defaultTemplatePath } from './paths';

let model: TemplateModel | undefined;

/** The built-in template's text, read from the file the bundle ships. */
export function defaultTemplateText(): string {
  return readFileSync(defaultTemplatePath, 'utf8');
}

/** The built-in template's model (tests run on compiled sources, which cannot import .md). */
export function defaultTemplate(): TemplateModel {
  model ??= buildTemplateModel(defaultTemplateText());
  return model;
}
