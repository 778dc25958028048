// JourneyCanvas workshop page: join, add notes, vote. No libraries, no network but our own.
// Every text from a person goes into the page with textContent, never as HTML.
"use strict";

const STRINGS = {
  en: {
    connecting: "Connecting…", online: "Connected", offline: "Offline: notes wait here",
    yourName: "Your name", join: "Join", yourNote: "Your note", add: "Add",
    yourNotes: "Your notes", wall: "Notes so far", closed: "Input is closed for now.",
    removed: "The facilitator removed you from this workshop.", hello: "Hi, {name}",
    edit: "Edit", save: "Save", delete: "Delete", vote: "Vote", votesLeft: "Votes left: {n}",
    saving: "sending…", queued: "waiting to send", waitingInput: "waits until input opens",
    nameNeeded: "Please give your name.",
  },
  sv: {
    connecting: "Ansluter…", online: "Ansluten", offline: "Offline: lapparna väntar här",
    yourName: "Ditt namn", join: "Gå med", yourNote: "Din lapp", add: "Lägg till",
    yourNotes: "Dina lappar", wall: "Lappar hittills", closed: "Inmatningen är stängd just nu.",
    removed: "Ledaren har tagit bort dig från workshoppen.", hello: "Hej, {name}",
    edit: "Ändra", save: "Spara", delete: "Ta bort", vote: "Rösta", votesLeft: "Röster kvar: {n}",
    saving: "skickar…", queued: "väntar på att skickas", waitingInput: "väntar tills inmatningen öppnar",
    nameNeeded: "Skriv ditt namn.",
  },
  pl: {
    connecting: "Łączenie…", online: "Połączono", offline: "Offline: notatki czekają tutaj",
    yourName: "Twoje imię", join: "Dołącz", yourNote: "Twoja notatka", add: "Dodaj",
    yourNotes: "Twoje notatki", wall: "Dotychczasowe notatki", closed: "Dodawanie jest teraz zamknięte.",
    removed: "Prowadzący usunął cię z warsztatu.", hello: "Cześć, {name}",
    edit: "Edytuj", save: "Zapisz", delete: "Usuń", vote: "Głosuj", votesLeft: "Pozostałe głosy: {n}",
    saving: "wysyłanie…", queued: "czeka na wysłanie", waitingInput: "czeka na otwarcie dodawania",
    nameNeeded: "Podaj swoje imię.",
  },
  zh: {
    connecting: "正在连接…", online: "已连接", offline: "离线：便签保存在这里",
    yourName: "你的名字", join: "加入", yourNote: "你的便签", add: "添加",
    yourNotes: "你的便签", wall: "已有便签", closed: "现在暂停添加。",
    removed: "主持人已将你移出本次研讨会。", hello: "你好，{name}",
    edit: "编辑", save: "保存", delete: "删除", vote: "投票", votesLeft: "剩余票数：{n}",
    saving: "发送中…", queued: "等待发送", waitingInput: "等待开放添加",
    nameNeeded: "请输入你的名字。",
  },
  id: {
    connecting: "Menghubungkan…", online: "Terhubung", offline: "Offline: catatan menunggu di sini",
    yourName: "Nama Anda", join: "Gabung", yourNote: "Catatan Anda", add: "Tambah",
    yourNotes: "Catatan Anda", wall: "Catatan sejauh ini", closed: "Input sedang ditutup.",
    removed: "Fasilitator mengeluarkan Anda dari lokakarya ini.", hello: "Halo, {name}",
    edit: "Ubah", save: "Simpan", delete: "Hapus", vote: "Pilih", votesLeft: "Sisa suara: {n}",
    saving: "mengirim…", queued: "menunggu dikirim", waitingInput: "menunggu input dibuka",
    nameNeeded: "Silakan isi nama Anda.",
  },
};

// The facilitator's interface language (the server writes it into the page), else the
// phone's first language the page has, else English.
function pickLanguage() {
  const facilitator = document.documentElement.dataset.facilitator || "";
  const phone = navigator.languages || [navigator.language || "en"];
  for (const tag of [facilitator, ...phone]) {
    let base = String(tag).toLowerCase().split(/[-_]/)[0];
    if (base === "in") base = "id";  // the old code of Indonesian
    if (STRINGS[base]) return base;
  }
  return "en";
}

const LANG = pickLanguage();
document.documentElement.lang = LANG === "zh" ? "zh-CN" : LANG;
const T = STRINGS[LANG];
const $ = (id) => document.getElementById(id);
const BASE = location.pathname.replace(/[^/]*$/, "");
const STORE_KEY = "journeycanvas-workshop:" + BASE;

function text(key, values) {
  let s = T[key] || STRINGS.en[key] || key;
  for (const [name, value] of Object.entries(values || {})) s = s.split("{" + name + "}").join(value);
  return s;
}

function load() {
  try {
    const data = JSON.parse(localStorage.getItem(STORE_KEY) || "{}");
    return { token: data.token || null, name: data.name || "", queue: Array.isArray(data.queue) ? data.queue : [] };
  } catch (e) {
    return { token: null, name: "", queue: [] };
  }
}

const store = load();
function persist() {
  localStorage.setItem(STORE_KEY, JSON.stringify(store));
}

let socket = null;
let joined = false;
let retry = 500;
let gone = false;
let state = { input: null, locked: false, round: null, timer: null };
let mine = [];            // saved notes: {id, text}
const wall = new Map();   // card id -> {author, text}
const waitingInput = new Set();
let editing = null;
let timerEnd = null;

function newId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function send(data) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(data));
    return true;
  }
  return false;
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  socket = new WebSocket(scheme + location.host + BASE + "ws");
  socket.onopen = () => {
    retry = 500;
    if (store.token) send({ type: "hello", token: store.token });
    else showJoin();
  };
  socket.onmessage = (event) => receive(JSON.parse(event.data));
  socket.onclose = (event) => {
    joined = false;
    setStatus("offline");
    if (event.code === 1008 || gone) return;
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 5000);
  };
}

function receive(message) {
  switch (message.type) {
    case "welcome":
      store.token = message.token;
      store.name = message.name;
      persist();
      joined = true;
      setStatus("online");
      showMain();
      flushQueue();
      break;
    case "mine":
      mine = message.notes;
      render();
      break;
    case "wall":
      wall.clear();
      for (const note of message.notes) wall.set(note.card, note);
      renderWall();
      break;
    case "wall_changes":
      for (const change of message.changes) {
        if (change.op === "posted") wall.set(change.card, { author: change.author, text: change.text });
        else if (change.op === "changed" && wall.has(change.card)) wall.get(change.card).text = change.text;
        else if (change.op === "unposted") wall.delete(change.card);
      }
      renderWall();
      break;
    case "saved":
      saved(message.id, message.text);
      break;
    case "deleted":
      mine = mine.filter((n) => n.id !== message.id);
      render();
      break;
    case "state":
      state = message;
      timerEnd = message.timer === null ? null : Date.now() + message.timer * 1000;
      render();
      if (state.input && !state.locked && waitingInput.size) flushQueue();
      break;
    case "error":
      refused(message.id, message.reason);
      break;
    case "removed":
      gone = true;
      store.token = null;
      persist();
      $("main").hidden = true;
      $("join").hidden = true;
      $("gone").hidden = false;
      break;
  }
}

function saved(id, noteText) {
  store.queue = store.queue.filter((n) => n.id !== id);
  persist();
  waitingInput.delete(id);
  const existing = mine.find((n) => n.id === id);
  if (existing) existing.text = noteText;
  else mine.push({ id: id, text: noteText });
  render();
}

function refused(id, reason) {
  if (!joined) {
    if (store.token && reason === "unknown participant") {
      store.token = null;
      persist();
      showJoin();
    }
    $("joinError").textContent = reason;
    return;
  }
  const queued = id && store.queue.find((n) => n.id === id);
  if (queued && reason === "input is closed") {
    waitingInput.add(id);  // kept: sent again when the facilitator opens input
  } else if (queued && reason !== "slow down") {
    store.queue = store.queue.filter((n) => n.id !== id);
    persist();
  }
  $("noteError").textContent = reason;
  render();
}

function flushQueue() {
  if (!joined) return;
  for (const note of store.queue) {
    if (waitingInput.has(note.id) && !(state.input && !state.locked)) continue;
    waitingInput.delete(note.id);
    send({ type: "note", id: note.id, text: note.text });
  }
}

function setStatus(key) {
  $("status").textContent = text(key);
}

function showJoin() {
  $("join").hidden = false;
  $("main").hidden = true;
  $("name").value = store.name;
}

function showMain() {
  $("join").hidden = true;
  $("main").hidden = false;
  $("hello").textContent = text("hello", { name: store.name });
}

function button(label, onClick, plain) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (plain) b.className = "plain";
  b.addEventListener("click", onClick);
  return b;
}

function span(className, content) {
  const s = document.createElement("span");
  s.className = className;
  s.textContent = content;
  s.dir = "auto";
  return s;
}

function render() {
  $("title").textContent = state.title || "JourneyCanvas";
  const input = state.input;
  $("where").textContent = input ? [input.stage, input.lane].filter(Boolean).join(" · ") : "";
  $("prompt").textContent = input ? [input.kind, input.prompt].filter(Boolean).join(": ") : "";
  const open = Boolean(input) && !state.locked;
  $("closed").hidden = open;
  $("add").disabled = !open;
  renderMine(open);
  renderRound();
}

function renderMine(open) {
  const list = $("mine");
  list.replaceChildren();
  for (const note of mine) {
    const li = document.createElement("li");
    if (editing === note.id) {
      const box = document.createElement("textarea");
      box.value = note.text;
      box.dir = "auto";
      box.maxLength = 500;
      li.append(box, button(text("save"), () => {
        const value = box.value.trim();
        if (value && send({ type: "edit", id: note.id, text: value })) editing = null;
      }));
    } else {
      li.append(span("text", note.text));
      if (!state.locked) {
        li.append(
          button(text("edit"), () => { editing = note.id; render(); }, true),
          button(text("delete"), () => send({ type: "delete", id: note.id }), true),
        );
      }
    }
    list.append(li);
  }
  for (const note of store.queue) {
    const li = document.createElement("li");
    const status = waitingInput.has(note.id) ? "waitingInput" : (joined ? "saving" : "queued");
    li.append(span("text", note.text), span("state", text(status)));
    list.append(li);
  }
}

function renderWall() {
  const list = $("wall");
  list.replaceChildren();
  for (const note of wall.values()) {
    const li = document.createElement("li");
    const body = span("text", "");
    body.append(span("who", note.author), document.createTextNode(note.text));
    li.append(body);
    list.append(li);
  }
}

function renderRound() {
  const round = state.round;
  $("round").hidden = !round;
  if (!round) return;
  $("roundTitle").textContent = round.title;
  $("votesLeft").textContent = text("votesLeft", { n: round.votes_left });
  const list = $("candidates");
  list.replaceChildren();
  for (const candidate of round.candidates) {
    const li = document.createElement("li");
    const dots = "●".repeat((round.mine || {})[candidate.card] || 0);
    const vote = button(text("vote"), () => send({ type: "vote", card: candidate.card }));
    vote.disabled = round.votes_left <= 0;
    vote.dataset.card = candidate.card;
    li.append(span("text", candidate.text), span("dots", dots), vote);
    list.append(li);
  }
}

function tick() {
  const el = $("timer");
  if (timerEnd === null) {
    el.hidden = true;
    return;
  }
  const left = Math.max(0, Math.round((timerEnd - Date.now()) / 1000));
  el.hidden = false;
  el.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
  el.className = left === 0 ? "over" : "";
}

document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.lang = LANG;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = text(el.dataset.t);
  setStatus("connecting");
  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = $("name").value.trim();
    if (!name) {
      $("joinError").textContent = text("nameNeeded");
      return;
    }
    store.name = name;
    persist();
    send({ type: "join", name: name });
  });
  $("noteForm").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("note").value.trim();
    if (!value) return;
    const note = { id: newId(), text: value };
    store.queue.push(note);  // kept on the phone until the editor says it is saved
    persist();
    $("note").value = "";
    $("noteError").textContent = "";
    send({ type: "note", id: note.id, text: note.text });
    render();
  });
  setInterval(tick, 1000);
  render();
  connect();
});
