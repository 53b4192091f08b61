// Text from others, made safe to show: IRC formatting (bold, colours...) becomes styled spans of
// plain text nodes; every other control character is dropped. Nothing here ever parses HTML.

const BOLD = "\x02", COLOR = "\x03", HEX = "\x04", RESET = "\x0f", MONO = "\x11", REVERSE = "\x16";
const ITALIC = "\x1d", STRIKE = "\x1e", UNDERLINE = "\x1f";

/** The 16 colours by name, in code order, as the terminal client knows them, and other spellings. */
export const COLOR_NAMES = [
  "white", "black", "blue", "green", "red", "brown", "magenta", "orange",
  "yellow", "lightgreen", "cyan", "lightcyan", "lightblue", "pink", "grey", "lightgrey",
];
const ALIASES = {
  megenta: 6, purple: 6, navy: 2, maroon: 5, lime: 9, teal: 10, aqua: 11,
  gray: 14, lightgray: 15, silver: 15, fuchsia: 13,
};

/** The code of a colour name, or -1. */
export function colorCode(name) {
  const n = name.toLowerCase();
  const i = COLOR_NAMES.indexOf(n);
  return i >= 0 ? i : ALIASES[n] ?? -1;
}

/** text in a colour, as the terminal client's /color sends it. */
export function colorize(code, text) {
  return COLOR + String(code).padStart(2, "0") + text + COLOR;
}

// Controls other than the formatting ones (C0, DEL, C1) and the bidirectional overrides that could
// make a line read backwards.
const DROP = /[\x00-\x01\x05-\x0e\x10\x12-\x15\x17-\x1c\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** The text without formatting or control characters: for names, titles, quotes. */
export function plain(text) {
  return String(text)
    .replace(/\x03(\d{1,2}(,\d{1,2})?)?/g, "")
    .replace(/\x04([0-9a-fA-F]{6}(,[0-9a-fA-F]{6})?)?/g, "")
    .replace(/[\x02\x0f\x11\x16\x1d\x1e\x1f]/g, "")
    .replace(DROP, "");
}

/** The text as nodes to append: spans with classes for the formatting, text nodes only. */
export function formatted(text, doc = document) {
  const out = doc.createDocumentFragment();
  const s = String(text).replace(DROP, "");
  let st = fresh();
  let run = "";
  const flush = () => {
    if (!run) return;
    const classes = classesOf(st);
    if (!classes.length && !st.hexFg && !st.hexBg) out.appendChild(doc.createTextNode(run));
    else {
      const span = doc.createElement("span");
      span.className = classes.join(" ");
      // CSSOM, not an attribute: allowed by the page's style-src 'self'
      if (st.hexFg) span.style.color = "#" + st.hexFg;
      if (st.hexBg) span.style.backgroundColor = "#" + st.hexBg;
      span.textContent = run;
      out.appendChild(span);
    }
    run = "";
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === BOLD || c === ITALIC || c === UNDERLINE || c === STRIKE || c === MONO || c === REVERSE) {
      flush();
      const key = { [BOLD]: "bold", [ITALIC]: "italic", [UNDERLINE]: "underline", [STRIKE]: "strike", [MONO]: "mono", [REVERSE]: "reverse" }[c];
      st[key] = !st[key];
    } else if (c === RESET) {
      flush();
      st = fresh();
    } else if (c === COLOR) {
      flush();
      const m = /^(\d{1,2})(?:,(\d{1,2}))?/.exec(s.slice(i + 1));
      st.hexFg = st.hexBg = null;
      if (!m) st.fg = st.bg = -1;
      else {
        st.fg = Number(m[1]);
        if (m[2] !== undefined) st.bg = Number(m[2]);
        i += m[0].length;
      }
    } else if (c === HEX) {
      flush();
      const m = /^([0-9a-fA-F]{6})(?:,([0-9a-fA-F]{6}))?/.exec(s.slice(i + 1));
      st.fg = st.bg = -1;
      if (!m) st.hexFg = st.hexBg = null;
      else {
        st.hexFg = m[1];
        if (m[2] !== undefined) st.hexBg = m[2];
        i += m[0].length;
      }
    } else run += c;
  }
  flush();
  return out;
}

function fresh() {
  return { bold: false, italic: false, underline: false, strike: false, mono: false, reverse: false, fg: -1, bg: -1, hexFg: null, hexBg: null };
}

function classesOf(st) {
  const c = [];
  for (const k of ["bold", "italic", "underline", "strike", "mono", "reverse"]) if (st[k]) c.push(k);
  if (st.fg >= 0 && st.fg < 16) c.push("fg" + st.fg);
  if (st.bg >= 0 && st.bg < 16) c.push("bg" + st.bg);
  return c;
}
