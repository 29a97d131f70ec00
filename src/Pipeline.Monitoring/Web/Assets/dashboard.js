// Queue health dashboard. Every value from the server goes into the page through textContent or SVG
// attributes, never as HTML, so nothing an article or an error message contains can run as code.
"use strict";

const refreshMs = 2000;
const columns = ["queue", "ready", "unacked", "consumers", "consumerUtilisation", "publishRate", "deliverRate",
  "errors", "retries", "processingTimeMs", "oldestMessageAgeSeconds"];
const svgNs = "http://www.w3.org/2000/svg";

function text(value, suffix = "") {
  if (value === null || value === undefined) return "-";
  if (typeof value === "number") return (Number.isInteger(value) ? String(value) : value.toFixed(2)) + suffix;
  return String(value) + suffix;
}

function cellText(stage, field) {
  const value = stage[field];
  switch (field) {
    case "consumerUtilisation": return value === null ? "-" : Math.round(value * 100) + " %";
    case "processingTimeMs": return value === null ? "-" : value.toFixed(1) + " ms";
    case "oldestMessageAgeSeconds": return text(value, " s");
    default: return text(value);
  }
}

function element(tag, textContent, className) {
  const node = document.createElement(tag);
  if (textContent !== undefined) node.textContent = textContent;
  if (className) node.className = className;
  return node;
}

function stageRow(tbody, stage) {
  let row = tbody.querySelector(`tr[data-stage="${CSS.escape(stage.stage)}"]`);
  if (!row) {
    row = element("tr");
    row.dataset.stage = stage.stage;
    const name = element("td", stage.stage);
    name.dataset.field = "stage";
    row.appendChild(name);
    for (const field of columns) {
      const cell = element("td");
      cell.dataset.field = field;
      row.appendChild(cell);
    }
    for (const chart of ["depth", "deliverRate"]) {
      const cell = element("td");
      cell.dataset.chart = chart;
      const svg = document.createElementNS(svgNs, "svg");
      svg.setAttribute("class", "spark");
      svg.setAttribute("viewBox", "0 0 140 28");
      svg.setAttribute("preserveAspectRatio", "none");
      svg.appendChild(document.createElementNS(svgNs, "polyline"));
      cell.appendChild(svg);
      row.appendChild(cell);
    }
    tbody.appendChild(row);
  }
  return row;
}

function renderStages(stages) {
  const tbody = document.querySelector("#stages tbody");
  for (const stage of stages) {
    const row = stageRow(tbody, stage);
    for (const field of columns) {
      const cell = row.querySelector(`td[data-field="${field}"]`);
      cell.textContent = cellText(stage, field);
      if (field === "errors") cell.classList.toggle("errors-nonzero", stage.errors > 0);
    }
  }
}

function renderAlerts(alerts) {
  const list = document.getElementById("alerts");
  list.replaceChildren();
  if (alerts.length === 0) {
    list.appendChild(element("li", "none", "muted"));
    return;
  }
  for (const alert of alerts) {
    const item = element("li", undefined, alert.severity);
    item.dataset.code = alert.code;
    item.append(element("strong", `${alert.severity} - ${alert.stage}: `), element("span", alert.message),
      element("span", alert.action, "action"));
    list.appendChild(item);
  }
}

function renderTotals(totals) {
  const latency = totals ? totals.endToEndLatency : null;
  const set = (selector, value) => { document.querySelector(selector).textContent = value; };
  const ms = value => Math.round(value) + " ms";
  set('#latency [data-field="p50"]', latency ? ms(latency.p50) : "-");
  set('#latency [data-field="p95"]', latency ? ms(latency.p95) : "-");
  set('#latency [data-field="p99"]', latency ? ms(latency.p99) : "-");
  set('#latency [data-field="count"]', latency ? text(latency.count) : "-");
  for (const field of ["documentsCompleted", "documentsStored", "inboxFiles", "quarantined"]) {
    set(`#totals [data-field="${field}"]`, totals ? text(totals[field]) : "-");
  }
}

function renderStatus(status) {
  const badge = document.getElementById("health");
  badge.textContent = status.health;
  badge.dataset.health = status.health;
  document.getElementById("source").textContent = "source: " + status.source;
  document.getElementById("updated").textContent = "at " + new Date(status.generatedAt).toLocaleTimeString();
  renderStages(status.stages);
  failedMessages.errorDepth(status.stages.reduce((sum, stage) => sum + (stage.errors || 0), 0));
  renderAlerts(status.alerts);
  renderTotals(status.pipeline);
}

function drawSpark(svg, values) {
  const line = svg.querySelector("polyline");
  if (values.length === 0) { line.setAttribute("points", ""); return; }
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? 140 / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(27 - (v / max) * 26).toFixed(1)}`);
  line.setAttribute("points", points.join(" "));
  svg.dataset.max = String(max);
  svg.dataset.points = String(values.length);
}

function renderCharts(series) {
  for (const stage of series.stages) {
    const row = document.querySelector(`#stages tr[data-stage="${CSS.escape(stage.stage)}"]`);
    if (!row) continue;
    drawSpark(row.querySelector('td[data-chart="depth"] svg'), stage.depth);
    drawSpark(row.querySelector('td[data-chart="deliverRate"] svg'), stage.deliverRate);
  }
}

async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

async function refresh() {
  try {
    renderStatus(await getJson("/api/status"));
    renderCharts(await getJson("/api/status/history"));
  } catch (error) {
    const badge = document.getElementById("health");
    badge.textContent = "host unreachable";
    badge.dataset.health = "Unhealthy";
    document.getElementById("updated").textContent = String(error.message);
  } finally {
    setTimeout(refresh, refreshMs);
  }
}

refresh();
