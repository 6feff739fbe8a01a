import templateText from '../templates/default.md';
import { buildTemplateModel, type TemplateModel } from './engine';

/** The built-in template: the user's RFC template, shipped unchanged inside the bundle. */
export const defaultTemplateText: string = templateText;

let model: TemplateModel | undefined;

/** The built-in template's model, built once. */
export function defaultTemplate(): TemplateModel {
  model ??= buildTemplateModel(defaultTemplateText);
  return model;
}
