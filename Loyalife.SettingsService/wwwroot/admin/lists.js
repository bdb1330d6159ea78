// How every section shows a list it fetched, so they all say the same three things the same way:
// why the list is not available, that it is empty, or the list itself.

import { describe, unavailable } from "./api.js";
import { notAvailable, empty } from "./dom.js";

/**
 * Fills target from an api() answer and answers the list, or null when there is none to show.
 * items picks the list out of the answer (the answer is the list by default); notOffered is the reason shown
 * when the endpoint or its backend is away, any other failure showing the server's own words (without it,
 * no reason is shown); render(list, data) builds the nodes of a list that is not empty.
 */
export function showList(target, response, { what, notOffered, none, items = (data) => data }, render) {
  const list = response.ok ? items(response.data) : null;
  if (!Array.isArray(list)) {
    const why = notOffered === undefined ? undefined : unavailable(response) ? notOffered : describe(response);
    target.replaceChildren(notAvailable(what, why));
    return null;
  }
  target.replaceChildren(...[list.length === 0 ? empty(none) : render(list, response.data)].flat());
  return list;
}
