// Failed messages panel: groups from GET /api/errors, replay through POST /api/errors/replay.
// Listing takes every message out of the error queues and puts it back, so it runs only when the panel
// opens, on Refresh, or (while open) when the error-queue depth from /api/status changed and 30 s have
// passed since the last listing. All server text goes in through textContent.
"use strict";

const failedMessages = (() => {
  const minimumListIntervalMs = 30000;
  const panel = document.getElementById("failed-panel");
  const tbody = document.querySelector("#failed tbody");
  const status = document.getElementById("failed-status");
  const note = document.getElementById("failed-note");
  const replayAll = document.getElementById("failed-replay-all");
  const keyForm = document.getElementById("failed-key");
  const keyInput = document.getElementById("failed-key-input");

  let apiKey = null;          // memory only: never stored, gone with the page
  let pendingReplay = null;   // the replay that waits for the key
  let lastListedAt = 0;
  let listedDepth = null;     // error-queue depth from /api/status when the list was taken
  let currentDepth = null;
  let busy = false;

  function cell(textContent, className) {
    const node = document.createElement("td");
    node.textContent = textContent;
    if (className) node.className = className;
    return node;
  }

  function render(report) {
    tbody.replaceChildren();
    note.hidden = report.supported;
    note.textContent = report.supported ? "" : report.note;
    replayAll.disabled = !report.supported || report.total === 0;
    if (!report.supported) return;
    if (report.groups.length === 0) {
      const row = document.createElement("tr");
      const empty = cell("No failed messages.", "muted");
      empty.colSpan = 5;
      row.appendChild(empty);
      tbody.appendChild(row);
      return;
    }
    const groupsPerStage = new Map();
    for (const group of report.groups) groupsPerStage.set(group.stage, (groupsPerStage.get(group.stage) || 0) + 1);
    for (const group of report.groups) {
      const row = document.createElement("tr");
      row.dataset.stage = group.stage;
      row.dataset.exception = group.exceptionType;
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "Replay";
      // The API narrows a replay by stage or by message id: a stage with one group is replayed whole,
      // otherwise each message of this group by its id, so other exceptions of the stage stay parked.
      const requests = groupsPerStage.get(group.stage) === 1
        ? [{ stage: group.stage }]
        : group.messageIds.map(id => ({ stage: group.stage, id }));
      button.addEventListener("click", () => replay(requests));
      const action = document.createElement("td");
      action.appendChild(button);
      row.append(cell(group.stage), cell(group.exceptionType), cell(String(group.count)),
        cell(group.exampleMessage, "example"), action);
      tbody.appendChild(row);
    }
  }

  async function list() {
    if (busy) return;
    busy = true;
    status.textContent = "loading...";
    try {
      const response = await fetch("/api/errors", { cache: "no-store" });
      if (!response.ok) throw new Error(`/api/errors: HTTP ${response.status}`);
      const report = await response.json();
      lastListedAt = Date.now();
      listedDepth = currentDepth;
      render(report);
      status.textContent = report.supported
        ? `${report.total} failed message(s) at ${new Date().toLocaleTimeString()}`
        : "";
    } catch (error) {
      status.textContent = String(error.message);
    } finally {
      busy = false;
    }
  }

  async function post(request) {
    const query = new URLSearchParams(request);
    const headers = apiKey === null ? {} : { "X-Api-Key": apiKey };
    return fetch(`/api/errors/replay?${query}`, { method: "POST", headers });
  }

  async function replay(requests) {
    if (busy) return;
    busy = true;
    let replayed = 0;
    try {
      for (let i = 0; i < requests.length; i++) {
        const response = await post(requests[i]);
        if (response.status === 401) {
          const hadKey = apiKey !== null;
          apiKey = null;
          pendingReplay = requests.slice(i);
          keyForm.hidden = false;
          keyInput.value = "";
          keyInput.focus();
          status.textContent = hadKey ? "The key was refused: enter the key from Errors:ApiKey." : "Replay needs the API key.";
          return;
        }
        if (!response.ok) throw new Error(`replay: HTTP ${response.status}`);
        replayed += (await response.json()).replayed;
      }
      status.textContent = `Replayed ${replayed} message(s).`;
    } catch (error) {
      status.textContent = String(error.message);
      return;
    } finally {
      busy = false;
    }
    await list();
    status.textContent = `Replayed ${replayed} message(s). ` + status.textContent;
  }

  keyForm.addEventListener("submit", event => {
    event.preventDefault();
    apiKey = keyInput.value;
    keyInput.value = "";
    keyForm.hidden = true;
    const requests = pendingReplay;
    pendingReplay = null;
    if (requests) replay(requests);
  });
  document.getElementById("failed-key-cancel").addEventListener("click", () => {
    keyForm.hidden = true;
    pendingReplay = null;
    status.textContent = "Replay cancelled.";
  });
  document.getElementById("failed-refresh").addEventListener("click", list);
  replayAll.addEventListener("click", () => replay([{}]));
  panel.addEventListener("toggle", () => { if (panel.open) list(); });

  return {
    /** Called with each status: the summary shows the depth, an open panel re-lists when it changed. */
    errorDepth(depth) {
      currentDepth = depth;
      const summary = document.getElementById("failed-depth");
      summary.textContent = `${depth} in error queues`;
      summary.classList.toggle("errors-nonzero", depth > 0);
      if (panel.open && lastListedAt > 0 && depth !== listedDepth && Date.now() - lastListedAt >= minimumListIntervalMs) list();
    },
  };
})();
