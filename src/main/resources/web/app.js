// The page: asks for a name, waits for the admin, then shows rooms and private conversations as tabs
// with their messages, members and topic. Every text from others goes into the page as text nodes
// (textContent, createTextNode): never as HTML.
import { Session } from "./session.js";
import { fold, isRoom } from "./irc.js";
import { formatted, plain } from "./text.js";
import { interpret, COMMANDS } from "./commands.js";

const $ = (id) => document.getElementById(id);
const joinForm = $("join"), joinStatus = $("join-status"), chat = $("chat");
const tabsBar = $("tabs"), log = $("log"), membersList = $("members"), topicLine = $("topic");
const statusLine = $("status"), input = $("input"), compose = $("compose");

/** Conversations by folded name: {name, el (its log), tab, unread, mentions, lastMine, last, messages}. */
const conversations = new Map();
let current = null;
let session = null;
let home = null;
const typists = new Map(); // folded conversation -> Map(nick -> until ms)
let typingSent = { target: null, at: 0 };
let motd = []; // the server's message of the day, shown in its room on entering

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function hhmm(iso) {
  const d = iso ? new Date(iso) : new Date();
  return "[" + String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0") + "]";
}

// ---- joining ------------------------------------------------------------------------------

joinForm.addEventListener("submit", (e) => {
  e.preventDefault();
  const name = $("name").value.trim();
  const password = $("password").value;
  if (!name) return;
  joinStatus.textContent = "Connecting...";
  $("join-button").disabled = true;
  start(name, password ? { account: name, password } : null);
});

function socketUrl() {
  const path = document.querySelector('meta[name="chatroom-websocket"]')?.content || "/";
  return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
}

function start(name, login) {
  session = new Session(socketUrl(), name, login);
  session
    .on("waiting", (e) => (joinStatus.textContent = e.text || "Waiting for the admin to accept you..."))
    .on("nameRefused", (e) => {
      if (e.accepted) return problem("The name " + plain(e.name) + " " + e.reason + ".");
      session.final = true;
      session.refused = "The name " + plain(e.name) + " " + e.reason + ". Pick another one.";
      session.quit();
    })
    .on("welcome", (e) => welcome(e))
    .on("entered", (e) => entered(e.room))
    .on("parted", (e) => info(e.room, "You left " + plain(e.room) + "."))
    .on("kicked", (e) => info(e.room, "You were removed from " + plain(e.room) + " by " + plain(e.by) + (e.reason ? " (" + plain(e.reason) + ")" : "") + "."))
    .on("joined", (e) => info(e.room, "* " + plain(e.nick) + (home && fold(e.room) === fold(home) ? " entered the chatroom." : " joined " + plain(e.room) + ".")))
    .on("left", (e) => {
      stopTyping(e.room, e.nick);
      info(e.room, "* " + plain(e.nick) + (e.quit ? " left the chat" : " left " + plain(e.room)) + (e.reason && e.reason !== "left the chat" ? " (" + plain(e.reason) + ")" : "") + ".");
    })
    .on("renamed", (e) => {
      for (const c of conversations.values()) if (isRoom(c.name)) info(c.name, "* " + plain(e.from) + " is now " + plain(e.to) + ".");
      updateStatus();
    })
    .on("members", (e) => {
      if (!e.room || !current || fold(e.room.name) !== fold(current.name)) return;
      showMembers();
      updateStatus();
    })
    .on("topic", (e) => {
      if (e.by) info(e.room, "* " + plain(e.by) + " set the topic: " + plain(e.text));
      if (current && fold(current.name) === fold(e.room)) showTopic();
    })
    .on("message", (e) => message(e))
    .on("historyStart", (e) => {
      // above the first message (or history separator) shown, below the welcome lines
      if (e.older) conversation(e.target).olderAt = conversation(e.target).el.querySelector(".message, .separator");
      else separator(e.target, e.after ? "--- while you were away ---" : "--- earlier messages ---");
    })
    .on("historyEnd", (e) => {
      if (!e.older) return separator(e.target, "--- now ---");
      const c = conversation(e.target);
      c.olderAt = null;
      c.more.disabled = false;
    })
    .on("noOlder", (e) => {
      const c = conversation(e.target);
      c.more.textContent = "No earlier messages";
      c.more.disabled = true;
    })
    .on("motd", (e) => (motd = e.lines))
    .on("reaction", (e) => reaction(e))
    .on("deleted", (e) => deleted(e))
    .on("typing", (e) => typingOf(e))
    .on("info", (e) => info(e.room || (current && current.name), e.text))
    .on("problem", (e) => problem(e.text))
    .on("retrying", (e) => {
      statusLine.textContent = "Reconnecting in " + e.seconds + " s... (attempt " + e.attempt + ")";
      problem("Disconnected. Reconnecting in " + e.seconds + " s... (attempt " + e.attempt + ")");
    })
    .on("closed", (e) => closed(e));
  session.connect();
}

function backToJoin(text) {
  chat.hidden = true;
  joinForm.hidden = false;
  $("join-button").disabled = false;
  joinStatus.textContent = text;
  $("name").focus();
}

function welcome(e) {
  joinForm.hidden = true;
  chat.hidden = false;
  if (e.back) problem("Reconnected.");
  updateStatus();
  input.focus();
}

function closed(e) {
  session.remember();
  if (!session.everAccepted) {
    if (session.refused) return backToJoin(session.refused);
    return backToJoin(e.reason === "connection lost" ? "Could not join: " + e.reason + "." : sentence(plain(e.reason)));
  }
  if (e.final) {
    problem(e.reason === "You left the chat." ? e.reason : "Disconnected: " + plain(e.reason));
    statusLine.textContent = "Not connected. Reload the page to join again.";
    input.disabled = true;
  }
}

// ---- conversations ------------------------------------------------------------------------

function conversation(name) {
  const key = fold(name);
  let c = conversations.get(key);
  if (c) return c;
  c = { name, el: el("div", "conversation"), tab: el("button", "tab"), unread: 0, mentions: 0, messages: [], byId: new Map() };
  c.el.setAttribute("role", "log");
  c.more = el("button", "earlier", "Earlier messages");
  c.more.type = "button";
  c.more.addEventListener("click", () => {
    if (session.older(c.name)) c.more.disabled = true;
    else problem("This server keeps no history.");
  });
  c.el.appendChild(c.more);
  c.tab.type = "button";
  c.tab.addEventListener("click", () => show(c));
  conversations.set(key, c);
  tabsBar.appendChild(c.tab);
  drawTab(c);
  if (!current) show(c);
  return c;
}

function drawTab(c) {
  c.tab.textContent = plain(c.name) + (c.unread ? " (" + c.unread + ")" : "");
  c.tab.classList.toggle("current", c === current);
  c.tab.classList.toggle("mention", c.mentions > 0);
  c.tab.setAttribute("aria-current", c === current ? "page" : "false");
  const unread = [...conversations.values()].reduce((n, x) => n + x.unread, 0);
  document.title = (unread ? "(" + unread + ") " : "") + "chatroom";
}

function show(c) {
  current = c;
  c.unread = 0;
  c.mentions = 0;
  log.replaceChildren(c.el);
  for (const x of conversations.values()) drawTab(x);
  showMembers();
  showTopic();
  updateStatus();
  scrollDown(true);
  if (c.last) session.markRead(c.name, c.last);
}

function entered(room) {
  if (!home) home = room;
  const c = conversation(room);
  if (fold(room) === fold(home) && !c.welcomed) {
    c.welcomed = true;
    for (const l of motd) info(room, l);
    info(room, "Welcome to " + plain(room) + ", " + plain(session.nick) + ". Type /help for commands.");
  }
  if (session.reconnected && current) drawTab(c); // back after a reconnection: stay where the person was
  else show(c);
}

function showMembers() {
  membersList.replaceChildren();
  const r = current && isRoom(current.name) ? session.rooms.get(fold(current.name)) : null;
  membersList.hidden = !r;
  if (!r) return;
  const people = [...r.members.values()].sort((a, b) => a.nick.localeCompare(b.nick, undefined, { sensitivity: "base" }));
  membersList.appendChild(el("li", "count", people.length + (people.length === 1 ? " person" : " people")));
  for (const p of people) {
    const li = el("li");
    li.appendChild(nickButton(p.nick, p.prefix));
    membersList.appendChild(li);
  }
}

function showTopic() {
  const r = current && isRoom(current.name) ? session.rooms.get(fold(current.name)) : null;
  topicLine.replaceChildren();
  if (r && r.topic) topicLine.appendChild(formatted(r.topic));
  else if (current && !isRoom(current.name)) topicLine.textContent = "Private conversation with " + plain(current.name);
}

/** A name that opens a private conversation when clicked. */
function nickButton(nick, prefix = "") {
  const b = el("button", "nick", prefix + plain(nick));
  b.type = "button";
  b.title = "Talk privately with " + plain(nick);
  if (!session.isMe(nick)) b.addEventListener("click", () => show(conversation(nick)));
  return b;
}

// ---- lines --------------------------------------------------------------------------------

function append(name, node, { history = false } = {}) {
  const c = conversation(name || (current && current.name) || "*");
  const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 40;
  if (history) node.classList.add("history");
  if (history && c.olderAt !== undefined && c.olderAt !== null) {
    c.el.insertBefore(node, c.olderAt); // earlier messages asked for go above what is shown, in order
    return c;
  }
  c.el.appendChild(node);
  if (c === current) scrollDown(atBottom);
  return c;
}

function scrollDown(really) {
  if (really) log.scrollTop = log.scrollHeight;
}

function info(name, text) {
  append(name, el("div", "line info", plain(text)));
}

function problem(text) {
  append(current ? current.name : null, el("div", "line problem", plain(text)));
}

function separator(name, text) {
  append(name, el("div", "line separator", text));
}

function message(e) {
  const c = conversation(e.conversation);
  const line = el("div", "line message" + (e.mention ? " mention" : "") + (e.notice ? " notice" : ""));
  line.appendChild(el("time", "time", hhmm(e.time)));
  line.appendChild(document.createTextNode(" "));
  if (e.action) {
    line.appendChild(document.createTextNode("* "));
    line.appendChild(nickButton(e.from));
    line.appendChild(document.createTextNode(" "));
  } else {
    line.appendChild(nickButton(e.from));
    if (e.replyTo) {
      const quoted = c.byId.get(e.replyTo);
      line.appendChild(el("span", "reply", " ↪ " + (quoted ? plain(quoted.from) + ': "' + shorten(plain(quoted.text)) + '"' : "an earlier message")));
    }
    line.appendChild(document.createTextNode(": "));
  }
  const body = el("span", "text");
  e.text.split("\n").forEach((l, n) => {
    if (n > 0) body.appendChild(el("br"));
    body.appendChild(formatted(l));
  });
  line.appendChild(body);
  const entry = { ...e, line, body, reactions: new Map() };
  if (e.msgid) c.byId.set(e.msgid, entry);
  c.messages.push(entry);
  if (c.messages.length > 2000) c.messages.shift();
  if (!e.history) {
    if (e.mine) c.lastMine = entry;
    stopTyping(e.conversation, e.from);
  }
  c.last = e.time;
  append(e.conversation, line, { history: e.history });
  if (c !== current && !e.mine && !e.history) {
    c.unread++;
    if (e.mention || !isRoom(c.name)) c.mentions++;
    drawTab(c);
  } else if (c === current && !document.hidden) session.markRead(c.name, e.time);
}

/** The server's reason as a sentence: "the admin rejected your request" -> "The admin rejected your request." */
function sentence(t) {
  if (!t) return t;
  const s = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : s + ".";
}

function shorten(t) {
  return t.length > 30 ? t.slice(0, 30) + "..." : t;
}

function reaction(e) {
  const c = conversation(e.conversation);
  const m = c.byId.get(e.to);
  if (!m) return info(e.conversation, "* " + plain(e.nick) + " reacted " + plain(e.emoji));
  m.reactions.set(e.emoji, (m.reactions.get(e.emoji) || 0) + 1);
  let sum = m.line.querySelector(".reactions");
  if (!sum) m.line.appendChild((sum = el("span", "reactions")));
  sum.textContent = "  (" + [...m.reactions].map(([k, n]) => plain(k) + " " + n).join(", ") + ")";
}

function deleted(e) {
  const c = conversation(e.target);
  const m = c.byId.get(e.msgid);
  if (!m) return;
  m.body.replaceChildren(document.createTextNode("(message deleted)"));
  m.line.classList.add("deleted");
}

// ---- typing -------------------------------------------------------------------------------

function typingOf(e) {
  const key = fold(e.conversation);
  if (!typists.has(key)) typists.set(key, new Map());
  if (e.state === "active") typists.get(key).set(e.nick, Date.now() + 6000);
  else typists.get(key).delete(e.nick);
  updateStatus();
  setTimeout(updateStatus, 6100);
}

function stopTyping(conv, nick) {
  typists.get(fold(conv))?.delete(nick);
  updateStatus();
}

function updateStatus() {
  if (!session || !current) return;
  const now = Date.now();
  const who = [...(typists.get(fold(current.name)) || new Map())].filter(([, until]) => until > now).map(([n]) => plain(n));
  const r = isRoom(current.name) ? session.rooms.get(fold(current.name)) : null;
  let text = plain(session.nick) + (r ? " in " + plain(current.name) + " (" + r.members.size + ")" : ", privately with " + plain(current.name));
  if (who.length === 1) text += " | " + who[0] + " is typing…";
  else if (who.length > 1) text += " | " + who.join(" and ") + " are typing…";
  statusLine.textContent = text;
}

// ---- sending ------------------------------------------------------------------------------

input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    compose.requestSubmit();
  }
});

input.addEventListener("input", () => {
  const text = input.value;
  const target = current && current.name;
  if (!target || !session) return;
  if (!text || text.startsWith("/")) {
    if (typingSent.target) session.typing(typingSent.target, "done");
    typingSent = { target: null, at: 0 };
    return;
  }
  if (typingSent.target !== target || Date.now() - typingSent.at >= 3000) {
    session.typing(target, "active");
    typingSent = { target, at: Date.now() };
  }
});

document.addEventListener("keydown", (e) => {
  if (e.altKey && e.key >= "1" && e.key <= "9") {
    const c = [...conversations.values()][Number(e.key) - 1];
    if (c) {
      e.preventDefault();
      show(c);
      input.focus();
    }
  }
});

compose.addEventListener("submit", (e) => {
  e.preventDefault();
  const text = input.value.replace(/\s+$/, "");
  input.value = "";
  if (typingSent.target) session.typing(typingSent.target, "done");
  typingSent = { target: null, at: 0 };
  if (text.trim()) run(text);
});

function run(text) {
  const here = current ? current.name : home;
  const what = interpret(text);
  if (what.problem) return problem(what.problem);
  if (what.send) {
    const to = what.send.to || here;
    if (!to) return problem("You are not in a room yet.");
    session.say(to, what.send.text, { action: what.send.action });
    if (what.send.to) show(conversation(what.send.to));
    return;
  }
  if (what.users) {
    const r = isRoom(here) ? session.rooms.get(fold(here)) : null;
    if (!r) return problem("Not in a room.");
    const names = [...r.members.values()].map((m) => m.prefix + plain(m.nick)).sort();
    return info(here, "In " + plain(here) + " (" + names.length + "): " + names.join(", "));
  }
  if (what.help) {
    info(here, "Commands:");
    for (const [usage, help] of COMMANDS) info(here, "  " + usage.padEnd(28) + " " + help);
    return info(here, "Shift+Enter starts a new line; Alt+1..9 switches tabs; click a name to talk privately.");
  }
  if (what.leave !== undefined) return session.quit(what.leave);
  if (what.join) return session.send("JOIN", what.key ? [what.join, what.key] : [what.join]);
  if (what.part !== undefined) {
    const room = what.part || here;
    if (!isRoom(room)) return problem("Usage: /part [#room] [reason]");
    return session.send("PART", what.reason ? [room, what.reason] : [room]);
  }
  if (what.raw) return session.send(what.raw[0], what.raw[1]);
  if (what.topic !== undefined) {
    if (!isRoom(here)) return problem("Topics are for rooms.");
    return session.send("TOPIC", what.topic ? [here, what.topic] : [here]);
  }
  const last = current && [...current.messages].reverse().find((m) => m.msgid && !m.mine);
  if (what.react) {
    if (!last) return problem("No message to react to here.");
    session.react(here, last.msgid, what.react);
    return info(here, "* You reacted " + plain(what.react) + " to " + plain(last.from) + ': "' + shorten(plain(last.text)) + '"');
  }
  if (what.reply) {
    if (!last) return problem("No message to reply to here.");
    return session.say(here, what.reply, { replyTo: last.msgid });
  }
}

document.addEventListener("visibilitychange", () => {
  if (!document.hidden && current && current.last && session) session.markRead(current.name, current.last);
});

$("name").focus();
