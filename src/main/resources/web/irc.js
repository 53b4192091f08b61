// IRC lines as the server sends them (one per WebSocket message, no CR LF) and as we send them.

/** A line's parts: tags (unescaped), source, its nick, the command (upper case) and the parameters. */
export function parse(line) {
  const tags = {};
  let i = 0;
  if (line.startsWith("@")) {
    const end = line.indexOf(" ");
    for (const tag of line.slice(1, end < 0 ? line.length : end).split(";")) {
      const eq = tag.indexOf("=");
      if (eq < 0) tags[tag] = "";
      else tags[tag.slice(0, eq)] = unescapeTag(tag.slice(eq + 1));
    }
    i = end < 0 ? line.length : end + 1;
  }
  while (line[i] === " ") i++;
  let source = null;
  if (line[i] === ":") {
    const end = line.indexOf(" ", i);
    source = line.slice(i + 1, end < 0 ? line.length : end);
    i = end < 0 ? line.length : end + 1;
  }
  let command = null;
  const params = [];
  while (i < line.length) {
    while (line[i] === " ") i++;
    if (i >= line.length) break;
    if (command !== null && line[i] === ":") {
      params.push(line.slice(i + 1));
      break;
    }
    let end = line.indexOf(" ", i);
    if (end < 0) end = line.length;
    if (command === null) command = line.slice(i, end).toUpperCase();
    else params.push(line.slice(i, end));
    i = end + 1;
  }
  const nick = source === null ? null : source.split("!")[0];
  return { tags, source, nick, command: command || "", params, fromServer: source === null || !source.includes("!") };
}

/** A line to send; the last parameter may hold spaces. No CR, LF or NUL ever goes out: they would split the line. */
export function line(command, params = [], tags = null) {
  const clean = (p) => String(p).replace(/[\r\n\0]/g, " ");
  let out = "";
  if (tags) {
    const parts = Object.entries(tags).map(([k, v]) => (v === "" || v === true ? k : k + "=" + escapeTag(String(v))));
    if (parts.length) out = "@" + parts.join(";") + " ";
  }
  out += command;
  params.forEach((p, n) => {
    const s = clean(p);
    const last = n === params.length - 1;
    out += " " + (last && (s === "" || s.includes(" ") || s.startsWith(":")) ? ":" + s : s);
  });
  return out;
}

const UNESCAPE = { ":": ";", s: " ", "\\": "\\", r: "\r", n: "\n" };

export function unescapeTag(v) {
  let out = "";
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== "\\") out += v[i];
    else if (i + 1 < v.length) out += UNESCAPE[v[++i]] ?? v[i];
  }
  return out;
}

export function escapeTag(v) {
  return v.replace(/[\\; \r\n]/g, (c) => ({ "\\": "\\\\", ";": "\\:", " ": "\\s", "\r": "\\r", "\n": "\\n" })[c]);
}

/** The server's casemapping (rfc1459): names that differ only so are the same person or room. */
export function fold(name) {
  return name.toLowerCase().replace(/[[\]\\~]/g, (c) => ({ "[": "{", "]": "}", "\\": "|", "~": "^" })[c]);
}

export function isRoom(target) {
  return target.startsWith("#") || target.startsWith("&");
}

/** UTF-8 bytes of a string (for the server's line limits). */
export function byteLength(s) {
  return new TextEncoder().encode(s).length;
}
