// The page's slash commands, as the terminal client has them: one row a command, in /help's order.
import { colorCode, colorize, COLOR_NAMES } from "./text.js";
import { isRoom } from "./irc.js";

export const COMMANDS = [
  ["/private <user> <message>", "to one person only (alias /msg); /color or /me may follow <user>"],
  ["/color <color> <message>", "a message in color (" + COLOR_NAMES.slice(2, 11).join(", ") + ", ...)"],
  ["/me <action>", "an action: * you wave"],
  ["/users", "who is in the room"],
  ["/join #room [key]", "join (or create) a room and switch to it"],
  ["/part [#room] [reason]", "leave a room (the chat stays open)"],
  ["/nick <name>", "change your name"],
  ["/topic [text]", "show or set the room's topic"],
  ["/react <emoji>", "react to the last message here"],
  ["/reply <message>", "answer the last message here"],
  ["/leave [reason]", "leave the chat (alias /quit)"],
  ["/help", "this list"],
];

/**
 * What a line typed in a conversation means: {send: {to, text, action}}, {raw: [command, params]},
 * {users}, {help}, {leave}, {react}, {reply}, {join}, {part}, or {problem: text}. to null: here.
 */
export function interpret(input) {
  if (!input.startsWith("/") || input.startsWith("//")) return { send: { to: null, text: input.startsWith("//") ? input.slice(1) : input } };
  const [word, ...restWords] = input.split(" ");
  const rest = restWords.join(" ").trim();
  switch (word.toLowerCase()) {
    case "/private": case "/msg": {
      const [to, ...body] = rest.split(/\s+/);
      const text = body.join(" ");
      if (!to || !text.trim()) return { problem: "Usage: /private <user> <message>" };
      if (text.startsWith("/color ")) {
        const c = colored(text.slice(7));
        return c.problem ? c : { send: { to, text: c.text } };
      }
      if (text.startsWith("/me ")) return { send: { to, text: text.slice(4), action: true } };
      return { send: { to, text } };
    }
    case "/color": {
      const c = colored(rest);
      return c.problem ? c : { send: { to: null, text: c.text } };
    }
    case "/me":
      return rest ? { send: { to: null, text: rest, action: true } } : { problem: "Usage: /me <action>" };
    case "/users": return { users: true };
    case "/help": return { help: true };
    case "/leave": case "/quit": return { leave: rest || null };
    case "/join": {
      const [room, key] = rest.split(/\s+/);
      if (!room) return { problem: "Usage: /join #room [key]" };
      const name = isRoom(room) ? room : "#" + room;
      return { join: name, key: key || null };
    }
    case "/part": {
      const [first, ...why] = rest.split(/\s+/);
      if (first && isRoom(first)) return { part: first, reason: why.join(" ") };
      return { part: null, reason: rest };
    }
    case "/nick":
      return rest ? { raw: ["NICK", [rest.split(/\s+/)[0]]] } : { problem: "Usage: /nick <name>" };
    case "/topic": return { topic: rest };
    case "/react": return rest ? { react: rest.split(/\s+/)[0] } : { problem: "Usage: /react <emoji>" };
    case "/reply": return rest ? { reply: rest } : { problem: "Usage: /reply <message>" };
    default: return { problem: "Unknown command " + word + ". Type /help for the list." };
  }
}

function colored(rest) {
  const [name, ...words] = rest.split(/\s+/);
  const text = words.join(" ").trim();
  if (!name || !text) return { problem: "Usage: /color <color> <message>" };
  const code = colorCode(name);
  if (code < 0) return { problem: "Unknown color " + name + ". Colors: " + COLOR_NAMES.join(", ") + "." };
  return { text: colorize(code, text) };
}
