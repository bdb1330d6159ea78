// Calls to settings-service's admin API. A signed-in person's calls carry only the session cookie (the tokens
// stay on the server); as break-glass, the admin token lives in sessionStorage (gone when the tab closes) and
// goes out as a bearer token. Nothing else about the admin is kept in the browser.

const tokenKey = "loyalife-admin-token";
const listeners = new Set();

export const token = {
  get: () => sessionStorage.getItem(tokenKey),
  set: (value) => sessionStorage.setItem(tokenKey, value),
  clear: () => sessionStorage.removeItem(tokenKey),
};

/** Called with a message when the server no longer accepts the session or the token. */
export function onSignedOut(listener) {
  listeners.add(listener);
}

/**
 * One call. Answers {status, ok, data, text, response}; never throws for an HTTP status, only when the server
 * cannot be reached at all (status 0 then, so every caller can show "not available").
 */
export async function api(method, path, { body, accept } = {}) {
  // The header a change made with the session cookie must carry: a cross-site form could not add it.
  const headers = { "X-Loyalife-Admin": "1" };
  if (token.get()) headers.Authorization = "Bearer " + token.get();
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (accept) headers.Accept = accept;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
  } catch {
    return { status: 0, ok: false, data: null, text: "" };
  }
  if (response.status === 401) {
    const message = token.get() ? "The admin token was not accepted. Sign in again." : "Your sign-in has ended. Sign in again.";
    token.clear();
    for (const listener of listeners) listener(message);
  }
  if (accept && !accept.includes("json") && response.ok) {
    return { status: response.status, ok: true, data: null, text: "", response };
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  return { status: response.status, ok: response.ok, data, text };
}

/** True when an endpoint is simply not there (yet) or its backend is away: the section says "not available". */
export function unavailable(result) {
  return result.status === 0 || result.status === 502 || result.status === 503
    // A 404 with the framework's bare "Not Found" is a route that is not there; ours always say what is unknown.
    || (result.status === 404 && (!result.data?.title || result.data.title === "Not Found")) || result.status === 405;
}

/** The sentence a problem answer carries, for the admin to read. */
export function describe(result) {
  if (result.status === 0) return "The settings service could not be reached.";
  return result.data?.detail || result.data?.title || `The request failed (HTTP ${result.status}).`;
}

export function integrationPath(programId) {
  return `/v1/programs/${encodeURIComponent(programId)}/integrations/moengage`;
}

export function programPath(programId) {
  return `/v1/programs/${encodeURIComponent(programId)}`;
}
