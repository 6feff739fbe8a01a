import templateText from '../templates/default.md';
import { buildTemplateModel, decodeTemplateModel, type TemplateModel } from './engine';

/** The built-in template: the user's RFC template, shipped unchanged inside the bundle. */
export const defaultTemplateText: string = templateText;

/**
 * The built-in template's model as the build encoded it (templateCodec.ts): esbuild puts it
 * in place of this global (scripts/builtInTemplate.mjs), so a bundle starts without building
 * the model. Where the sources run unbundled (the unit tests), the global is undefined and
 * the model is built from the text.
 */
const encodedModel = (globalThis as { RFC_ASSISTANT_BUILT_IN_TEMPLATE_MODEL?: string }).RFC_ASSISTANT_BUILT_IN_TEMPLATE_MODEL;

let model: TemplateModel | undefined;

/** The built-in template's model, made once. */
export function defaultTemplate(): TemplateModel {
  model ??= encodedModel === undefined ? buildTemplateModel(defaultTemplateText) : decodeTemplateModel(encodedModel);
  return model;
}
