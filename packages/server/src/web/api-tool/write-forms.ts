/** Write forms of a page (filled in below). */
import { html, type SafeHtml } from '../html.js';
import type { ShownAnswer } from './page.js';

export interface WriteOutcome {
  status: number;
  body: unknown;
  content: string;
  form: string;
}

export function writeBlocks(_a: ShownAnswer, _csrf: string, _outcome?: WriteOutcome): SafeHtml {
  return html``;
}
