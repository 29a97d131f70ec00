// Search page. The search lives in the address (q, lang, source, entity, from, to, page), so a search can be
// shared, reloaded and stepped through with Back. Every value from the server goes into the page through
// textContent, and highlights are <mark> elements built around text nodes, so nothing an article contains can
// become markup or code.
"use strict";

const pageSize = 10;
const filterNames = ["lang", "source", "entity", "from", "to"];
const form = document.getElementById("search-form");

function element(tag, textContent, className) {
  const node = document.createElement(tag);
  if (textContent !== undefined) node.textContent = textContent;
  if (className) node.className = className;
  return node;
}

function currentState() {
  const params = new URLSearchParams(location.search);
  const state = { q: params.get("q") || "", page: Math.max(1, parseInt(params.get("page") || "1", 10) || 1) };
  for (const name of filterNames) state[name] = params.get(name) || "";
  return state;
}

function formState() {
  const state = { q: form.q.value.trim(), page: 1 };
  for (const name of filterNames) state[name] = form[name].value.trim();
  return state;
}

function fillForm(state) {
  form.q.value = state.q;
  for (const name of filterNames) form[name].value = state[name];
}

function queryString(state, withPaging) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const name of filterNames) if (state[name]) params.set(name, state[name]);
  if (withPaging) {
    params.set("page", String(state.page));
    params.set("pageSize", String(pageSize));
  } else if (state.page > 1) {
    params.set("page", String(state.page));
  }
  return params.toString();
}

function navigate(state) {
  const query = queryString(state, false);
  history.pushState(null, "", query ? `?${query}` : location.pathname);
  run();
}

// The snippet with each highlight span wrapped in <mark>; spans are UTF-16 offsets, as JavaScript strings are.
function highlightedSnippet(snippet, highlights) {
  const paragraph = element("p", undefined, "snippet");
  let position = 0;
  for (const span of highlights || []) {
    if (span.start < position || span.start + span.length > snippet.length) continue;
    paragraph.appendChild(document.createTextNode(snippet.slice(position, span.start)));
    paragraph.appendChild(element("mark", snippet.slice(span.start, span.start + span.length)));
    position = span.start + span.length;
  }
  paragraph.appendChild(document.createTextNode(snippet.slice(position)));
  return paragraph;
}

function renderHits(response, state) {
  const list = document.getElementById("results");
  list.replaceChildren();
  list.start = (state.page - 1) * pageSize + 1;
  for (const hit of response.hits) {
    const item = element("li");
    item.dataset.id = hit.id;
    const link = element("a", hit.title || "(untitled)", "title");
    link.href = `/search/article?id=${encodeURIComponent(hit.id)}`;
    item.appendChild(link);
    const meta = element("div", [hit.publishedAt ? hit.publishedAt.slice(0, 10) : "no date", hit.language || "?", hit.source.path].join(" · ") + " · ", "meta");
    const raw = element("a", "JSON", "raw");
    raw.href = `/api/articles/${encodeURIComponent(hit.id)}`;
    meta.appendChild(raw);
    item.appendChild(meta);
    item.appendChild(highlightedSnippet(hit.snippet, hit.highlights));
    list.appendChild(item);
  }

  const pages = Math.max(1, Math.ceil(response.total / pageSize));
  document.getElementById("total").textContent = `${response.total} article${response.total === 1 ? "" : "s"}`;
  document.getElementById("pager").hidden = response.total <= pageSize;
  document.getElementById("page-info").textContent = `Page ${state.page} of ${pages}`;
  document.getElementById("previous").disabled = state.page <= 1;
  document.getElementById("next").disabled = state.page >= pages;
  document.getElementById("status").textContent = response.total === 0 ? "Nothing matches. Try fewer words or fewer filters." : "";
}

function monthRange(month) {
  const [year, number] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

function facetChoice(facet, value, state) {
  switch (facet) {
    case "languages": return { lang: state.lang === value ? "" : value };
    case "sources": return { source: state.source === value ? "" : value };
    case "entities": return { entity: state.entity === value ? "" : value };
    default: {
      const range = monthRange(value);
      return state.from === range.from && state.to === range.to ? { from: "", to: "" } : range;
    }
  }
}

function isChosen(facet, value, state) {
  switch (facet) {
    case "languages": return state.lang === value;
    case "sources": return state.source.toLowerCase() === value.toLowerCase();
    case "entities": return state.entity.toLowerCase() === value.toLowerCase();
    default: return value !== "unknown" && state.from === monthRange(value).from && state.to === monthRange(value).to;
  }
}

function renderFacets(facets, state) {
  for (const container of document.querySelectorAll(".facet")) {
    const facet = container.dataset.facet;
    const list = container.querySelector("ul");
    list.replaceChildren();
    for (const { value, count } of facets[facet] || []) {
      const item = element("li");
      if (value === "unknown") {
        item.appendChild(element("span", value));
      } else {
        const button = element("button", value);
        button.type = "button";
        button.dataset.value = value;
        button.setAttribute("aria-pressed", String(isChosen(facet, value, state)));
        button.addEventListener("click", () => {
          const next = { ...state, ...facetChoice(facet, value, state), page: 1 };
          fillForm(next);
          navigate(next);
        });
        item.appendChild(button);
      }
      item.appendChild(element("span", String(count), "count"));
      list.appendChild(item);
    }
    if (list.children.length === 0) list.appendChild(element("li", "none", "muted"));
  }
}

async function fetchJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body && body.error ? body.error : `${response.status} ${response.statusText}`);
  return body;
}

let latestRun = 0;

async function run() {
  const state = currentState();
  fillForm(state);
  const run = ++latestRun;
  document.getElementById("status").textContent = "Searching…";
  try {
    const [response, facets] = await Promise.all([
      fetchJson(`/api/search?${queryString(state, true)}`),
      fetchJson(`/api/facets?${queryString({ ...state, page: 1 }, false)}`),
    ]);
    if (run !== latestRun) return; // A newer search has started; its answer wins.
    renderHits(response, state);
    renderFacets(facets, state);
  } catch (error) {
    if (run !== latestRun) return;
    document.getElementById("results").replaceChildren();
    document.getElementById("total").textContent = "";
    document.getElementById("pager").hidden = true;
    document.getElementById("status").textContent = `Search failed: ${error.message}`;
  }
}

form.addEventListener("submit", event => {
  event.preventDefault();
  navigate(formState());
});
for (const name of ["lang", "from", "to"]) form[name].addEventListener("change", () => navigate(formState()));
document.getElementById("clear-filters").addEventListener("click", () => {
  const state = { ...formState() };
  for (const name of filterNames) state[name] = "";
  fillForm(state);
  navigate(state);
});
document.getElementById("previous").addEventListener("click", () => navigate({ ...currentState(), page: currentState().page - 1 }));
document.getElementById("next").addEventListener("click", () => navigate({ ...currentState(), page: currentState().page + 1 }));
window.addEventListener("popstate", run);
run();
