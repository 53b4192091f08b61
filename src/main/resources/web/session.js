// One person's IRC session over the server's WebSocket (IRCv3 websocket, text.ircv3.net): registration
// (with SASL PLAIN when a password is given), the capabilities the page uses, batches, history, and
// reconnection with the terminal client's back-off, catching up on what was missed without gaps or
// duplicates. Everything the page shows comes out of here as events (on(name, handler)).
import { parse, line, fold, isRoom } from "./irc.js";

const WANTED = [
  "message-tags", "server-time", "batch", "echo-message", "labeled-response", "draft/chathistory",
  "away-notify", "account-tag", "multi-prefix", "draft/read-marker", "draft/multiline",
  "draft/message-redaction", "standard-replies",
];
/** Back-off between attempts: 1 s doubling to 30 s, give or take a fifth, as the terminal client. */
const FIRST_RETRY_MS = 1000, MAX_RETRY_MS = 30000;
/** Read markers go out at most this often. */
const READ_MARKER_MS = 3000;
/** Codes after which coming back would not help. */
const FINAL = ["APPROVAL_REJECTED", "APPROVAL_EXPIRED", "APPROVAL_QUEUE_FULL", "NICK_TAKEN_OVER"];

export class Session {
  constructor(url, nick, login = null) {
    this.url = url;
    this.wanted = nick;
    this.nick = nick;
    this.login = login; // {account, password} or null
    this.handlers = {};
    this.caps = new Map(); // acknowledged capability -> value
    this.offered = new Map();
    this.rooms = new Map(); // folded room -> {name, members: Map(folded nick -> {nick, prefix}), topic}
    this.newest = new Map(); // folded conversation -> {msgid, time} of the newest message seen
    this.oldest = new Map(); // ... and of the oldest, from which earlier messages are asked for
    this.olderAsked = new Set(); // folded conversations whose earlier messages are on their way
    this.readPending = new Map(); // folded conversation -> {target, time}: read markers not sent yet
    this.seen = new Set(); // msgids shown, so that catching up shows nothing twice
    this.batches = new Map();
    this.labels = 0;
    this.attempt = 0;
    this.everAccepted = false;
    this.quitting = false;
    this.final = false;
  }

  on(name, handler) {
    (this.handlers[name] ??= []).push(handler);
    return this;
  }

  emit(name, event = {}) {
    for (const h of this.handlers[name] ?? []) h(event);
  }

  has(cap) {
    return this.caps.has(cap);
  }

  connect() {
    this.accepted = false;
    this.errorText = null;
    this.offered.clear();
    this.caps.clear();
    this.emit("connecting", { attempt: this.attempt });
    const ws = new WebSocket(this.url, ["text.ircv3.net"]);
    this.ws = ws;
    ws.onopen = () => {
      this.send("CAP", ["LS", "302"]);
      this.send("NICK", [this.nick]);
      this.send("USER", [this.wanted, "0", "*", this.wanted]);
    };
    ws.onmessage = (e) => {
      if (typeof e.data === "string") for (const l of e.data.split(/\r?\n/)) if (l) this.receive(parse(l));
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.closed();
    };
  }

  send(command, params = [], tags = null) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN && !this.quitSent) {
      if (command === "QUIT") this.quitSent = true;
      this.ws.send(line(command, params, tags));
    }
  }

  quit(reason) {
    this.quitting = true;
    clearTimeout(this.retryTimer);
    this.sendReadMarkers(); // what was read goes before we do
    if (this.ws) this.send("QUIT", reason ? [reason] : []);
    else this.emit("closed", { reason: "You left the chat.", final: true });
  }

  /** A new name while the server still asks for one (before acceptance) or later, /nick. */
  rename(nick) {
    this.wanted = nick;
    this.send("NICK", [nick]);
  }

  closed() {
    const reason = this.errorText || "connection lost";
    const retry = !this.quitting && !this.final && (this.everAccepted || this.accepted);
    this.emit("closed", { reason: this.quitting ? "You left the chat." : reason, final: !retry, accepted: this.accepted });
    if (!retry) return;
    this.attempt++;
    const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(20, this.attempt - 1));
    const wait = base - base / 5 + Math.random() * (base / 5) * 2;
    this.emit("retrying", { seconds: Math.max(1, Math.round(wait / 1000)), attempt: this.attempt });
    this.retryTimer = setTimeout(() => this.connect(), wait);
  }

  label() {
    return "w" + ++this.labels;
  }

  // ---- in ---------------------------------------------------------------------------------

  receive(m) {
    const batchRef = m.tags.batch;
    if (batchRef && this.batches.has(batchRef) && m.command !== "BATCH") {
      this.batches.get(batchRef).lines.push(m);
      return;
    }
    switch (m.command) {
      case "PING":
        this.send("PONG", m.params);
        break;
      case "CAP":
        this.onCap(m);
        break;
      case "AUTHENTICATE":
        if (m.params[0] === "+" && this.login) {
          const bytes = new TextEncoder().encode(this.login.account + "\0" + this.login.account + "\0" + this.login.password);
          let s = "";
          for (const b of bytes) s += String.fromCharCode(b);
          const b64 = btoa(s);
          for (let i = 0; i < b64.length; i += 400) this.send("AUTHENTICATE", [b64.slice(i, i + 400)]);
          if (b64.length % 400 === 0) this.send("AUTHENTICATE", ["+"]);
        }
        break;
      case "903":
        this.send("CAP", ["END"]);
        break;
      case "902": case "904": case "905": case "906":
        this.final = true;
        this.emit("problem", { text: "Login failed: " + (m.params.at(-1) || "wrong account or password") });
        this.quit();
        break;
      case "001":
        this.onWelcome(m);
        break;
      case "375":
        this.motd = [];
        break;
      case "372":
        (this.motd ??= []).push((m.params[1] || "").replace(/^- ?/, ""));
        break;
      case "376": case "422":
        this.emit("motd", { lines: this.motd ?? [] });
        this.motd = null;
        break;
      case "433": case "432":
        this.emit("nameRefused", {
          name: m.params[1],
          reason: m.command === "432" ? "is not allowed" : (m.params.at(-1) || "").includes("registered") ? "is registered to an account" : "is already taken",
          accepted: this.accepted,
        });
        break;
      case "FAIL": case "NOTE": case "WARN":
        this.onStandardReply(m);
        break;
      case "ERROR": {
        const t = m.params[0] || "closed by the server";
        this.errorText = t.startsWith("Closing link: ") ? t.slice(14) : t;
        break;
      }
      case "BATCH":
        this.onBatch(m);
        break;
      case "JOIN": this.onJoin(m); break;
      case "PART": this.onPart(m); break;
      case "KICK": this.onKick(m); break;
      case "QUIT": this.onQuit(m); break;
      case "NICK": this.onNick(m); break;
      case "TOPIC": this.topic(m.params[0], m.params[1] || "", m.nick); break;
      case "332": this.topic(m.params[1], m.params[2] || "", null); break;
      case "353": this.onNames(m); break;
      case "366": this.emit("members", { room: this.room(m.params[1]) }); break;
      case "PRIVMSG": case "NOTICE": this.onMessage(m, false); break;
      case "TAGMSG": this.onTagmsg(m); break;
      case "REDACT": this.emit("deleted", { target: this.conversationOf(m), msgid: m.params[1], by: m.nick }); break;
      case "AWAY": this.emit("away", { nick: m.nick, text: m.params[0] || null }); break;
      case "MARKREAD": this.emit("read", { target: m.params[0], time: (m.params[1] || "").replace(/^timestamp=/, "") }); break;
      case "401": case "403": case "404": case "442": case "471": case "473": case "474": case "475": case "477": case "482":
        this.emit("problem", { text: m.params.slice(1).join(": ") });
        break;
      default:
        if (/^[0-9]{3}$/.test(m.command) && Number(m.command) >= 400) this.emit("problem", { text: m.params.at(-1) });
    }
  }

  onCap(m) {
    const sub = m.params[1];
    if (sub === "LS" || sub === "NEW") {
      const more = m.params[2] === "*";
      for (const tok of (more ? m.params[3] : m.params[2] || "").split(" ").filter(Boolean)) {
        const eq = tok.indexOf("=");
        this.offered.set(eq < 0 ? tok : tok.slice(0, eq), eq < 0 ? "" : tok.slice(eq + 1));
      }
      if (more) return;
      const ask = WANTED.filter((c) => this.offered.has(c) && !this.caps.has(c));
      if (this.login && this.offered.has("sasl")) ask.push("sasl");
      if (ask.length) this.send("CAP", ["REQ", ask.join(" ")]);
      else if (sub === "LS") this.endCaps();
    } else if (sub === "ACK") {
      for (const c of (m.params[2] || "").split(" ").filter(Boolean)) {
        if (c.startsWith("-")) this.caps.delete(c.slice(1));
        else this.caps.set(c, this.offered.get(c) ?? "");
      }
      if (!this.accepted) this.endCaps();
    } else if (sub === "NAK") {
      if (!this.accepted) this.endCaps();
    } else if (sub === "DEL") {
      for (const c of (m.params[2] || "").split(" ")) this.caps.delete(c);
    }
  }

  endCaps() {
    if (this.login && this.caps.has("sasl")) this.send("AUTHENTICATE", ["PLAIN"]);
    else {
      if (this.login) this.emit("problem", { text: "This server does not offer logging in here; joining as a guest." });
      this.send("CAP", ["END"]);
    }
  }

  onStandardReply(m) {
    const code = m.params[1];
    if (code === "APPROVAL_PENDING") this.emit("waiting", { text: m.params.at(-1) });
    else if (FINAL.includes(code)) this.final = true;
    else this.emit(m.command === "NOTE" ? "info" : "problem", { text: m.params.at(-1) });
  }

  onWelcome(m) {
    this.nick = m.params[0];
    this.accepted = true;
    const back = this.everAccepted;
    this.everAccepted = true;
    this.reconnected = back;
    this.attempt = 0;
    this.emit("welcome", { nick: this.nick, back });
    if (back) for (const r of this.rejoin ?? []) this.send("JOIN", [r]);
  }

  isMe(nick) {
    return nick && fold(nick) === fold(this.nick);
  }

  room(name) {
    const key = fold(name);
    if (!this.rooms.has(key)) this.rooms.set(key, { name, members: new Map(), topic: "", names: null });
    return this.rooms.get(key);
  }

  onJoin(m) {
    const name = m.params[0];
    if (this.isMe(m.nick)) {
      this.home ??= name; // the server's own room: it puts us there again by itself
      const r = this.room(name);
      r.members.clear();
      this.emit("entered", { room: name });
      this.catchUp(name);
    } else {
      this.room(name).members.set(fold(m.nick), { nick: m.nick, prefix: "" });
      this.emit("joined", { room: name, nick: m.nick, time: m.tags.time });
    }
    this.emit("members", { room: this.room(name) });
  }

  onPart(m) {
    const r = this.room(m.params[0]);
    if (this.isMe(m.nick)) {
      this.rooms.delete(fold(m.params[0]));
      this.emit("parted", { room: m.params[0] });
      return;
    }
    r.members.delete(fold(m.nick));
    this.emit("left", { room: m.params[0], nick: m.nick, reason: m.params[1] || "" });
    this.emit("members", { room: r });
  }

  onKick(m) {
    const [room, victim, reason] = m.params;
    if (this.isMe(victim)) {
      this.rooms.delete(fold(room));
      if (m.fromServer) this.final = true;
      this.emit("kicked", { room, by: m.nick, reason: reason || "" });
      return;
    }
    const r = this.room(room);
    r.members.delete(fold(victim));
    this.emit("left", { room, nick: victim, reason: "removed by " + m.nick + (reason ? ": " + reason : "") });
    this.emit("members", { room: r });
  }

  onQuit(m) {
    for (const r of this.rooms.values()) {
      if (r.members.delete(fold(m.nick))) {
        this.emit("left", { room: r.name, nick: m.nick, reason: m.params[0] || "", quit: true });
        this.emit("members", { room: r });
      }
    }
  }

  onNick(m) {
    const to = m.params[0];
    if (this.isMe(m.nick)) this.nick = to;
    for (const r of this.rooms.values()) {
      const had = r.members.get(fold(m.nick));
      if (!had) continue;
      r.members.delete(fold(m.nick));
      r.members.set(fold(to), { nick: to, prefix: had.prefix });
      this.emit("members", { room: r });
    }
    this.emit("renamed", { from: m.nick, to });
  }

  onNames(m) {
    const r = this.room(m.params[2]);
    for (const entry of (m.params[3] || "").split(" ").filter(Boolean)) {
      const prefix = entry.match(/^[~&@%+]*/)[0];
      const nick = entry.slice(prefix.length);
      r.members.set(fold(nick), { nick, prefix });
    }
  }

  topic(room, text, by) {
    this.room(room).topic = text;
    this.emit("topic", { room, text, by });
  }

  conversationOf(m) {
    const target = m.params[0] || "";
    return isRoom(target) ? target : this.isMe(m.nick) ? target : m.nick;
  }

  /** A message: live, echoed, or from history (history: true). */
  onMessage(m, history) {
    if (m.fromServer) {
      this.emit("info", { text: m.params.at(-1), room: isRoom(m.params[0] || "") ? m.params[0] : null });
      return;
    }
    let text = m.params[1] ?? "";
    let action = false;
    if (text.startsWith("\x01")) {
      const body = text.replace(/^\x01|\x01$/g, "");
      if (!body.startsWith("ACTION ")) return; // other CTCP is not chat
      text = body.slice(7);
      action = true;
    }
    this.message(m, text, action, history);
  }

  message(m, text, action, history) {
    const msgid = m.tags.msgid || null;
    if (msgid && this.seen.has(msgid)) return;
    if (msgid) this.seen.add(msgid);
    const conversation = this.conversationOf(m);
    const time = m.tags.time || new Date().toISOString();
    const key = fold(conversation);
    const newest = this.newest.get(key);
    if (!newest || newest.time <= time) this.newest.set(key, { msgid, time });
    const oldest = this.oldest.get(key);
    if (!oldest || time < oldest.time) this.oldest.set(key, { msgid, time });
    this.emit("message", {
      conversation, from: m.nick, text, action, notice: m.command === "NOTICE", history,
      msgid, time, mine: this.isMe(m.nick), replyTo: m.tags["+draft/reply"] || null,
      mention: !this.isMe(m.nick) && mentions(text, this.nick),
    });
  }

  onTagmsg(m) {
    const conversation = this.conversationOf(m);
    if (this.isMe(m.nick) && m.tags["+typing"]) return;
    if (m.tags["+typing"]) this.emit("typing", { conversation, nick: m.nick, state: m.tags["+typing"] });
    else if (m.tags["+draft/react"]) {
      if (m.tags.msgid && this.seen.has(m.tags.msgid)) return;
      if (m.tags.msgid) this.seen.add(m.tags.msgid);
      this.emit("reaction", { conversation, nick: m.nick, emoji: m.tags["+draft/react"], to: m.tags["+draft/reply"] });
    }
  }

  onBatch(m) {
    const ref = m.params[0].slice(1);
    if (m.params[0].startsWith("+")) {
      this.batches.set(ref, { type: m.params[1], params: m.params.slice(2), start: m, lines: [] });
      return;
    }
    const b = this.batches.get(ref);
    this.batches.delete(ref);
    if (!b) return;
    const outer = b.start.tags.batch && this.batches.get(b.start.tags.batch);
    if (outer) {
      // a batch inside another (a multiline message in history): the outer one takes it whole
      outer.lines.push({ batch: b });
      return;
    }
    this.endBatch(b, false);
  }

  endBatch(b, history) {
    if (b.type === "draft/multiline") {
      const s = b.start;
      let text = "";
      b.lines.forEach((l, n) => {
        if (n > 0 && !("draft/multiline-concat" in l.tags)) text += "\n";
        text += l.params[1] ?? "";
      });
      const first = b.lines[0];
      if (!first) return;
      const m = { ...first, tags: { ...first.tags, ...s.tags }, nick: s.nick, source: s.source, command: first.command };
      this.message(m, text, false, history);
      return;
    }
    const isHistory = b.type === "chathistory";
    const older = isHistory && this.olderAsked.delete(fold(b.params[0] || ""));
    if (older && !b.lines.length) this.emit("noOlder", { target: b.params[0] });
    if (isHistory && !b.lines.length) return;
    if (isHistory) this.emit("historyStart", { target: b.params[0], after: this.everAccepted && this.reconnected, older });
    for (const l of b.lines) {
      if (l.batch) this.endBatch(l.batch, isHistory);
      else if (l.command === "PRIVMSG" || l.command === "NOTICE") this.onMessage(l, isHistory);
      else if (l.command === "TAGMSG") this.onTagmsg(l);
      else this.receive({ ...l, tags: { ...l.tags, batch: undefined } });
    }
    if (isHistory) this.emit("historyEnd", { target: b.params[0], older });
  }

  /** After entering a room: the latest messages, or after a reconnection what came since the newest seen. */
  catchUp(room) {
    if (!this.has("draft/chathistory") || !this.has("batch")) return;
    const newest = this.newest.get(fold(room));
    if (newest) this.send("CHATHISTORY", ["AFTER", room, newest.msgid ? "msgid=" + newest.msgid : "timestamp=" + newest.time, "1000"]);
    else this.send("CHATHISTORY", ["LATEST", room, "*", "50"]);
  }

  /** Up to 50 messages from before the oldest one seen of a conversation. */
  older(target) {
    if (!this.has("draft/chathistory") || !this.has("batch")) return false;
    const oldest = this.oldest.get(fold(target));
    const from = oldest ? (oldest.msgid ? "msgid=" + oldest.msgid : "timestamp=" + oldest.time) : "timestamp=" + new Date().toISOString();
    this.olderAsked.add(fold(target));
    this.send("CHATHISTORY", ["BEFORE", target, from, "50"]);
    return true;
  }

  // ---- out --------------------------------------------------------------------------------

  /** A message to a room or a person; several lines go as one multiline message when the server takes them. */
  say(target, text, { action = false, replyTo = null } = {}) {
    const tags = replyTo && this.has("message-tags") ? { "+draft/reply": replyTo } : null;
    const lines = text.split("\n");
    if (lines.length > 1 && !action && this.has("draft/multiline") && this.has("batch")) {
      const ref = "m" + ++this.labels;
      this.send("BATCH", ["+" + ref, "draft/multiline", target], tags);
      for (const l of lines) this.send("PRIVMSG", [target, l], { batch: ref });
      this.send("BATCH", ["-" + ref]);
    } else {
      for (const l of lines) {
        if (!l.trim()) continue;
        this.send("PRIVMSG", [target, action ? "\x01ACTION " + l + "\x01" : l], tags);
      }
    }
    if (!this.has("echo-message")) {
      this.message({ nick: this.nick, params: [target], tags: {}, command: "PRIVMSG" }, text, action, false);
    }
  }

  react(target, msgid, emoji) {
    if (this.has("message-tags")) this.send("TAGMSG", [target], { "+draft/react": emoji, "+draft/reply": msgid });
  }

  typing(target, state) {
    if (this.has("message-tags")) this.send("TAGMSG", [target], { "+typing": state });
  }

  /**
   * Read up to time. Sent at most every 3 s, the newest time of each conversation: a marker per
   * message of a busy room would spend the flood allowance (2 lines a second) on markers.
   */
  markRead(target, time) {
    if (!this.has("draft/read-marker") || !time) return;
    const had = this.readPending.get(fold(target));
    if (!had || had.time < time) this.readPending.set(fold(target), { target, time });
    this.readTimer ??= setTimeout(() => this.sendReadMarkers(), READ_MARKER_MS);
  }

  sendReadMarkers() {
    clearTimeout(this.readTimer);
    this.readTimer = null;
    for (const { target, time } of this.readPending.values()) this.send("MARKREAD", [target, "timestamp=" + time]);
    this.readPending.clear();
  }

  /** Rooms to go back to after a reconnection: the ones we are in now. */
  remember() {
    if (this.rooms.size) this.rejoin = [...this.rooms.values()].map((r) => r.name).filter((n) => !this.home || fold(n) !== fold(this.home));
  }
}

/** Whether text names nick as a word. */
export function mentions(text, nick) {
  if (!nick) return false;
  const esc = nick.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp("(^|[^\\w])" + esc + "($|[^\\w])", "i").test(text);
}
