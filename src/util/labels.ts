/**
 * Text for quick-pick labels, descriptions and details, where VS Code renders `$(name)` as a codicon. Article
 * text and file names are not ours: a `$(` in them must show as typed. Pure; unit-tested.
 */

/** `text` with every `$(` broken by a zero-width space, so that no `$(icon)` in it renders as an icon. */
export function noIcons(text: string): string {
  return text.includes('$(') ? text.replace(/\$\(/g, '$\u200b(') : text;
}
