import * as core from '@actions/core';
import { commandSafe, defuseLegacyCommands } from '../report/log-text.js';

/**
 * Plain log lines. Every `core.info` of the Action goes through here (ESLint enforces it): no line of the message can
 * start a workflow command, whatever PR-controlled text it quotes. Warnings, errors, notices and groups are issued
 * through @actions/core, which escapes their data and properties.
 */
export function info(message: string): void {
  core.info(commandSafe(message));
}

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

/**
 * A workflow-command annotation built from PR-controlled text (paths, titles, messages). @actions/core escapes line
 * breaks, `%`, and in properties `:` and `,`; the runner's older `##[command]` form, which it recognises anywhere in a
 * line when the `::` form does not parse, is defused here as well.
 */
export function annotate(level: AnnotationLevel, message: string, properties: core.AnnotationProperties): void {
  const safe: core.AnnotationProperties = { ...properties, file: properties.file && defuseLegacyCommands(properties.file), title: properties.title && defuseLegacyCommands(properties.title) };
  const text = defuseLegacyCommands(message);
  if (level === 'failure') core.error(text, safe);
  else if (level === 'warning') core.warning(text, safe);
  else core.notice(text, safe);
}
