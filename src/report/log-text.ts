/**
 * Log lines and workflow commands. The runner treats any output line that starts with `::` (after leading whitespace)
 * as a workflow command, so text a pull request controls (paths, step names, job ids, author names) must never be able
 * to start a line. Two layers, used by every place Keyward prints:
 * - `escapeLogValue` for a PR-controlled fragment: `%`, `\r` and `\n` escaped as the runner's own command escaping
 *   does (`%25`, `%0D`, `%0A`), so the fragment cannot end the line it sits in;
 * - `commandSafe` on every whole message Keyward prints as plain text: any line that would still read as a command
 *   has its first `:` written as `%3A`, and the runner's older `##[command]` form (recognised anywhere in a line) has
 *   its second `#` written as `%23`. Keyward issues its own commands only through @actions/core's command functions,
 *   which escape their data and properties themselves.
 */

export function escapeLogValue(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Every line of `text` that the runner would parse as a workflow command, defused; line breaks are kept. */
export function commandSafe(text: string): string {
  return defuseLegacyCommands(text.replace(/(^|\r\n|\r|\n)([^\S\r\n]*)::/g, '$1$2%3A:'));
}

/** The runner's older `##[command]` form, recognised anywhere in a line, with its second `#` written as `%23`. */
export function defuseLegacyCommands(text: string): string {
  return text.replace(/##\[/g, '#%23[');
}

