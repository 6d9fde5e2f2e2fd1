/**
 * Checks of the JSON fields that are not schema-governed: `extra_fields` (keys and scalar values),
 * `download_links` (known repositories, web addresses) and the container shape every JSON field has.
 */
import type { FieldSpec } from 'brainstem-api-description';
import { textProblem } from '../characters.js';
import { jsonKindName, kindError } from './details.js';

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const URL_SCHEME = /^(https?|ftp):\/\/\S+$/i;

function describe(v: unknown): string {
  if (typeof v === 'number') return `${v} (not a finite number)`;
  return jsonKindName(v) === 'bool' ? 'a boolean' : jsonKindName(v);
}

export function validateJsonField(f: FieldSpec, v: unknown, errs: string[]): unknown {
  // Every JSON field holds a container (the docs call each one a JSON object, array or dictionary); a schema-governed
  // field is narrowed to its schema's shape by governedErrors once the selector is known.
  if (typeof v !== 'object' || v === null) {
    errs.push(kindError(f.keyPattern ? 'object' : f.name === 'download_links' ? 'array' : 'container', v));
    return undefined;
  }
  if (f.keyPattern) {
    if (typeof v !== 'object' || Array.isArray(v)) {
      errs.push(`Expected a dictionary of items but got type "${jsonKindName(v)}".`);
      return undefined;
    }
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      if (!KEY_PATTERN.test(k)) {
        errs.push(
          `Invalid key "${k}": keys must start with a letter and contain only letters, numbers and underscores.`,
        );
      } else if (typeof val === 'string' && textProblem(val)) {
        errs.push(`Invalid value for key "${k}": ${textProblem(val)}`);
      } else if (typeof val !== 'string' && !(typeof val === 'number' && Number.isFinite(val))) {
        // The docs: "Values can be strings or numeric values" (1e400 parses to Infinity, which JSON cannot hold).
        errs.push(`Invalid value for key "${k}": values must be strings or numbers, got ${describe(val)}.`);
      }
    }
    return JSON.stringify(v);
  }
  if (f.name === 'download_links') {
    if (!Array.isArray(v)) {
      errs.push(`Expected a list of items but got type "${jsonKindName(v)}".`);
      return undefined;
    }
    const repos =
      ((f.subfields as { name: string; enum_values?: string[] }[] | undefined) ?? []).find(
        (s) => s.name === 'repository',
      )?.enum_values ?? [];
    v.forEach((link, i) => {
      if (typeof link !== 'object' || link === null || Array.isArray(link)) {
        errs.push(`Item ${i}: expected an object with "repository" and "url".`);
        return;
      }
      const { repository, url } = link as Record<string, unknown>;
      if (repository === undefined || repository === null) errs.push(`Item ${i}: repository: This field is required.`);
      else if (typeof repository !== 'string' || !repos.includes(repository)) {
        errs.push(`Item ${i}: ${JSON.stringify(repository)} is not a valid repository. Choices: ${repos.join(', ')}.`);
      }
      if (url === undefined || url === null) errs.push(`Item ${i}: url: This field is required.`);
      else if (typeof url !== 'string' || !URL_SCHEME.test(url)) {
        errs.push(
          `Item ${i}: ${JSON.stringify(url)} is not a valid URL: it must start with http://, https:// or ftp://.`,
        );
      }
    });
    return JSON.stringify(v);
  }
  try {
    return JSON.stringify(v);
  } catch {
    errs.push('Value must be valid JSON.');
    return undefined;
  }
}
