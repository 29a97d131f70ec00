// One stored article, read from /api/articles/{id}. Every value goes into the page through textContent, so
// nothing an article contains can become markup or code.
"use strict";

function element(tag, textContent, className) {
  const node = document.createElement(tag);
  if (textContent !== undefined) node.textContent = textContent;
  if (className) node.className = className;
  return node;
}

function listInto(id, items, toText) {
  const list = document.getElementById(id);
  list.replaceChildren(...items.map(item => element("li", toText(item))));
  if (items.length === 0) list.appendChild(element("li", "none", "muted"));
}

function render(document_) {
  const article = document_.article;
  document.title = `Pipeline - ${article.title}`;
  document.getElementById("title").textContent = article.title;
  const meta = [
    article.publishedAt || "no date",
    article.language || "language unknown",
    article.siteName,
    article.dateline,
    article.authors && article.authors.length ? `by ${article.authors.join(", ")}` : null,
    article.sources && article.sources.length ? `cites ${article.sources.join(", ")}` : null,
    `${article.wordCount} words`,
  ];
  document.getElementById("meta").textContent = meta.filter(Boolean).join(" · ");
  document.getElementById("summary").textContent = article.summary || "";
  // The body's paragraphs are separated by a blank line (Article.ParagraphSeparator).
  const paragraphs = (article.body || "").split("\n\n");
  document.getElementById("body").replaceChildren(...paragraphs.map(text => element("p", text)));
  listInto("entities", article.entities || [], e => `${e.name} (${e.type}, ${e.mentions.length} mention${e.mentions.length === 1 ? "" : "s"})`);
  listInto("quotes", article.quotes || [], q => `${q.speaker || "unnamed"}: “${q.text}”`);
  document.getElementById("keywords").textContent = (article.keywords || []).join(", ") || "none";
  document.getElementById("version").textContent = String(document_.version);
  document.getElementById("path").textContent = article.source.path;
  document.getElementById("article").hidden = false;
  document.getElementById("status").textContent = "";
}

async function load() {
  const id = new URLSearchParams(location.search).get("id") || "";
  const raw = `/api/articles/${encodeURIComponent(id)}`;
  document.getElementById("raw").href = raw;
  // Back to the search this article was opened from, when there is one.
  if (document.referrer && new URL(document.referrer).pathname === "/search") {
    document.getElementById("back").href = new URL(document.referrer).pathname + new URL(document.referrer).search;
  }
  const response = await fetch(raw, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    document.getElementById("status").textContent = response.status === 404 ? "No stored article has this id." : `The article could not be read: ${response.status}`;
    return;
  }
  render(await response.json());
}

load().catch(error => { document.getElementById("status").textContent = `The article could not be read: ${error.message}`; });
