/**
 * Flow control, knowing nothing of the rest of the core: the flood token bucket, whether a client
 * is still there, and the budgets whose fullness holds senders back (queued output, messages
 * waiting for the disk).
 */
package dev.chatroom.server.flow;
