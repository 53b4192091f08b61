package dev.chatroom.store;

/** One entry of a room's ban list (+b): the mask, who set it, when (seconds, as 367 shows it). */
public record RoomBan(String mask, String setBy, long setAtSeconds) {}
