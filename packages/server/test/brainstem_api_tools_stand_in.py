"""An offline stand-in for the official Python tool's `brainstem_api_tools` package.

The official package comes from PyPI, which the tests cannot reach. This module keeps its documented signatures
(`BrainstemClient(token=, headless=, url=)`, `load`, `save`, `delete`) and builds requests the way its source
does: `{url}api/{portal}/{app}/{model}/[{id}/][{options}]`, `filter{key}` / `sort[]` / `include[]=rel.*` /
`limit` / `offset` query parameters (none with `id`), PATCH for `save` with an id and POST without, the token as
`Authorization: Bearer`. It sends them with urllib.

Environment: BRAINSTEM_STAND_IN_APPS, a JSON object model name -> app (from the registry, aliases included);
BRAINSTEM_STAND_IN_OUT, a file that gets each answer as one JSON line {"status": ..., "body": ...}.
"""
import json
import os
import urllib.error
import urllib.parse
import urllib.request

_MODEL_TO_APP = json.loads(os.environ["BRAINSTEM_STAND_IN_APPS"])


class Response:
    def __init__(self, status_code, body):
        self.status_code = status_code
        self._body = body

    def json(self):
        return self._body


class BrainstemClient:
    BASE_URL = "https://www.brainstem.org/"

    def __init__(self, token=None, headless=False, url=None):
        if not token:
            raise RuntimeError("the stand-in has no device login: pass token=")
        base = (url.rstrip("/") + "/") if url else self.BASE_URL
        self._address = base + "api/"
        self._token = token

    def _build_url(self, portal, app, model, id=None, options=None):
        url = f"{self._address}{portal}/{app}/{model}/"
        if id:
            url += f"{id}/"
        if options:
            url += options
        return url

    def _send(self, method, url, params=None, data=None):
        query = urllib.parse.urlencode(params or [], doseq=True)
        headers = {"Authorization": f"Bearer {self._token}"}
        body = None
        if data is not None:
            body = json.dumps(data).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(url + ("?" + query if query else ""), data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req) as res:
                status, raw = res.status, res.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        parsed = json.loads(raw) if raw else None
        with open(os.environ["BRAINSTEM_STAND_IN_OUT"], "a", encoding="utf-8") as out:
            out.write(json.dumps({"status": status, "body": parsed}) + "\n")
        return Response(status, parsed)

    def load(self, model, portal="private", id=None, options=None, filters=None, sort=None, include=None,
             limit=None, offset=None, load_all=False):
        if load_all:
            raise NotImplementedError("load_all: the snippets load one page")
        url = self._build_url(portal, _MODEL_TO_APP[model], model, id, options if id else None)
        params = {}
        if not id:
            for key, val in (filters or {}).items():
                params[f"filter{{{key}}}"] = val
            for field in sort or []:
                params.setdefault("sort[]", []).append(field)
            for rel in include or []:
                params.setdefault("include[]", []).append(f"{rel}.*")
            if limit is not None:
                params["limit"] = limit
            if offset is not None:
                params["offset"] = offset
        return self._send("GET", url, params)

    def save(self, model, portal="private", id=None, data=None, options=None):
        app = _MODEL_TO_APP[model]
        if data is None:
            data = {}
        if id is not None:
            return self._send("PATCH", self._build_url(portal, app, model, id, options), data=data)
        return self._send("POST", self._build_url(portal, app, model, options=options), data=data)

    def delete(self, model, portal="private", id=None):
        if id is None:
            raise ValueError("'id' is required to delete a record.")
        return self._send("DELETE", self._build_url(portal, _MODEL_TO_APP[model], model, id))
