/**
 * Where a page is: the menu of every list endpoint of the portal grouped by app, the breadcrumbs of the URL, and
 * the switch to the same address on the other portal. All from the route table (routes/table.ts), which is the
 * registry's list of endpoints.
 */
import { API_ROOT, type ApiPathParts, apiPath, PORTALS, type Portal } from 'brainstem-api-description';
import { apiRouteTable } from '../../routes/table.js';
import { html, type SafeHtml } from '../html.js';

/** The list endpoints of a portal, by app (model names, not aliases). */
export function endpointsByApp(portal: Portal): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of apiRouteTable()) {
    if (r.portal !== portal || r.op !== 'list' || r.urlName !== r.model.name) continue;
    const list = out.get(r.model.app) ?? [];
    list.push(r.model.name);
    out.set(r.model.app, list);
  }
  return out;
}

/** The menu of every list endpoint of `portal`, the current model marked. */
export function endpointMenu(portal: Portal, current?: string): SafeHtml {
  const groups = [...endpointsByApp(portal)].map(
    ([app, models]) =>
      html`<li><span class="app">${app}</span><ul>${models.map((m) => {
        const href = apiPath({ portal, app, model: m });
        return m === current
          ? html`<li><a href="${href}" aria-current="page">${m}</a></li>`
          : html`<li><a href="${href}">${m}</a></li>`;
      })}</ul></li>`,
  );
  return html`<nav class="endpoints" aria-label="Endpoints on the ${portal} portal"><h2>Endpoints</h2><ul>${groups}</ul></nav>`;
}

/** API › portal › app › model › id › action, each but the last a link. */
export function breadcrumbs(parts: ApiPathParts | undefined): SafeHtml {
  const crumbs: { label: string; href: string }[] = [{ label: 'API', href: API_ROOT }];
  if (parts) {
    const order = ['portal', 'app', 'model', 'id', 'action'] as const;
    const acc: Record<string, string> = {};
    for (const key of order) {
      const v = parts[key];
      if (v === undefined) break;
      acc[key] = v;
      // An app alone has no page; its crumb leads to the portal's index.
      const href = key === 'app' ? API_ROOT : apiPath(acc as unknown as ApiPathParts);
      crumbs.push({ label: v, href });
    }
  }
  const items = crumbs.map((c, i) =>
    i === crumbs.length - 1
      ? html`<li><a href="${c.href}" aria-current="page">${c.label}</a></li>`
      : html`<li><a href="${c.href}">${c.label}</a></li>`,
  );
  return html`<nav class="crumbs" aria-label="Breadcrumbs"><ol>${items}</ol></nav>`;
}

/** Links to this address on each portal (the query kept), the current one marked. */
export function portalSwitch(parts: ApiPathParts | undefined, search: string): SafeHtml {
  if (!parts) return html``;
  const links = PORTALS.map((p) => {
    const href = apiPath({ ...parts, portal: p }) + search;
    return p === parts.portal ? html`<a href="${href}" aria-current="true">${p}</a>` : html`<a href="${href}">${p}</a>`;
  });
  return html`<div class="portals" role="group" aria-label="Portal"><span>Portal:</span> ${links}</div>`;
}
