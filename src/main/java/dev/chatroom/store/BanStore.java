package dev.chatroom.store;

import java.util.List;

/** Where the server's ban list is kept between runs. Saving must not block the caller: it runs on the event loop. */
public interface BanStore {
    /** The bans kept, in the order they were set: read once, at start. */
    List<ServerBan> load() throws StoreException;

    /** Replaces what is kept with this list. */
    void save(List<ServerBan> bans);
}
