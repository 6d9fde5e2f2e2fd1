#!/usr/bin/env python3
"""Drive the local server the way the official BrainSTEM Python v2 client does, with the standard library only.

Usage: python3 python_client.py BASE_URL ALICE_TOKEN
  BASE_URL like http://127.0.0.1:PORT/ (trailing slash, as BrainstemClient(url=...) takes it).

It builds URLs as the Python client does (api/{portal}/{app}/{model}/[{id}/][{options}/]), sends
`Authorization: Bearer <token>`, encodes query parameters with urlencode (filter{...}, sort[], include[]=x.*,
limit, offset), pages with load_all, and uses POST/PATCH/DELETE, alias URLs and special actions.
Prints "OK <n> checks" and exits 0, or prints the failed check and exits 1.
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

APPS = {
    "project": "stem", "session": "stem", "subject": "stem", "collection": "stem", "cohort": "stem",
    "projectmembershipinvitation": "stem", "project_membership_invitation": "stem",
    "behavior": "modules", "dataacquisition": "modules", "manipulation": "modules", "procedure": "modules",
    "subjectlog": "modules", "species": "taxonomies", "speciesapproval": "taxonomies", "group": "users",
}
CHECKS = 0


def check(cond, what):
    global CHECKS
    CHECKS += 1
    if not cond:
        print("FAILED: " + what)
        sys.exit(1)


class Client:
    def __init__(self, url, token):
        self.url = url
        self.token = token

    def _request(self, method, model, portal="private", id=None, options=None, params=None, data=None):
        path = "api/%s/%s/%s/" % (portal, APPS[model], model)
        if id is not None:
            path += "%s/" % id
        if options:
            path += "%s/" % options
        query = urllib.parse.urlencode(params or [], doseq=True)
        url = self.url + path + ("?" + query if query else "")
        body = None
        headers = {"Accept": "application/json"}
        if self.token and portal == "private":
            headers["Authorization"] = "Bearer " + self.token
        if data is not None:
            body = json.dumps(data).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req) as res:
                raw = res.read()
                return res.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as e:
            raw = e.read()
            return e.code, (json.loads(raw) if raw else None)

    def load(self, model, portal="private", id=None, options=None, filters=None, sort=None, include=None,
             limit=None, offset=None, load_all=False):
        params = []
        for k, v in (filters or {}).items():
            params.append(("filter{%s}" % k, v))
        for s in sort or []:
            params.append(("sort[]", s))
        for i in include or []:
            params.append(("include[]", i + ".*"))
        if limit is not None:
            params.append(("limit", limit))
        if offset is not None:
            params.append(("offset", offset))
        if not load_all:
            return self._request("GET", model, portal, id, options, params)
        limit = limit or 100
        offset = 0
        merged = None
        while True:
            status, page = self._request("GET", model, portal, id, options, params + [("limit", limit), ("offset", offset)])
            if status != 200:
                return status, page
            key = [k for k, v in page.items() if isinstance(v, list)][0]
            if merged is None:
                merged = {key: []}
            merged[key].extend(page[key])
            offset += limit
            if len(page[key]) < limit or offset >= page.get("count", offset + 1):
                return 200, merged

    def save(self, model, id=None, data=None, options=None, portal="private"):
        if id is None:
            return self._request("POST", model, portal, data=data or {})
        return self._request("PATCH", model, portal, id, options, data=data)

    def delete(self, model, id, portal="private"):
        return self._request("DELETE", model, portal, id)


def main():
    url, token = sys.argv[1], sys.argv[2]
    if not url.endswith("/"):
        url += "/"
    client = Client(url, token)
    anon = Client(url, None)

    status, public = anon.load("project", portal="public")
    check(status == 200 and len(public["projects"]) == 3, "public projects")
    check("meta" in public and public["meta"]["total_results"] == 3, "public meta")

    status, visual = anon.load("project", portal="public", filters={"name.icontains": "visual"})
    check(status == 200 and len(visual["projects"]) == 2, "name.icontains=visual")
    status, both = anon.load("project", portal="public", filters={"name.icontains": "allen", "description.icontains": "neuropixels"})
    check(len(both["projects"]) == 1 and "Neuropixels" in both["projects"][0]["name"], "allen AND neuropixels")

    status, projects = client.load("project", sort=["-name"], include=["sessions", "subjects", "collections", "cohorts"])
    check(status == 200, "load_project status")
    names = [p["name"] for p in projects["projects"]]
    check(names == sorted(names, reverse=True), "sort -name")
    place = [p for p in projects["projects"] if p["name"].startswith("Hippocampal place cells")][0]
    check(isinstance(place["sessions"][0], dict) and "name" in place["sessions"][0], "include sessions.*")

    status, page2 = client.load("session", limit=2, offset=2)
    check(status == 200 and len(page2["sessions"]) == 2 and page2["count"] > 4, "limit/offset")
    status, everything = client.load("session", load_all=True, limit=3)
    check(len(everything["sessions"]) == page2["count"], "load_all pages through everything")
    check(len({s["id"] for s in everything["sessions"]}) == page2["count"], "load_all has no duplicates")

    status, sessions = client.load("session", filters={"projects.id": place["id"]},
                                   include=["dataacquisition", "behaviors", "manipulations", "epochs"])
    check(status == 200 and all(place["id"] in s["projects"] for s in sessions["sessions"]), "load_session by project")

    status, created = client.save("session", data={"name": "Example Session", "projects": [place["id"]], "description": "Created via API tool"})
    check(status == 201 and created["session"]["name"] == "Example Session", "create session")
    sid = created["session"]["id"]
    status, updated = client.save("session", id=sid, data={"description": "Updated via API"})
    check(status == 200 and updated["session"]["description"] == "Updated via API", "update session")

    # Load, edit, save: send a whole list record back, only description changed.
    status, listed = client.load("session", filters={"name": "Example Session"})
    record = dict(listed["sessions"][0], description="recipe")
    status, recipe = client.save("session", id=sid, data=record)
    check(status == 200 and recipe["session"]["description"] == "recipe", "PATCH whole record back")

    status, _ = client.delete("session", id=sid)
    check(status == 204, "delete returns 204")
    status, gone = client.load("session", id=sid)
    check(status == 404, "deleted session is 404")

    status, bad = client.save("session", data={"name": "x", "projects": []})
    check(status == 400 and "projects" in bad, "validation error names the field")

    status, logs = client.load("subjectlog", filters={"type": "Weighing"})
    log = logs["subject_logs"][0]
    status, added = client.save("subjectlog", id=log["id"], options="add_entry",
                                data={"date_time": "2023-04-05T13:45:00Z", "notes": None, "details": {"weight": {"value": 9.0, "unit": "g"}}})
    check(status == 200 and any(e["date_time"] == "2023-04-05T13:45:00Z" for e in added["subject_log"]["entries"]), "add_entry")
    status, removed = client.save("subjectlog", id=log["id"], options="remove_entry", data={"date_time": "2023-04-05T13:45:00Z"})
    check(status == 200 and not any(e["date_time"] == "2023-04-05T13:45:00Z" for e in removed["subject_log"]["entries"]), "remove_entry")

    status, proposal = client.save("species", data={"name": "MyNewSpecies", "description": ""})
    check(status == 201 and proposal["species_approval"]["status"] == "Pending", "species add goes through approval")

    status, invitations = client.load("project_membership_invitation")
    check(status == 200 and "project_membership_invitations" in invitations, "alias URL project_membership_invitation")

    status, groups = client.load("group", filters={"name": "Andersen Lab"})
    check(groups["groups"][0]["users"]["alice@example.org"]["is_owner"] is True, "group users")

    status, err = client.load("session", filters={"nope": "1"})
    check(status == 400 and "nope" in err["detail"], "unknown filter is a 400 naming it")

    status, err = Client(url, "wrong-token").load("session")
    check(status == 401 and "detail" in err, "bad token is 401")

    print("OK %d checks" % CHECKS)


if __name__ == "__main__":
    main()
