/**
 * The index worker thread (see indexWorkers.ts): builds each template it is sent once,
 * analyses the files it is given with indexRecordOf (the same function the main thread
 * runs) and answers each with its record.
 */
import { parentPort } from 'node:worker_threads';
import { buildTemplateModel, type TemplateModel } from '../engine';
import { indexRecordOf } from '../project/indexRecord';
import type { FromIndexWorker, ToIndexWorker } from './indexWorkers';

export function runIndexWorker(): void {
  const port = parentPort;
  if (!port) return;
  const templates = new Map<string, TemplateModel>();
  const texts = new Map<string, string>();
  port.on('message', (message: ToIndexWorker) => {
    if ('template' in message) {
      // Built when the first file needs it.
      texts.set(message.template.id, message.template.text);
      return;
    }
    let answer: FromIndexWorker;
    try {
      let template = templates.get(message.templateId);
      if (!template) {
        const text = texts.get(message.templateId);
        if (text === undefined) throw new Error(`no template ${message.templateId}`);
        template = buildTemplateModel(text);
        templates.set(message.templateId, template);
        texts.delete(message.templateId);
      }
      answer = { seq: message.seq, record: indexRecordOf(message.job, template) ?? null };
    } catch (error) {
      answer = { seq: message.seq, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer);
  });
}
