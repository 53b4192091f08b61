package dev.chatroom.server;

import java.util.List;

/** Where the ban list is kept between runs. Saving must not block the caller: it runs on the event loop. */
@FunctionalInterface
public interface BanStore {
    void save(List<BanList.Ban> bans);

    BanStore NONE = bans -> {};
}
